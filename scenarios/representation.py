"""How the plugin's content looks to an API client: one shape, built once, for API v2 and v3 alike.

Each builder takes a model instance (and the request, for absolute URLs and per-request lookups)
and returns plain JSON data typed by the TypedDicts here. API v2 wraps them in DRF fields
(``scenarios.api_fields``), API v3 in pydantic schemas (``scenarios.api.v3``), so a front end gets
the same JSON from either version, and v3's OpenAPI document types it exactly.

Conventions: weekdays are integers (Monday 0 … Sunday 6), times are "HH:MM" and days ISO 8601 dates
in the line's time zone, moments are ISO 8601 with their offset, a locale is its language code, and every page reference
carries its URL in its own language.
"""


from django.apps import apps
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from typing_extensions import TypedDict  # pydantic needs it for TypedDict on Python < 3.12
from wagtail.rich_text import expand_db_html

from .seo import meta_description
from .visibility import visible_to


class PageRef(TypedDict):
    id: int
    title: str
    locale: str
    url: str


class LossTypeRef(TypedDict):
    id: int
    slug: str
    name: str


class PayoutKindRef(TypedDict):
    value: str
    label: str


class SEO(TypedDict):
    title: str
    description: str


class OpeningStatus(TypedDict):
    open_now: bool
    next_opening: str | None


class Closure(TypedDict):
    label: str
    starts_on: str
    ends_on: str
    every_year: bool


def absolute_url(page, request):
    """The page's public URL, absolute (from the Site record, see ``sync_site_url``)."""
    return page.get_full_url(request) or ""


def page_ref(page, request) -> PageRef:
    return {
        "id": page.pk,
        "title": page.title,
        "locale": language_code(page),
        "url": absolute_url(page, request),
    }


def language_code(instance) -> str:
    """The language code of a page or snippet (whose queryset joins its locale)."""
    return instance.locale.language_code


def translations(page, request) -> list[PageRef]:
    """The same page in the other languages, live and visible to the request, each with its URL."""
    if hasattr(page, "_api_translations"):
        others = page._api_translations
    else:
        others = visible_to(request, page.get_translations().live()).select_related("locale").order_by("locale_id")
    return [page_ref(other, request) for other in others]


def loss_types(scenario) -> list[LossTypeRef]:
    return [{"id": item.pk, "slug": item.slug, "name": item.name} for item in scenario.loss_types]


def payout(scenario) -> PayoutKindRef:
    with translation.override(language_code(scenario)):
        return {"value": scenario.payout_kind, "label": str(scenario.get_payout_kind_display())}


def seo(page) -> SEO:
    """The title and description search engines get, with the fallbacks the HTML pages use."""
    return {"title": page.seo_title or page.title, "description": meta_description(page)}


def weekdays(hours) -> list[int]:
    return list(hours.open_weekdays)


def rich_text_html(page, field_name) -> str:
    """A rich text field of ``page`` as HTML ready to render: internal links to the linked pages'
    own URLs in the page's language (not the request's), images and embeds expanded."""
    with translation.override(language_code(page)):
        return expand_db_html(getattr(page, field_name) or "")


def clock_time(value) -> str:
    return value.strftime("%H:%M")


def opening_status(hours, request=None) -> OpeningStatus:
    """Whether the line is answered now, and when it next opens (holidays and closures included)."""
    now = timezone.now()
    next_opening = hours.next_opening_after(now)
    return {
        "open_now": hours.is_open_at(now),
        "next_opening": next_opening.isoformat() if next_opening else None,
    }


def closures(hours, request=None) -> list[Closure]:
    """The closure periods under way or still to come, in the order they begin: a one-off period
    until its last day, a yearly one as its current or next occurrence (``every_year`` true), so a
    client shows dates without working out the repetition."""
    return [
        {
            "label": closure.label,
            "starts_on": closure.starts_on.isoformat(),
            "ends_on": closure.ends_on.isoformat(),
            "every_year": closure.every_year,
        }
        for closure in hours.upcoming_closures(timezone.now())
    ]


def disclaimer(page, request) -> str | None:
    """The operator's disclaimer in the page's language (else the default language's)."""
    operator = apps.get_model("scenarios", "OperatorInfo").for_request(request, page.locale_id)
    return operator.scenario_disclaimer if operator else None


def operator_page(operator, field_name, request) -> PageRef | None:
    """One of the operator's linked pages, in the operator info's own language where it has a live
    translation, and only if the request may see it."""
    linked = {page.translation_key: page for page in operator.linked_pages(operator.locale_id, request)}
    page = getattr(operator, field_name)
    if page is None or page.translation_key not in linked:
        return None
    return page_ref(linked[page.translation_key], request)


def insurance_line(scenario, request) -> PageRef | None:
    line = scenario.insurance_line
    return page_ref(line, request) if line is not None else None


def prefetch_for_listing(pages, request, fields=None):
    """Load in a fixed number of queries what the representations of ``pages`` read per page:
    translations, each scenario's line and loss types; only those that ``fields`` (the names of
    the fields to be shown; None for all) asks for: a listing of titles and links loads nothing
    more. Returns the pages."""
    from wagtail.models import Page

    pages = list(pages)
    wanted = (lambda name: True) if fields is None else set(fields).__contains__
    if not pages:
        return pages
    if wanted("translations"):
        by_key = {}
        keys = {page.translation_key for page in pages}
        others = visible_to(request, Page.objects.live()).filter(translation_key__in=keys).select_related("locale")
        for other in others.order_by("locale_id"):
            by_key.setdefault(other.translation_key, []).append(other)
        for page in pages:
            page._api_translations = [other for other in by_key.get(page.translation_key, []) if other.pk != page.pk]

    scenarios = [page for page in pages if hasattr(page, "loss_type_links")]
    if scenarios and wanted("loss_types"):
        prefetch_related_objects(scenarios, type(scenarios[0]).loss_types_prefetch())
    if scenarios and (wanted("insurance_line") or wanted("parent")):
        type(scenarios[0]).with_lines(scenarios)
    if wanted("parent"):
        # A scenario's parent is its line; the others' are read in one query for all.
        others = [page for page in pages if page not in scenarios]
        paths = {page.path[: -Page.steplen] for page in others}
        parents = Page.objects.filter(path__in=paths) if paths else []
        by_path = {parent.path: parent for parent in parents}
        for page in pages:
            page.api_parent = page.insurance_line if page in scenarios else by_path.get(page.path[: -Page.steplen])
    return pages

