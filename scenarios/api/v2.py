"""Wagtail API v2 endpoints for the plugin: pages with scenario filters, and the shared snippets.

A project mounts them with ``register_endpoints(router)`` on its own ``WagtailAPIRouter``, and its
``pages`` endpoint with ``ScenarioPagesAPIViewSet``.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch
from django.utils.cache import patch_cache_control
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageParentField, PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page, Site

from ..models import ContactHours, LossType, OperatorInfo, SearchSynonym
from ..page_types import as_served, with_page_types
from ..preview import PreviewNotFound, previewed_page
from ..representation import prefetch_for_listing
from ..search import found_by, search_query
from . import queries


class ScenarioFilter(BaseFilterBackend):
    """``?loss_type=<slug>`` and ``?payout_kind=<value>``: scenarios of that kind, in any language.

    Either filter limits the listing to scenario pages (see ``scenarios.api.queries``).
    """

    def filter_queryset(self, request, queryset, view):
        try:
            return queries.scenarios_of_kind(
                queryset, request.GET.get("loss_type"), request.GET.get("payout_kind")
            )
        except queries.BadQuery as error:
            raise BadRequestError(str(error)) from error


class LocaleFilterNamingLanguages(BaseFilterBackend):
    """Wagtail's ``?locale=``, as a condition on the pages' locale in the listing's own query (Wagtail's
    reads the Locale first), whose 404 for a language the site does not have names those it has."""

    def filter_queryset(self, request, queryset, view):
        try:
            return queries.in_locale(queryset, request.GET.get("locale"))
        except queries.BadQuery as error:
            raise Http404(str(error)) from None


class ScenarioSearchFilter(BaseFilterBackend):
    """``?search=``: the finder's search (``scenarios.search``: Japanese n-grams, English stems and
    the editors' synonyms), every term required unless ``search_operator=or``. It narrows the
    listing's own query, so the listing's other filters, its ordering and its count stay one query."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator") or "and"
        search = search_query(request.GET["search"], SearchSynonym.groups(), operator=operator)
        return found_by(queryset, search) if search is not None else queryset.none()


class RequestPageHtmlUrlField(PageHtmlUrlField):
    """A page's ``html_url`` worked out with the request, whose copy of the site root paths every
    page of a listing shares (Wagtail's field asks each page without it, and each page would read
    them from the cache again: from Redis, in production)."""

    def to_representation(self, page):
        try:
            return page.get_full_url(self.context["request"])
        except NoReverseMatch:
            return None


class LoadedParentField(PageParentField):
    """Wagtail's ``meta.parent``, from the parent ``prefetch_for_listing`` loaded (``api_parent``)
    rather than a query for the parent and another to check that it may be shown."""

    def get_attribute(self, instance):
        if not hasattr(instance, "api_parent"):
            return super().get_attribute(instance)
        parent = instance.api_parent
        if parent is not None and queries.is_public_page(self.context["request"], parent):
            return parent
        return None


class ScenarioPageSerializer(PageSerializer):
    """Wagtail's page serializer, with each page's ``html_url`` worked out with the request and its
    parent as it was loaded."""

    html_url = RequestPageHtmlUrlField(read_only=True)
    parent = LoadedParentField(read_only=True)


# The parameters that only say which page to find, left out of the redirect (Wagtail 8 names them
# ``find_query_parameters``; Wagtail 7 has no such attribute).
FIND_PARAMETERS = ("id", "html_path")


class ScenarioPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, listing the pages the request may see (``queries.public_pages``),
    plus the scenario filters (before search, which must come last), Japanese-aware search, and a
    listing that loads what its fields read in a fixed number of queries (``queries.Listing``).

    ``find`` redirects to the page's detail URL on the host and port the request came in on (Wagtail
    builds it from the Site record or WAGTAILAPI_BASE_URL, which may name another port), and answers
    a malformed ``id`` with a 400.
    """

    base_serializer_class = ScenarioPageSerializer
    filter_backends = [
        LocaleFilterNamingLanguages if backend is LocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends[:-1]
    ] + [ScenarioFilter, ScenarioSearchFilter]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["loss_type", "payout_kind"])

    def get_base_queryset(self):
        return self._public_pages(Page)

    def get_queryset(self):
        """Wagtail's, except that a listing of one page type (``?type=``) is built on that type's
        table (see ``queries.public_pages``)."""
        model = self._requested_type()
        queryset = super().get_queryset() if model is None else self._public_pages(model)
        if self.action == "detail_view" and queryset.model is Page:
            return with_page_types(queryset)
        return queryset.select_related("locale")

    def _public_pages(self, model):
        try:
            return queries.public_pages(self.request, model)
        except queries.BadQuery as error:
            raise BadRequestError(str(error)) from error

    def _requested_type(self):
        """The one page model ``?type=`` names, else None (Wagtail's ``get_queryset`` answers a
        type that names nothing, or several)."""
        try:
            models = page_models_from_string(self.request.GET.get("type") or "")
        except (LookupError, ValueError):
            return None
        return models[0] if len(models) == 1 else None

    def get_object(self):
        """The page of a detail view as its own type, read with its locale in one query, and with
        what its fields read loaded as a listing's are (Wagtail asks for it more than once)."""
        if not hasattr(self, "served_object"):
            # Wagtail's BaseAPIViewSet.get_object finds the row (joined, see get_queryset); Wagtail's
            # PagesAPIViewSet.get_object would read its specific page again.
            self.served_object = as_served(super(PagesAPIViewSet, self).get_object())
            prefetch_for_listing([self.served_object], self.request)
        return self.served_object

    def paginate_queryset(self, queryset):
        """One page of the listing, with what the fields it shows (``?fields=``) read loaded."""
        fields = self.get_serializer_class().Meta.fields
        return super().paginate_queryset(queries.Listing(queryset, self.request, fields))

    def find_view(self, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id: must be a page id (a whole number)")
        page = self.find_object(self.get_queryset(), request)
        if page is None:
            raise Http404("No page matches html_path or id.")
        path = request.wagtailapi_router.get_object_detail_urlpath(self.model, page.pk)
        query = request.GET.copy()
        for name in FIND_PARAMETERS:
            query.pop(name, None)
        return redirect(request.build_absolute_uri(f"{path}?{query.urlencode()}" if query else path))

    def find_object(self, queryset, request):
        try:
            found = super().find_object(queryset, request)
        except self.model.DoesNotExist:
            found = None
        return found or self._find_under_language_prefix(queryset, request)

    def _find_under_language_prefix(self, queryset, request):
        """A visitor URL with its language prefix (``/ja/<line>/<scenario>/``), in a project whose root
        page does not read the prefix itself: Wagtail's ``find`` routes ``html_path`` from the site's
        root page, which knows nothing of ``i18n_patterns``; here the prefix picks the root page's
        translation and the rest of the path is routed from it."""
        site = Site.find_for_request(request)
        components = [component for component in request.GET.get("html_path", "").split("/") if component]
        languages = {code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)}
        if site is None or not components or components[0] not in languages:
            return None
        root = site.root_page.get_translations(inclusive=True).filter(locale__language_code=components[0]).first()
        if root is None:
            return None
        try:
            # Wagtail's own routing at the root, not the root page's: one that reads a prefix itself
            # has been asked already, and must not read a second one (/en/en/ is no page).
            page, _args, _kwargs = Page.route(root.specific, request, components[1:])
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None


