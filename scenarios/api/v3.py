"""Wagtail API v3 (django-ninja) endpoints of the plugin, typed exactly in the OpenAPI document.

Wagtail's v3 serves pages and snippets itself; it lists pages by id and title only, and ignores the
plugin's filters. The plugin adds, read-only and live-only:

- ``/scenarios/`` and ``/scenarios/{id}/``: scenarios with everything a card or a page shows
  (headline, narrative, line, payout, loss types, disclaimer, translations, SEO), filterable by
  language, line, loss type, payout kind and search, in one request;
- ``/contact-hours/``, ``/operator-info/``, ``/loss-types/`` and their details.

Every field comes from ``scenarios.representation``, the same builders API v2 uses, so both
versions give the same JSON. ``add_plugin_routes()`` adds these routers to Wagtail's ``api`` when the
app is ready (``ScenariosConfig.ready``); a project mounts ``wagtail.api.v3.api.api.urls``. The
snippet schemas are named ``…Out``: Wagtail's own ``/snippets/`` router registers ``…Schema`` for
every snippet model, and two schemas of one name would leave the document with only one of them.
"""

from typing import Annotated, Literal, Optional

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.api.v3.api import api
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.routers.pages import PageDetailSchema

from .. import representation
from ..models import ContactHours, IncidentScenarioPage, InsuranceLineIndexPage, LossType, OperatorInfo, SearchSynonym
from ..preview import PreviewNotFound, previewed_page
from ..representation import SEO, Closure, LossTypeRef, OpeningStatus, PageRef, PayoutKindRef
from ..search import found_by, search_query
from ..tree import below
from ..visibility import visible_to
from . import queries

HHMM = r"^\d{2}:\d{2}$"
# An id the database can hold: a larger number is a 422 from validation, not a 500 from the database.
ObjectId = Annotated[int, Field(ge=1, le=2**63 - 1)]


def _request(context):
    return context.get("request") if context else None


class LocalizedSchema(Schema):
    id: int
    locale: str = Field(description="The language code, e.g. ja or en.")

    @staticmethod
    def resolve_locale(obj):
        return representation.language_code(obj)


class ContactHoursOut(LocalizedSchema):
    heading: str
    phone_label: str
    phone_number: str
    tel_uri: str = Field(description="The number as a tel: link target, in international form.")
    open_weekdays: list[int] = Field(description="Days the line is open, Monday = 0 … Sunday = 6.")
    # Wall-clock times in the line's time zone. A JSON Schema "time" would demand a UTC offset, which
    # a weekly opening hour does not have.
    opens_at: str = Field(pattern=HHMM, description="Opening time, HH:MM, in the line's time zone.")
    closes_at: str = Field(pattern=HHMM, description="Closing time, HH:MM, in the line's time zone.")
    closed_on_national_holidays: bool
    closures: list[Closure] = Field(
        description="Closure periods besides public holidays, under way or to come, in the order they begin: "
        "first and last closed day (inclusive, the line's dates); a yearly period as its current or next "
        "occurrence, with every_year true."
    )
    note: str
    status: OpeningStatus = Field(
        description="Whether the line is answered now, and when it next opens (holidays and closures included)."
    )

    @staticmethod
    def resolve_open_weekdays(obj):
        return representation.weekdays(obj)

    @staticmethod
    def resolve_opens_at(obj):
        return representation.clock_time(obj.opens_at)

    @staticmethod
    def resolve_closes_at(obj):
        return representation.clock_time(obj.closes_at)

    @staticmethod
    def resolve_closures(obj, context):
        return representation.closures(obj, _request(context))

    @staticmethod
    def resolve_status(obj, context):
        return representation.opening_status(obj, _request(context))


class OperatorInfoOut(LocalizedSchema):
    operator_name: str
    site_name: str
    site_manager_name: str
    scenario_disclaimer: str
    operator_page: Optional[PageRef]
    site_manager_page: Optional[PageRef]
    privacy_policy_page: Optional[PageRef]

    @staticmethod
    def resolve_operator_page(obj, context):
        return representation.operator_page(obj, "operator_page", _request(context))

    @staticmethod
    def resolve_site_manager_page(obj, context):
        return representation.operator_page(obj, "site_manager_page", _request(context))

    @staticmethod
    def resolve_privacy_policy_page(obj, context):
        return representation.operator_page(obj, "privacy_policy_page", _request(context))


class LossTypeOut(LocalizedSchema):
    slug: str
    name: str
    description: str


class ScenarioSchema(LocalizedSchema):
    headline: str
    what_happened: str
    claim_or_payment: str
    payout: PayoutKindRef
    loss_types: list[LossTypeRef]
    caveat: str = Field(description="A note for this scenario only; empty if there is none.")
    insurance_line: PageRef
    disclaimer: str = Field(description="The operator's disclaimer: show it with the scenario.")
    translations: list[PageRef]
    seo: SEO
    url: str = Field(description="The scenario's page on the site.")

    @staticmethod
    def resolve_headline(obj):
        return obj.title

    @staticmethod
    def resolve_payout(obj):
        return representation.payout(obj)

    @staticmethod
    def resolve_loss_types(obj):
        return representation.loss_types(obj)

    @staticmethod
    def resolve_insurance_line(obj, context):
        return representation.insurance_line(obj, _request(context))

    @staticmethod
    def resolve_disclaimer(obj, context):
        return representation.disclaimer(obj, _request(context)) or ""

    @staticmethod
    def resolve_translations(obj, context):
        return representation.translations(obj, _request(context))

    @staticmethod
    def resolve_seo(obj):
        return representation.seo(obj)

    @staticmethod
    def resolve_url(obj, context):
        return representation.absolute_url(obj, _request(context))


