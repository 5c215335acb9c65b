"""The site's own pages, and the ledger of seed content already loaded."""


from django.conf import settings
from django.db import models
from django.db.models import Case, Q, When
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.routing import DirectRouteMixin
from scenarios.api_fields import RichTextHTMLField, SEOField, TranslationsField
from scenarios.models import ConfiguredPermissionsMixin, IncidentScenarioPage, InsuranceLineIndexPage
from scenarios.page_types import as_served, with_page_types
from scenarios.preview import HeadlessPreviewModeMixin
from scenarios.tree import below
from scenarios.visibility import ViewRestrictionsInOneQueryMixin, is_visible_to


class HomePage(
    DirectRouteMixin, ConfiguredPermissionsMixin, HeadlessPreviewModeMixin, ViewRestrictionsInOneQueryMixin, Page
):
    """The overview the seed page gives: every insurance line with its scenarios, the disclaimer
    and the contact block."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("translations", serializer=TranslationsField()),
        APIField("seo", serializer=SEOField()),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["scenarios.InsuranceLineIndexPage", "home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_meta_description(self):
        return self.search_description or self.intro

    def route(self, request, path_components):
        """Also route a visitor URL that still carries its language prefix, as the API's ``find``
        receives it (``/en/it-work-liability/…``): the prefix picks this home's translation.

        A public request has had its prefix taken off by ``i18n_patterns`` already, so this applies
        only to requests whose own path has none (the API), never making /ja/en/… a page.
        """
        languages = dict(settings.LANGUAGES)
        if path_components and path_components[0] in languages and not get_language_from_path(request.path_info):
            home = self.get_translations(inclusive=True).filter(locale__language_code=path_components[0]).first()
            if home is None:
                raise Http404
            return super(HomePage, home.specific).route(request, path_components[1:])
        return super().route(request, path_components)

    # The home page shows the first scenarios of each line and links to the rest, so it stays light
    # with thousands of scenarios (the line pages have them all, and the sitemap lists every one).
    SCENARIOS_PER_LINE = 12

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lines_with_scenarios"] = IncidentScenarioPage.live_by_line(
            self.lines_for(request), request, per_line=self.SCENARIOS_PER_LINE
        )
        return context

    def lines_for(self, request):
        """The live insurance lines below this page that ``request`` may see, in page order, each with
        its ``scenario_count``. They are read in one query with this page's language versions, which
        it keeps for the language switch (``known_translations``)."""
        children = below(self) & Q(live=True)
        rows = with_page_types(Page.objects.filter(children | Q(translation_key=self.translation_key)))
        # Counted for the lines alone: counting below the other rows (the home page's versions) would
        # read every scenario of the site.
        count = Case(When(children, then=IncidentScenarioPage.count_per_line(request)), default=0)
        rows = rows.annotate(scenario_count=count).order_by()  # sorted here, as in live_by_line
        lines, self.known_translations = [], []
        for row in sorted(rows, key=lambda row: row.path):
            if row.translation_key == self.translation_key:
                if row.live:
                    self.known_translations.append(row)
            elif row.specific_class is InsuranceLineIndexPage and is_visible_to(request, row):
                line = as_served(row)
                line.scenario_count = row.scenario_count
                lines.append(line)
        return lines


class StandardPage(ConfiguredPermissionsMixin, HeadlessPreviewModeMixin, ViewRestrictionsInOneQueryMixin, Page):
    """A plain page of text: about the operator, the site manager, the privacy policy."""

    body = RichTextField(
        _("body"),
        blank=True,
        help_text=_(
            "The seed content gives no details for these pages; write them here (names, addresses, policy)."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    api_fields = [
        APIField("body", serializer=RichTextHTMLField("body")),
        APIField("translations", serializer=TranslationsField()),
        APIField("seo", serializer=SEOField()),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")

    def get_meta_description(self):
        return self.search_description or strip_tags(self.body)


class SeedRecord(models.Model):
    """One piece of seed content the loader has created, so that it never creates or touches it again.

    Keyed by the seed's own names, not by slug or title: an editor may rename, move, edit or delete
    what the seed created, and the next load leaves it as the editor left it.
    """

    key = models.CharField(max_length=255, unique=True)
    object_id = models.BigIntegerField(null=True, blank=True, help_text="The page or snippet created for it.")
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("loaded seed item")

    def __str__(self):
        return self.key


class RecycleBinPage(Page):
    """Where the deleted pages of one language wait (``home.editorial.recycle_bin``).

    A child of the tree's root, outside every site, so nothing in it has an address; its pages are
    unpublished. Nobody adds pages here: they are moved in by deleting and out by restoring.
    """

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    is_creatable = False

    class Meta:
        verbose_name = _("recycle bin")

    def serve(self, request, *args, **kwargs):
        raise Http404

    def get_sitemap_urls(self, request=None):
        return []


class DeletedPage(models.Model):
    """A page that was deleted and waits in the recycle bin, with its subtree, to be restored.

    One row for each language version deleted together (``deletion``): a page and its translations
    go into the bin and come back as one. The page itself is moved, not copied, so every field, its
    loss types, revisions, comments, privacy, translations and history stay as they were.
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    deletion = models.UUIDField(_("deletion"), db_index=True, help_text="Rows deleted together share it.")
    parent = models.ForeignKey(
        Page, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("parent page")
    )
    parent_title = models.CharField(_("parent page"), max_length=255)
    previous_sibling = models.ForeignKey(Page, null=True, on_delete=models.SET_NULL, related_name="+")
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    url = models.CharField(_("address"), max_length=2048, blank=True, help_text="Its public address, if it had one.")
    live_page_ids = models.JSONField(_("pages that were live"), default=list)
    descendant_count = models.PositiveIntegerField(_("pages under it"), default=0)
    deleted_at = models.DateTimeField(_("deleted at"), auto_now_add=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deleted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("deleted page")
        verbose_name_plural = _("deleted pages")
        ordering = ["-deleted_at", "page__locale_id", "pk"]

    def __str__(self):
        return self.page.title

    @property
    def was_live(self):
        return self.page_id in self.live_page_ids
