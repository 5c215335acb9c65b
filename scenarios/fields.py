"""A model field for the days of the week a phone line is open."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class WeekdaysField(models.CharField):
    """Stores a set of weekdays (Monday = 0, as ``datetime.weekday()``) as digits, e.g. "01234".

    In Python the value is a sorted list of ints; editors tick the days in a checkbox list. Stored
    as text so it works the same on SQLite and PostgreSQL and stays readable in a revision.
    """

    description = "Days of the week"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 7)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 7:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def to_python(self, value):
        if value is None:
            return []
        if isinstance(value, str):
            digits = value
        else:
            digits = "".join(str(day) for day in value)
        if any(char not in "0123456" for char in digits):
            raise ValidationError(_("Weekdays must be numbers from 0 (Monday) to 6 (Sunday)."))
        return sorted({int(char) for char in digits})

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        return "".join(str(day) for day in self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        # CharField.validate would check the list against max_length and choices as a string.
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        return super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": WEEKDAY_CHOICES,
            "coerce": int,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
        }
        defaults.update(kwargs)
        # Skip CharField.formfield: it would add max_length to a list-valued form field.
        return models.Field.formfield(self, **defaults)