class SnippetFilters(Schema):
    locale: Optional[str] = Field(None, description="A language code, e.g. ja or en.")


class ScenarioFilters(Schema):
    locale: Optional[str] = Field(None, description="A language code, e.g. ja or en.")
    line: Optional[ObjectId] = Field(None, description="The id of an insurance line: its scenarios only.")
    loss_type: Optional[str] = Field(None, description="A loss type's slug (see /loss-types/).")
    payout_kind: Optional[Literal["liability", "own-cost"]] = None
    search: Optional[str] = Field(None, description="Words to find, in Japanese or English; all must match.")


def _bad_query(error):
    return HttpError(400, str(error))


def _snippet_router(model, schema, path, ordering=("pk",), related=()):
    """A list and a detail endpoint for the live instances of ``model`` (with the ``related``
    child relations its schema shows, prefetched)."""
    router = Router(tags=[path])
    name = path.replace("-", "_")

    def queryset():
        qs = model.objects.select_related("locale").order_by(*ordering).prefetch_related(*related)
        return qs.filter(live=True) if hasattr(model, "live") else qs

    @router.get("/", response=list[schema], url_name=f"list_{name}", operation_id=f"{name}_list")
    @paginate(WagtailLimitOffsetPagination)
    def list_snippets(request: HttpRequest, filters: SnippetFilters = Query(...)):  # noqa: B008
        try:
            return queries.in_locale(queryset(), filters.locale)
        except queries.BadQuery as error:
            raise _bad_query(error) from error

    @router.get("/{snippet_id}/", response=schema, url_name=f"detail_{name}", operation_id=f"{name}_detail")
    def get_snippet(request: HttpRequest, snippet_id: ObjectId):
        return get_object_or_404(queryset(), pk=snippet_id)

    return router


def _scenarios(request):
    scenarios = IncidentScenarioPage.objects.live().select_related("locale")
    return visible_to(request, scenarios).order_by("path")


def scenarios_router():
    router = Router(tags=["scenarios"])

    @router.get("/", response=list[ScenarioSchema], url_name="list_scenarios", operation_id="scenarios_list")
    @paginate(WagtailLimitOffsetPagination)
    def list_scenarios(request: HttpRequest, filters: ScenarioFilters = Query(...)):  # noqa: B008
        try:
            scenarios = queries.in_locale(_scenarios(request), filters.locale)
            scenarios = queries.scenarios_of_kind(scenarios, filters.loss_type, filters.payout_kind)
        except queries.BadQuery as error:
            raise _bad_query(error) from error
        if filters.line is not None:
            scenarios = scenarios.filter(below(_line_or_404(request, filters.line)))
        if filters.search:
            search = search_query(filters.search, SearchSynonym.groups())
            scenarios = found_by(scenarios, search) if search else scenarios.none()
        return queries.Listing(scenarios, request)

    @router.get("/{scenario_id}/", response=ScenarioSchema, url_name="detail_scenario", operation_id="scenarios_detail")
    def get_scenario(request: HttpRequest, scenario_id: ObjectId):
        return get_object_or_404(_scenarios(request), pk=scenario_id)

    return router


def _line_or_404(request, line_id):
    return get_object_or_404(visible_to(request, InsuranceLineIndexPage.objects.live()), pk=line_id)


def preview_router():
    router = Router(tags=["preview"])

    @router.get(
        "/",
        response=PageDetailSchema,
        url_name="page_preview",
        operation_id="page_preview",
        summary="Read the draft an editor is previewing",
    )
    def page_preview(
        request: HttpRequest,
        response: HttpResponse,
        content_type: str = Query(..., description="app_label.model, as the preview URL gives it"),
        token: str = Query(..., description="The preview token the preview URL gives"),
    ):
        patch_cache_control(response, private=True, no_store=True)  # a draft: no cache may keep it
        try:
            return previewed_page(content_type, token)
        except PreviewNotFound as error:
            raise HttpError(error.status, str(error)) from error

    return router


def add_plugin_routes():
    """Adds the plugin's routers to Wagtail's v3 ``api`` (called once, from ``ScenariosConfig.ready``)."""
    api.add_router("/scenarios/", scenarios_router())
    api.add_router("/page_preview/", preview_router())
    api.add_router(
        "/contact-hours/", _snippet_router(ContactHours, ContactHoursOut, "contact-hours", related=("closures",))
    )
    api.add_router("/operator-info/", _snippet_router(OperatorInfo, OperatorInfoOut, "operator-info"))
    api.add_router(
        "/loss-types/", _snippet_router(LossType, LossTypeOut, "loss-types", ordering=("sort_order", "pk"))
    )
