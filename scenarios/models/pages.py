"""The page types: an insurance line, and the incident scenarios under it."""

import operator
from functools import reduce

from django.core.paginator import InvalidPage
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.api import APIField
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..api_fields import (
    DisclaimerField,
    HeadlineField,
    InsuranceLineField,
    LossTypesField,
    PayoutKindField,
    RichTextHTMLField,
    SEOField,
    TranslationsField,
)
from ..conf import scenarios_settings
from ..forms import IncidentScenarioForm
from ..pagination import CountingPaginator
from ..preview import HeadlessPreviewModeMixin
from ..search import index_text
from ..tree import below
from ..visibility import ViewRestrictionsInOneQueryMixin, visible_to


class ConfiguredPermissionsMixin:
    """Asks the project's ``SCENARIOS["PAGE_PERMISSION_TESTER"]`` (see ``scenarios.conf``) what a user may
    do to this page; Wagtail calls ``permissions_for_user`` for every page action, in the admin, its
    bulk actions and API v3 alike."""

    def permissions_for_user(self, user):
        return scenarios_settings.page_permission_tester(user, self)


class InsuranceLineIndexPage(
    ConfiguredPermissionsMixin, HeadlessPreviewModeMixin, ViewRestrictionsInOneQueryMixin, Page
):
    """One line of insurance (e.g. IT-work liability) and the scenarios it answers, in page order."""

    coverage_summary = models.TextField(
        _("what the line covers"),
        help_text=_("One or two sentences: who is covered and for what."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Optional text shown above the list of scenarios."),
    )

    content_panels = Page.content_panels + [FieldPanel("coverage_summary"), FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("coverage_summary"),
        index.SearchField("intro"),
        index.SearchField("search_terms"),
    ]

    api_fields = [
        APIField("coverage_summary"),
        APIField("intro", serializer=RichTextHTMLField("intro")),
        APIField("translations", serializer=TranslationsField()),
        APIField("seo", serializer=SEOField()),
    ]

    subpage_types = ["scenarios.IncidentScenarioPage"]
    template = "scenarios/insurance_line_index_page.html"

    class Meta:
        verbose_name = _("insurance line")
        verbose_name_plural = _("insurance lines")

    @classmethod
    def clean_parent_page_models(cls):
        """Where a line may be created: the project's ``SCENARIOS["LINE_PARENT_PAGE_TYPES"]``, read when
        Wagtail asks rather than once at import (Wagtail keeps ``parent_page_types`` from class creation)."""
        page_types = scenarios_settings.LINE_PARENT_PAGE_TYPES
        if page_types is None:
            return get_page_models()
        return [resolve_model_string(page_type, cls._meta.app_label) for page_type in page_types]

    def get_meta_description(self):
        return self.search_description or self.coverage_summary

    def search_terms(self):
        """Japanese n-grams and English stems of the line's text (see ``scenarios.search``)."""
        return index_text(self.title, self.coverage_summary)

    def live_scenarios(self, request):
        """This line's live scenarios that ``request`` may see, in page order, with their loss types,
        in a fixed number of queries."""
        scenarios = IncidentScenarioPage.objects.live().filter(below(self))
        return (
            visible_to(request, scenarios).order_by("path").prefetch_related(IncidentScenarioPage.loss_types_prefetch())
        )

    def get_context(self, request, *args, **kwargs):
        """The line's scenarios, ``SCENARIOS_PER_PAGE`` to a page (``?page=2``…): a line with
        thousands of scenarios stays a light page. A page number that is not one is a 404."""
        context = super().get_context(request, *args, **kwargs)
        paginator = CountingPaginator(self.live_scenarios(request), self.SCENARIOS_PER_PAGE)
        try:
            scenarios = paginator.page(request.GET.get("page", "1"))
        except InvalidPage as error:
            raise Http404("There is no such page of scenarios.") from error
        context["scenarios"] = scenarios
        context["scenario_count"] = paginator.count
        return context

    SCENARIOS_PER_PAGE = 50


class PayoutKind(models.TextChoices):
    """Who receives the money: a third party suing the insured, or the insured for its own cost."""

    THIRD_PARTY_LIABILITY = "liability", _("Third-party liability claim")
    OWN_COST = "own-cost", _("First-party loss paid to the policyholder")


class IncidentScenarioPage(
    ConfiguredPermissionsMixin, HeadlessPreviewModeMixin, ViewRestrictionsInOneQueryMixin, Page
):
    """One hypothetical incident: what happened and what was claimed or paid, kept word for word.

    The title is a short headline written by the editors; the narrative fields hold the source
    text exactly, split at the end of the sentence where the story of the incident ends and the
    claim or payment begins. A source that tells both in one sentence stays one passage, in
    ``what_happened``, with ``claim_or_payment`` empty.
    """

    what_happened = models.TextField(_("what happened"))
    claim_or_payment = models.TextField(
        _("what was claimed or paid"),
        blank=True,
        help_text=_(
            "The claim made against the insured, or what the insurer paid. The split from “what happened” "
            "falls at the end of a sentence; leave this empty when the source tells both in one sentence."
        ),
    )
    payout_kind = models.CharField(_("type of case"), max_length=20, choices=PayoutKind.choices)
    caveat = models.TextField(
        _("caveat"),
        blank=True,
        help_text=_("A note specific to this scenario, e.g. “needs a rider”. Leave empty if there is none."),
    )

    content_panels = [
        TitleFieldPanel(
            "title",
            heading=_("headline"),
            placeholder=_("Headline*"),
            help_text=_("A short headline for the scenario, written by the editors."),
        ),
        FieldPanel("what_happened"),
        FieldPanel("claim_or_payment"),
        MultiFieldPanel(
            [FieldPanel("payout_kind"), InlinePanel("loss_type_links", label=_("loss type"))],
            heading=_("classification"),
        ),
        FieldPanel("caveat"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("what_happened"),
        index.SearchField("claim_or_payment"),
        index.SearchField("caveat"),
        index.SearchField("search_terms"),
        index.FilterField("payout_kind"),
    ]

    api_fields = [
        APIField("headline", serializer=HeadlineField()),
        APIField("what_happened"),
        APIField("claim_or_payment"),
        APIField("payout", serializer=PayoutKindField()),
        APIField("loss_types", serializer=LossTypesField()),
        APIField("caveat"),
        APIField("insurance_line", serializer=InsuranceLineField()),
        APIField("disclaimer", serializer=DisclaimerField()),
        APIField("translations", serializer=TranslationsField()),
        APIField("seo", serializer=SEOField()),
    ]

    # Not text: copied to the translations when the source is published (loss types pointed at
    # their translations), so an English scenario never shows yesterday's classification.
    follows_source = ("payout_kind", "loss_type_links")
    override_translatable_fields = [SynchronizedField("payout_kind", overridable=False)]

    base_form_class = IncidentScenarioForm
    parent_page_types = ["scenarios.InsuranceLineIndexPage"]
    subpage_types = []
    template = "scenarios/incident_scenario_page.html"

    class Meta:
        verbose_name = _("incident scenario")
        verbose_name_plural = _("incident scenarios")

    @property
    def serving_prefetches(self):
        """What a scenario's page shows besides its own fields, for a project's ``route`` that finds
        the page with its own row joined to load at once (as the site's home page does)."""
        return [self.loss_types_prefetch()]

    @staticmethod
    def loss_types_prefetch():
        """For ``prefetch_related``: each scenario's loss types, in one query for a whole list."""
        return Prefetch("loss_type_links", queryset=ScenarioLossType.objects.select_related("loss_type"))

    @property
    def loss_types(self):
        """The loss types in the order the editor gave them. A list of scenarios, and a page as it is
        served, loads them for all at once with ``prefetch_related(loss_types_prefetch())``; a draft
        being previewed holds its own."""
        return [link.loss_type for link in self.loss_type_links.all()]

    @property
    def is_one_passage(self):
        return not self.claim_or_payment.strip()

    def get_meta_description(self):
        return self.search_description or self.what_happened

    def search_terms(self):
        """Japanese n-grams and English stems of the scenario and its line's name, so that a search
        for the line's words (e.g. 漏えい) finds its scenarios too."""
        line = self.insurance_line
        return index_text(
            self.title, self.what_happened, self.claim_or_payment, self.caveat, line.title if line else ""
        )

    @property
    def insurance_line(self):
        """The line this scenario is under (loaded for a whole list at once by ``with_lines``)."""
        if not hasattr(self, "_insurance_line"):
            self._insurance_line = (
                InsuranceLineIndexPage.objects.filter(path=self.path[: -self.steplen], depth=self.depth - 1)
                .select_related("locale")
                .first()
            )
        return self._insurance_line

    @classmethod
    def with_lines(cls, scenarios, lines=None):
        """``scenarios`` as a list, each with its insurance line loaded: from ``lines`` when the caller
        has them, else in one query for all."""
        scenarios = list(scenarios)
        parent_paths = {scenario.path[: -cls.steplen] for scenario in scenarios}
        if lines is None:
            lines = InsuranceLineIndexPage.objects.filter(path__in=parent_paths).select_related("locale")
        lines = {line.path: line for line in lines}
        for scenario in scenarios:
            scenario._insurance_line = lines.get(scenario.path[: -cls.steplen])
        return scenarios

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The line the route came through, where a project's router kept the pages on the way.
        ancestors = getattr(self, "route_ancestors", None)
        context["insurance_line"] = ancestors[-1] if ancestors else self.insurance_line
        context["loss_types"] = self.loss_types
        return context

    @classmethod
    def count_per_line(cls, request):
        """An annotation for a queryset of lines: how many live scenarios each one has that
        ``request`` may see. The scenarios of a line are the pages whose path lies between the line's
        and the line's followed by the last path step (the tree's order, as ``order_by("path")``).
        They are counted as pages (a line holds scenarios alone), without joining their own table:
        at 10,000 scenarios the join took half the count's time."""
        last_step = Page.alphabet[-1] * cls.steplen
        scenarios = visible_to(
            request,
            Page.objects.live().filter(
                depth=OuterRef("depth") + 1,
                path__gt=OuterRef("path"),
                path__lte=Concat(OuterRef("path"), Value(last_step)),
            ),
        )
        return Coalesce(Subquery(scenarios.order_by().values("depth").annotate(total=Count("pk")).values("total")), 0)

    @classmethod
    def live_by_line(cls, lines, request, per_line=None):
        """[(line, [its live scenarios in page order]), …] for the given lines, in two queries
        however many (the scenarios, then their loss types); with ``per_line``, at most that many
        per line, the first in page order: each line's are found along the path index and the
        search stops there, so a line with thousands of scenarios costs what one with twelve does.

        Scenarios ``request`` may not see are left out (see ``scenarios.visibility``).
        """
        if not lines:
            return []
        live = visible_to(request, cls.objects.live())
        ranges = []
        for line in lines:
            scenarios_of_line = below(line)
            if per_line is not None:
                # Up to the last one shown: a range of the path index that ends at the path of the
                # line's per_line-th scenario (found along the index), else at the line's last path.
                last_shown = live.filter(scenarios_of_line).order_by("path").values("path")[per_line - 1 : per_line]
                end = Coalesce(Subquery(last_shown), Value(line.path + Page.alphabet[-1] * cls.steplen))
                scenarios_of_line &= Q(path__lte=end)
            ranges.append(scenarios_of_line)
        scenarios = live.filter(reduce(operator.or_, ranges))
        by_path = {line.path: [] for line in lines}
        # Sorted here: ordered by path, SQLite would read the whole path index in order rather than
        # each line's range.
        found = scenarios.order_by().prefetch_related(cls.loss_types_prefetch())
        for scenario in sorted(found, key=lambda scenario: scenario.path):
            by_path.get(scenario.path[: -cls.steplen], []).append(scenario)
        return [(line, by_path[line.path]) for line in lines]


class ScenarioLossType(TranslatableMixin, Orderable):
    """Links a scenario to a loss type. Translatable, so the English scenario links English names."""

    page = ParentalKey(IncidentScenarioPage, on_delete=models.CASCADE, related_name="loss_type_links")
    loss_type = models.ForeignKey(
        "scenarios.LossType", verbose_name=_("loss type"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("loss_type")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("loss type")