class SnippetLocaleFilter(BaseFilterBackend):
    """``?locale=ja|en`` for translatable snippets; an unknown language is a 400."""

    def filter_queryset(self, request, queryset, view):
        try:
            return queries.in_locale(queryset, request.GET.get("locale"))
        except queries.BadQuery as error:
            raise BadRequestError(str(error)) from error


class SnippetAPIViewSet(BaseAPIViewSet):
    """Read-only, live instances only, filterable by language."""

    filter_backends = [FieldsFilter, OrderingFilter, SnippetLocaleFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])

    def get_queryset(self):
        queryset = self.model.objects.select_related("locale").order_by("pk")
        if hasattr(self.model, "live"):
            queryset = queryset.filter(live=True)
        return queryset


class ContactHoursAPIViewSet(SnippetAPIViewSet):
    model = ContactHours
    body_fields = SnippetAPIViewSet.body_fields + [field.name for field in ContactHours.api_fields]
    listing_default_fields = [
        *SnippetAPIViewSet.listing_default_fields, "locale", "phone_number", "opens_at", "closes_at"
    ]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("closures")


class OperatorInfoAPIViewSet(SnippetAPIViewSet):
    model = OperatorInfo
    body_fields = SnippetAPIViewSet.body_fields + [field.name for field in OperatorInfo.api_fields]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + ["locale", "operator_name", "site_name"]


class LossTypeAPIViewSet(SnippetAPIViewSet):
    model = LossType
    body_fields = SnippetAPIViewSet.body_fields + [field.name for field in LossType.api_fields]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + ["locale", "slug", "name"]

    def get_queryset(self):
        return super().get_queryset().order_by("sort_order", "pk")


class PagePreviewAPIViewSet(ScenarioPagesAPIViewSet):
    """``/api/v2/page_preview/?content_type=app.model&token=…``: the draft an editor is previewing,
    serialized like a live page, for a headless front end (see ``scenarios.preview``).

    Only a token signed by this site and stored by the preview gives access; anything else is a 4xx.
    """

    known_query_parameters = ScenarioPagesAPIViewSet.known_query_parameters.union(["content_type", "token"])

    def listing_view(self, request):
        self.action = "detail_view"  # serialize every field of the page's own type
        response = Response(self.get_serializer(self.get_object()).data)
        patch_cache_control(response, private=True, no_store=True)  # a draft: no cache may keep it
        return response

    def detail_view(self, request, pk):
        return self.listing_view(request)

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            self._preview_page = self._find_preview_page()
        return self._preview_page

    def _find_preview_page(self):
        try:
            return previewed_page(self.request.GET.get("content_type", ""), self.request.GET.get("token", ""))
        except PreviewNotFound as error:
            if error.status == 404:
                raise Http404(str(error)) from error
            raise BadRequestError(str(error)) from error


def register_endpoints(router):
    """The plugin's own endpoints on a project's ``WagtailAPIRouter``: its shared snippets and the
    headless preview. The ``pages`` endpoint stays the project's choice: mount
    ``ScenarioPagesAPIViewSet`` there for the scenario filters, Japanese-aware search and visitor-URL
    ``find`` (Wagtail's ``PagesAPIViewSet`` works too, without them)."""
    router.register_endpoint("page_preview", PagePreviewAPIViewSet)
    router.register_endpoint("contact-hours", ContactHoursAPIViewSet)
    router.register_endpoint("operator-info", OperatorInfoAPIViewSet)
    router.register_endpoint("loss-types", LossTypeAPIViewSet)
