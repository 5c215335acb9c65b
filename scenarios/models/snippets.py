"""Snippets shared by every page: the loss-type taxonomy, the contact hours and the operator.

Each is translatable with wagtail-localize. ContactHours and OperatorInfo hold one instance per
language: every page of that language shows it, so an editor changes the phone hours once.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import DraftStateMixin, Locale, Orderable, Page, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail_localize.fields import SynchronizedField

from .. import hours, phone
from ..admin_panels import TypedPageChooserPanel
from ..api_fields import (
    ClockTimeField,
    ClosuresField,
    LocaleCodeField,
    OpeningStatusField,
    OperatorPageField,
    WeekdayNumbersField,
)
from ..compat import writable_api_field
from ..conf import scenarios_settings
from ..fields import WEEKDAY_CHOICES, WeekdaysField
from ..per_request import once_per_request
from ..visibility import is_visible_to


class OnePerLocaleMixin:
    """Keeps a snippet to one instance per language, so every page knows which one to show.

    The database enforces it (a unique constraint on ``locale`` in each model's Meta); ``clean()``
    turns it into a message on the form, which would otherwise not check a field it does not show.
    """

    # The language of the default instance shown in place of a missing one (``for_request``), else
    # empty. A class default rather than an attribute only the fallback has: a template that reads
    # a missing attribute makes Django list the whole model instance (``dir()``) to tell a property
    # that failed from one that is not there, 8 times a page.
    fallback_language = ""

    def clean(self):
        super().clean()
        locale_id = self.locale_id or Locale.get_default().pk
        others = type(self).objects.filter(locale_id=locale_id).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                _("There is already one for this language. Edit that one instead of adding another.")
            )

    @classmethod
    def for_locale(cls, locale):
        """The live instance for ``locale``, or None if there is none yet."""
        return cls.objects.filter(locale=locale, live=True).first()

    @classmethod
    def for_request(cls, request, locale):
        """The live instance for ``locale`` (a Locale or its id), else the default language's,
        looked up once per request: the one lookup that templates and the API share, as Wagtail's
        ``BaseSiteSetting.for_request`` is for settings.

        A fallback instance is marked with ``fallback_language`` so the template can tell a browser
        (and a screen reader) that the text is in another language, rather than showing it silently.
        """
        locale_id = getattr(locale, "pk", locale)

        def find():
            instance = cls.for_locale(locale_id) if locale_id is not None else None
            if instance is None:
                default = Locale.get_default()
                instance = cls.for_locale(default)
                if instance is not None:
                    instance.fallback_language = default.language_code
            return instance

        return once_per_request(request, f"{cls._meta.label_lower}:{locale_id}", find)


class SourceLanguageWorkflowMixin(WorkflowMixin):
    """The approval workflow assigned to the model applies to the source language only.

    Translations follow their source and are published by translators, as English pages are
    (the workflow of pages hangs on the source-language tree): a translator who may publish a
    translation never waits for the source language's approvers.
    """

    class Meta:
        abstract = True

    def get_workflow(self):
        if self.locale_id is not None and self.locale_id != Locale.get_default().pk:
            return None
        return super().get_workflow()


class LossType(TranslatableMixin, Orderable):
    """A kind of loss a scenario claims or pays for: lost profits, data restoration, repair, …

    The slug is the same in every language, so a filter URL works in both.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Used in filter URLs, e.g. lost-profits. The same in every language."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    api_fields = [
        writable_api_field("name"),
        writable_api_field("slug"),
        writable_api_field("description"),
        APIField("locale", serializer=LocaleCodeField()),
    ]

    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("loss type")
        verbose_name_plural = _("loss types")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_loss_type_slug_per_locale"),
        ]

    def __str__(self):
        return self.name


def operator_page_types():
    return scenarios_settings.OPERATOR_PAGE_TYPES


