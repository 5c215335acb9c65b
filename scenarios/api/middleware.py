"""Checks the query parameters API listings share, before Wagtail's views read them.

Wagtail's v2 and v3 endpoints turn some odd input into server errors: an offset too large for the
database, a search of only spaces or punctuation, a NUL character, five hundred words (the search
query's recursion), an unknown ``search_operator``. This middleware answers those with a 400 and a
message in each version's error format, and gives API v3's search the same Japanese-aware terms as
v2's (``scenarios.search``), which v3 offers no hook for.

API v3 also ignores parameters it does not know (``/pages/?loss_type=repair`` lists every page), so
a client's typo looks like an answer. Here a v3 GET may carry only the parameters its operation
declares in the OpenAPI document, plus, on the pages and snippets listings, the field filters
Wagtail accepts there (the model's API fields).

A project adds ``"scenarios.api.middleware.APIQueryMiddleware"`` to MIDDLEWARE; it acts on paths
under ``SCENARIOS["API_PREFIXES"]`` (default ``/api/``) only.
"""

import re
from functools import cache

from django.http import JsonResponse
from wagtail.coreutils import resolve_model_string

from ..compat import HAS_API_V3
from ..conf import scenarios_settings
from ..search import search_terms

MAX_OFFSET = 1_000_000
MAX_SEARCH_LENGTH = 500
MAX_SEARCH_TERMS = 32
SEARCH_OPERATORS = ("and", "or")
SITE = re.compile(r"^[A-Za-z0-9.-]+(:\d{1,5})?$")


def query_problem(params):
    """What is wrong with these query parameters, as a message for the client, or None."""
    if any("\x00" in value for values in params.lists() for value in values):
        return "query parameters may not contain NUL characters"
    for name in ("offset", "limit"):
        if name in params and (not params[name].isdigit() or int(params[name]) > MAX_OFFSET):
            return f"{name}: must be a whole number from 0 to {MAX_OFFSET}"
    if "site" in params and not SITE.match(params["site"]):
        return "site: a host name, optionally with :port, e.g. www.example.jp or localhost:8000"
    if "search_operator" in params and params["search_operator"] not in SEARCH_OPERATORS:
        return f"search_operator: must be one of {', '.join(SEARCH_OPERATORS)}"
    if "search" in params:
        search = params["search"]
        if len(search) > MAX_SEARCH_LENGTH:
            return f"search: at most {MAX_SEARCH_LENGTH} characters"
        terms = set(search_terms(search))
        if not terms:
            return "search: give at least one word or character to search for"
        if len(terms) > MAX_SEARCH_TERMS:
            return f"search: at most {MAX_SEARCH_TERMS} different words"
    return None


@cache
def v3_operations():
    """[(compiled path pattern, template, declared query parameter names)] of every v3 GET."""
    from .openapi import openapi_document

    document = openapi_document()
    operations = []
    for template, methods in document["paths"].items():
        if "get" not in methods:
            continue
        pattern = re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template)) + "$")
        names = {parameter["name"] for parameter in methods["get"].get("parameters", []) if parameter["in"] == "query"}
        operations.append((pattern, template, names))
    return operations


def field_filters(template, params, path):
    """The parameters of ``params`` that Wagtail's v3 listing at ``template`` reads as field filters."""
    from wagtail.api.validators import APIFieldValidator  # Wagtail 8, with API v3

    try:
        if template.endswith("/pages/"):
            from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS

            model = resolve_model_string(params["type"]) if "," not in params.get("type", ",") else None
            base_fields = BASE_PAGE_READ_FIELDS
        elif template.endswith("/snippets/{type}/"):
            model = resolve_model_string(path.rstrip("/").rsplit("/", 1)[-1])
            base_fields = [model._meta.pk.name]
        else:
            return set()
    except (LookupError, ValueError):
        return set()  # an unknown type: Wagtail answers that itself
    if model is None:
        from wagtail.models import Page

        model = Page
    validator = APIFieldValidator(
        model=model, fields=list(params), base_fields=base_fields, db_fields_only=True, skip_invalid=True
    )
    return set(validator.fields)


def unknown_v3_parameters(request):
    for pattern, template, declared in v3_operations():
        if pattern.match(request.path_info):
            unknown = set(request.GET) - declared
            return sorted(unknown - field_filters(template, request.GET, request.path_info)) if unknown else []
    return []


def error_response(request, message):
    """A 400 in the error format of the API version the request is for."""
    if request.path_info.startswith("/api/v3/"):
        body = {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": message}
        return JsonResponse(body, status=400, content_type="application/problem+json")
    return JsonResponse({"message": message}, status=400)


class APIQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(scenarios_settings.API_PREFIXES)

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path_info.startswith(self.prefixes):
            message = query_problem(request.GET)
            if message is None and HAS_API_V3 and request.path_info.startswith("/api/v3/"):
                unknown = unknown_v3_parameters(request)
                if unknown:
                    message = (
                        f"unknown parameter(s): {', '.join(unknown)}; see /api/v3/docs/ for what this endpoint takes"
                    )
            if message:
                return error_response(request, message)
            # Wagtail's own v3 endpoints search the index terms as given; the scenario listing words
            # the query itself, with the editors' synonyms (``scenarios.search.search_query``).
            if (
                "search" in request.GET
                and request.path_info.startswith("/api/v3/")
                and not request.path_info.startswith("/api/v3/scenarios/")
            ):
                params = request.GET.copy()
                params["search"] = " ".join(dict.fromkeys(search_terms(params["search"])))
                params.setdefault("search_operator", "and")
                request.GET = params
        return self.get_response(request)
