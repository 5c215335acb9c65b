"""Wagtail API v3 (django-ninja) endpoints for the plugin's snippets, typed in the OpenAPI schema.

Wagtail's v3 API serves pages itself and types each page model from its ``api_fields``; this
module adds read-only, live-only endpoints for ContactHours, OperatorInfo and LossType, and
registers them for ``/schema/`` discovery. ``api_with_snippets()`` returns Wagtail's ``api``
with them added, for the project's URLconf.
"""

from typing import Optional

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.api.v3.api import api
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.registry import ContentTypeRegistration, registry
from wagtail.models import Locale

from ..models import ContactHours, LossType, OperatorInfo


class SnippetFilters(Schema):
    locale: Optional[str] = None


class LocalizedSchema(Schema):
    id: int
    locale: str

    @staticmethod
    def resolve_locale(obj):
        return obj.locale.language_code


class ContactHoursSchema(LocalizedSchema):
    heading: str
    phone_label: str
    phone_number: str
    tel_uri: str
    open_weekdays: list[int] = Field(description="Days the line is open, Monday = 0 … Sunday = 6.")
    # Wall-clock times in Japan (Asia/Tokyo). A JSON Schema "time" would demand a UTC offset, which a
    # weekly opening hour does not have.
    opens_at: str = Field(pattern=r"^\d{2}:\d{2}$", description="Opening time in Japan, HH:MM.")
    closes_at: str = Field(pattern=r"^\d{2}:\d{2}$", description="Closing time in Japan, HH:MM.")
    closed_on_national_holidays: bool
    note: str

    @staticmethod
    def resolve_opens_at(obj):
        return obj.opens_at.strftime("%H:%M")

    @staticmethod
    def resolve_closes_at(obj):
        return obj.closes_at.strftime("%H:%M")


class OperatorInfoSchema(LocalizedSchema):
    operator_name: str
    site_name: str
    site_manager_name: str
    scenario_disclaimer: str
    operator_page: Optional[int] = None
    site_manager_page: Optional[int] = None
    privacy_policy_page: Optional[int] = None

    @staticmethod
    def resolve_operator_page(obj):
        return obj.operator_page_id

    @staticmethod
    def resolve_site_manager_page(obj):
        return obj.site_manager_page_id

    @staticmethod
    def resolve_privacy_policy_page(obj):
        return obj.privacy_policy_page_id


class LossTypeSchema(LocalizedSchema):
    slug: str
    name: str
    description: str


def _filter_locale(queryset, language_code):
    if language_code is None:
        return queryset
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        known = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        raise HttpError(400, f"locale: unknown language {language_code!r}; known: {known}")
    return queryset.filter(locale=locale)


def _snippet_router(model, schema, path, ordering=("pk",)):
    """A list and a detail endpoint for the live instances of ``model``."""
    router = Router(tags=[path])
    name = path.replace("-", "_")

    def queryset():
        qs = model.objects.select_related("locale").order_by(*ordering)
        return qs.filter(live=True) if hasattr(model, "live") else qs

    @router.get("/", response=list[schema], url_name=f"list_{name}", operation_id=f"{name}_list")
    @paginate(WagtailLimitOffsetPagination)
    def list_snippets(request: HttpRequest, filters: SnippetFilters = Query(...)):  # noqa: B008
        return _filter_locale(queryset(), filters.locale)

    @router.get("/{snippet_id}/", response=schema, url_name=f"detail_{name}", operation_id=f"{name}_detail")
    def get_snippet(request: HttpRequest, snippet_id: int):
        return get_object_or_404(queryset(), pk=snippet_id)

    if not registry.has(model._meta.label):  # Wagtail's snippet API registers its own, with write schemas
        registry.register(
            ContentTypeRegistration(name=model._meta.label, label=str(model._meta.verbose_name), read_schema=schema)
        )
    return router


_added = False


def api_with_snippets():
    global _added
    if not _added:
        api.add_router("/contact-hours/", _snippet_router(ContactHours, ContactHoursSchema, "contact-hours"))
        api.add_router("/operator-info/", _snippet_router(OperatorInfo, OperatorInfoSchema, "operator-info"))
        api.add_router(
            "/loss-types/", _snippet_router(LossType, LossTypeSchema, "loss-types", ordering=("sort_order", "pk"))
        )
        _added = True
    return api