class ContactHours(
    OnePerLocaleMixin,
    SourceLanguageWorkflowMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    ClusterableModel,
):
    """The phone line visitors can call, and when it is answered: weekly hours, public holidays,
    and the closure periods editors keep beside them (``closures``, see ``ClosurePeriod``)."""

    heading = models.CharField(_("heading"), max_length=100, help_text=_("e.g. “Contact us”"))
    phone_label = models.CharField(
        _("phone label"), max_length=50, blank=True, help_text=_("e.g. “Free dial” (toll-free)")
    )
    phone_number = models.CharField(
        _("phone number"),
        max_length=20,
        help_text=_(
            "As it is dialled in the country of the line, e.g. 0120-347-277, or in international form "
            "beginning with +. The same in every language."
        ),
    )
    open_weekdays = WeekdaysField(_("open on"), default=[0, 1, 2, 3, 4])
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    closed_on_national_holidays = models.BooleanField(_("closed on public holidays"), default=True)
    note = models.TextField(_("note"), blank=True, help_text=_("Anything else callers should know. Optional."))

    panels = [
        FieldPanel("heading"),
        FieldRowPanel([FieldPanel("phone_label"), FieldPanel("phone_number")], heading=_("phone")),
        MultiFieldPanel(
            [
                FieldPanel("open_weekdays"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("closed_on_national_holidays"),
            ],
            heading=_("hours"),
            help_text=_("Times are the line's own, in the time zone of the country it is in."),
        ),
        InlinePanel(
            "closures",
            heading=_("closure periods"),
            label=_("closure period"),
            help_text=_(
                "Days the line is closed besides public holidays: once (e.g. a summer closure from "
                "13 to 16 August) or every year (e.g. the New Year holidays from 29 December to 3 January). "
                "Leave empty if the line has none."
            ),
        ),
        FieldPanel("note"),
    ]

    # Writable through API v3: the texts. Hours and weekdays are read-only there (their API shape,
    # "HH:MM" and a list of days, has no writable form in Wagtail's v3): change them in the admin.
    api_fields = [
        writable_api_field("heading"),
        writable_api_field("phone_label"),
        writable_api_field("phone_number"),
        APIField("tel_uri", serializer=serializers.CharField(read_only=True)),
        APIField("open_weekdays", serializer=WeekdayNumbersField()),
        APIField("opens_at", serializer=ClockTimeField()),
        APIField("closes_at", serializer=ClockTimeField()),
        writable_api_field("closed_on_national_holidays"),
        APIField("closures", serializer=ClosuresField()),
        writable_api_field("note"),
        APIField("status", serializer=OpeningStatusField()),
        APIField("locale", serializer=LocaleCodeField()),
    ]

    # Not text: the same in every language, copied to the translations when the source is published.
    # The closure periods follow with their dates; their labels are translated (``ClosurePeriod``).
    follows_source = (
        "phone_number", "open_weekdays", "opens_at", "closes_at", "closed_on_national_holidays", "closures"
    )
    override_translatable_fields = [
        SynchronizedField(name, overridable=False) for name in follows_source if name != "closures"
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact hours")
        verbose_name_plural = _("contact hours")
        constraints = [models.UniqueConstraint(fields=["locale"], name="one_contact_hours_per_locale")]

    def __str__(self):
        return f"{self.heading} {self.phone_number}"

    @classmethod
    def for_locale(cls, locale):
        """The live instance with its closure periods (``loaded_closures``), in one query: every page
        shows the hours and decides from the closures whether the line is open, so the hours' row
        is read joined with each of its periods (one row with empty periods when it has none)."""
        hours_fields = cls._meta.concrete_fields
        period_fields = ClosurePeriod._meta.concrete_fields
        rows = list(
            cls.objects.filter(locale=locale, live=True)
            .order_by("pk", "closures__sort_order", "closures__pk")
            .values_list(*(f.name for f in hours_fields), *(f"closures__{f.name}" for f in period_fields))
        )
        if not rows:
            return None
        first_pk = rows[0][0]
        hours = cls.from_db(cls.objects.db, [f.attname for f in hours_fields], rows[0][: len(hours_fields)])
        hours.loaded_closures = [
            ClosurePeriod.from_db(cls.objects.db, [f.attname for f in period_fields], row[len(hours_fields) :])
            for row in rows
            if row[0] == first_pk and row[len(hours_fields)] is not None
        ]
        return hours

    def clean(self):
        super().clean()
        if self.phone_number and phone.parse(self.phone_number) is None:
            raise ValidationError(
                {
                    "phone_number": _(
                        "This is not a phone number that can be dialled. Write it as it is dialled in the "
                        "country of the line, or in international form beginning with +."
                    )
                }
            )

    @property
    def tel_uri(self):
        """The number as a ``tel:`` link target in international form (``tel:+81120347277``); the
        bare digits if it cannot be read (``clean()`` refuses such a number in the admin)."""
        return phone.tel_uri(self.phone_number) or "tel:" + "".join(c for c in self.phone_number if c.isdigit())

    @property
    def international_phone_number(self):
        """``+81 120-347-277``, as schema.org and callers from abroad need it, or None if unreadable."""
        return phone.international(self.phone_number)

    @property
    def time_zone_name(self):
        """The hours' time zone as people write it after a time, e.g. JST."""
        return timezone.now().astimezone(hours.line_time_zone()).tzname()

    @property
    def is_weekdays_only(self):
        return self.open_weekdays == [0, 1, 2, 3, 4]

    def is_open_at(self, moment):
        return hours.is_open_at(self, moment)

    def next_opening_after(self, moment):
        return hours.next_opening_after(self, moment)

    @property
    def open_day_names(self):
        names = dict(WEEKDAY_CHOICES)
        return [names[day] for day in self.open_weekdays]

    def upcoming_closures(self, moment):
        """The closures under way at ``moment`` or still to come (``hours.Closure``), in order."""
        return hours.upcoming_closures(self, moment.astimezone(hours.line_time_zone()).date())


class ClosurePeriod(TranslatableMixin, Orderable):
    """Days the phone line is closed besides public holidays: once, or every year.

    The dates follow the source language (``follows_source``: copied into every translation when the
    source is published); the label is translated like any text. For a period every year only the
    month and day count, and one whose last day comes before its first runs across the new year.
    """

    hours = ParentalKey(ContactHours, on_delete=models.CASCADE, related_name="closures")
    label = models.CharField(
        _("label"), max_length=100, help_text=_("A few words for callers, e.g. “New Year holidays”.")
    )
    starts_on = models.DateField(_("first day closed"))
    ends_on = models.DateField(_("last day closed"))
    every_year = models.BooleanField(
        _("every year"),
        default=False,
        help_text=_(
            "On the same days every year; only the month and day count. A period may run across the "
            "new year, e.g. from 29 December to 3 January."
        ),
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("every_year"),
    ]

    follows_source = ("starts_on", "ends_on", "every_year")
    override_translatable_fields = [SynchronizedField(name, overridable=False) for name in follows_source]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("closure period")
        verbose_name_plural = _("closure periods")

    def __str__(self):
        return f"{self.label} {self.starts_on}–{self.ends_on}"

    def clean(self):
        super().clean()
        if self.starts_on is None or self.ends_on is None:
            return
        if self.every_year:
            if self.ends_on >= hours.a_year_after(self.starts_on):
                raise ValidationError(
                    {"ends_on": _("A closure every year must end less than a year after its first day.")}
                )
            if self.ends_on < self.starts_on and not hours.crosses_new_year(self):
                raise ValidationError({"ends_on": _("The last day closed cannot come before the first day.")})
        elif self.ends_on < self.starts_on:
            raise ValidationError(
                {
                    "ends_on": _(
                        "The last day closed cannot come before the first day. For days off every year "
                        "across the new year, tick “every year”."
                    )
                }
            )


class OperatorInfo(
    OnePerLocaleMixin, SourceLanguageWorkflowMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """Who runs the site, where to read about them, and the disclaimer every scenario carries."""

    operator_name = models.CharField(_("operator"), max_length=200)
    site_name = models.CharField(_("site name"), max_length=200)
    site_manager_name = models.CharField(
        _("site manager"),
        max_length=200,
        blank=True,
        help_text=_("The person responsible for the site. Left empty by the seed content: fill it in."),
    )
    scenario_disclaimer = models.TextField(
        _("scenario disclaimer"),
        help_text=_("Shown on every scenario page and carried by every scenario in the API."),
    )
    operator_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("operator page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    site_manager_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("site manager page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("operator_name"),
        FieldPanel("site_manager_name"),
        FieldPanel("scenario_disclaimer"),
        MultiFieldPanel(
            [
                TypedPageChooserPanel("operator_page", page_type=operator_page_types),
                TypedPageChooserPanel("site_manager_page", page_type=operator_page_types),
                TypedPageChooserPanel("privacy_policy_page", page_type=operator_page_types),
            ],
            heading=_("links"),
        ),
    ]

    api_fields = [
        writable_api_field("operator_name"),
        writable_api_field("site_name"),
        writable_api_field("site_manager_name"),
        writable_api_field("scenario_disclaimer"),
        APIField("operator_page", serializer=OperatorPageField("operator_page")),
        APIField("site_manager_page", serializer=OperatorPageField("site_manager_page")),
        APIField("privacy_policy_page", serializer=OperatorPageField("privacy_policy_page")),
        APIField("locale", serializer=LocaleCodeField()),
    ]

    # Copied to the translations when the source is published, each pointed at its translation.
    follows_source = ("operator_page", "site_manager_page", "privacy_policy_page")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("operator info")
        verbose_name_plural = _("operator info")
        constraints = [models.UniqueConstraint(fields=["locale"], name="one_operator_info_per_locale")]

    def __str__(self):
        return self.operator_name

    LINKS = ("operator_page", "site_manager_page", "privacy_policy_page")
    # What a link shows and needs (its title, address, language, and whether it may be shown): every
    # page reads the operator, and the linked pages' other columns were most of the query's cost.
    LINKED_PAGE_FIELDS = ("title", "url_path", "path", "live", "translation_key", "locale__language_code")

    @classmethod
    def for_locale(cls, locale):
        """The live instance with what its linked pages show, in one query."""
        links = [f"{link}__{field}" for link in cls.LINKS for field in cls.LINKED_PAGE_FIELDS]
        own = [field.name for field in cls._meta.concrete_fields if field.name not in cls.LINKS]
        return (
            cls.objects.filter(locale=locale, live=True)
            .select_related("locale", *cls.LINKS, *(f"{link}__locale" for link in cls.LINKS))
            .only(*own, "locale__language_code", *links)
            .first()
        )

    def _linked(self):
        return [page for page in (getattr(self, link) for link in self.LINKS) if page]

    def linked_page_translations(self, locale):
        """The live translations in ``locale`` of the linked pages, whoever may see them (one query)."""
        keys = [page.translation_key for page in self._linked()]
        return list(Page.objects.live().filter(translation_key__in=keys, locale=locale).select_related("locale"))

    def linked_pages(self, locale, request=None):
        """The operator, site-manager and privacy pages that ``request`` may see, in ``locale`` (a
        Locale or its id): each as linked where it is in that language already (as a translation's
        links are, once they follow the source), else its live translation in ``locale`` where it
        has one."""
        locale_id = getattr(locale, "pk", locale)
        linked = self._linked()
        if locale_id is not None and any(page.locale_id != locale_id for page in linked):
            translations = self.linked_page_translations(locale_id)
            by_key = {page.translation_key: page for page in translations if is_visible_to(request, page)}
            linked = [by_key.get(page.translation_key, page) for page in linked]
        return [page for page in linked if is_visible_to(request, page)]
