"""API v2 fields for the plugin's content: thin DRF wrappers over ``scenarios.representation``.

Each field's ``to_representation`` return annotation is the representation's type, so Wagtail's
API v3, which reads ``api_fields`` through a compatibility shim, types the field in its OpenAPI
schema exactly as API v2 serializes it.
"""

from rest_framework import serializers

from . import representation
from .representation import SEO, Closure, LossTypeRef, OpeningStatus, PageRef, PayoutKindRef


class RepresentationField(serializers.Field):
    """A read-only field of the whole instance (``source="*"``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(read_only=True, **kwargs)

    @property
    def request(self):
        return self.context.get("request")


class HeadlineField(RepresentationField):
    """The scenario's headline (its page title)."""

    def to_representation(self, value) -> str:
        return value.title


class LossTypesField(RepresentationField):
    """The scenario's loss types with their names in the scenario's language."""

    def to_representation(self, value) -> list[LossTypeRef]:
        return representation.loss_types(value)


class PayoutKindField(RepresentationField):
    """The kind of payout as a stable value and a label in the scenario's language."""

    def to_representation(self, value) -> PayoutKindRef:
        return representation.payout(value)


class InsuranceLineField(RepresentationField):
    """The insurance line a scenario belongs to, with its URL."""

    def to_representation(self, value) -> PageRef | None:
        return representation.insurance_line(value, self.request)


class TranslationsField(RepresentationField):
    """The same page in the other languages, each with its language and URL."""

    def to_representation(self, value) -> list[PageRef]:
        return representation.translations(value, self.request)


class DisclaimerField(RepresentationField):
    """The operator's disclaimer in the page's language: no client shows a scenario without it."""

    def to_representation(self, value) -> str | None:
        return representation.disclaimer(value, self.request)


class SEOField(RepresentationField):
    """The page's title and description for search engines, with the HTML's fallbacks."""

    def to_representation(self, value) -> SEO:
        return representation.seo(value)


class LocaleCodeField(RepresentationField):
    """The instance's language code ("ja", "en")."""

    def to_representation(self, value) -> str:
        return representation.language_code(value)


class WeekdayNumbersField(serializers.Field):
    """Days of the week as integers, Monday 0 … Sunday 6."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> list[int]:
        return list(value)


class ClockTimeField(serializers.Field):
    """A time of day as "HH:MM"."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return representation.clock_time(value)


class OpeningStatusField(RepresentationField):
    """Whether the phone line is answered now, and when it next opens."""

    def to_representation(self, value) -> OpeningStatus:
        return representation.opening_status(value, self.request)


class ClosuresField(RepresentationField):
    """The closure periods under way or still to come (a yearly one as its next occurrence)."""

    def to_representation(self, value) -> list[Closure]:
        return representation.closures(value, self.request)


class OperatorPageField(RepresentationField):
    """One of the operator's pages, in the operator info's own language."""

    def __init__(self, page_field, **kwargs):
        self.page_field = page_field
        super().__init__(**kwargs)

    def to_representation(self, value) -> PageRef | None:
        return representation.operator_page(value, self.page_field, self.request)


class RichTextHTMLField(RepresentationField):
    """A rich text field as HTML ready to render (see ``representation.rich_text_html``)."""

    def __init__(self, field_name, **kwargs):
        self.rich_text_field = field_name
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return representation.rich_text_html(value, self.rich_text_field)
