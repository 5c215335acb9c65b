"""The scenario finder: search and filter the scenarios of the visitor's language.

Every choice is in the query string (``?q=…&line=…&loss_type=…&payout_kind=…&page=…``), so a result
list can be bookmarked and shared. A value that names nothing is answered with a 400 and a
message on the same page, never a 500 or a silently empty list.

A page of results is kept for the current generation of published content: its keys and the
number of results (``published_cache.remember``), and its rendering (Wagtail's fragment cache).
The same search asked again costs no query; any publish starts afresh.
"""


from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from .models import IncidentScenarioPage, InsuranceLineIndexPage, LossType, PayoutKind, SearchSynonym
from .pagination import CountWithPagePaginator
from .published_cache import active_locale, digest, remember
from .search import found_by, search_query
from .visibility import barred_key, is_visible_to, visible_to

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


def scenario_finder(request):
    locale = active_locale(request)
    language = translation.get_language()
    loss_types = remember(
        request,
        f"loss-types:{language}",
        lambda: list(LossType.objects.filter(locale=locale).order_by("sort_order", "pk")),
    )
    all_lines = remember(
        request,
        f"lines:{language}",
        lambda: list(InsuranceLineIndexPage.objects.live().filter(locale=locale).order_by("path")),
    )
    lines = [line for line in all_lines if is_visible_to(request, line)]
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    loss_type = request.GET.get("loss_type", "")
    payout_kind = request.GET.get("payout_kind", "")
    line_slug = request.GET.get("line", "")
    errors = []

    # A value that names nothing is reported and never reaches the database (PostgreSQL refuses NUL).
    scenarios = visible_to(request, IncidentScenarioPage.objects.live().filter(locale=locale))
    if line_slug:
        line = next((line for line in lines if line.slug == line_slug), None)
        if line is not None:
            scenarios = scenarios.child_of(line)
        else:
            errors.append(_("There is no insurance line “%(value)s”.") % {"value": line_slug})
            scenarios = scenarios.none()
    if loss_type:
        if loss_type in {item.slug for item in loss_types}:
            scenarios = scenarios.filter(loss_type_links__loss_type__slug=loss_type)
        else:
            errors.append(_("There is no loss type “%(value)s”.") % {"value": loss_type})
            scenarios = scenarios.none()
    if payout_kind:
        if payout_kind in PayoutKind.values:
            scenarios = scenarios.filter(payout_kind=payout_kind)
        else:
            errors.append(_("There is no kind of payout “%(value)s”.") % {"value": payout_kind})
            scenarios = scenarios.none()
    search = search_query(query, remember(request, "search-synonyms", SearchSynonym.groups)) if query else None

    page_number = request.GET.get("page", "1")
    if not page_number.isdigit():
        errors.append(_("The page number must be a whole number."))
        page_number = "1"
    choices = digest((query, line_slug, loss_type, payout_kind))
    paginator = CountWithPagePaginator(
        lambda: (found_by(scenarios, search) if search is not None else scenarios).order_by("path"),
        RESULTS_PER_PAGE,
        load=lambda keys: IncidentScenarioPage.with_lines(
            IncidentScenarioPage.objects.filter(pk__in=keys).prefetch_related(IncidentScenarioPage.loss_types_prefetch()),
            lines,
        ),
        keep=lambda number, build: remember(
            request, f"finder:{language}:{barred_key(request)}:{choices}:{number}", build
        ),
    )
    results = paginator.get_page(page_number)

    shared_query = request.GET.copy()
    shared_query.pop("page", None)
    context = {
        "query": query,
        "lines": lines,
        "loss_types": loss_types,
        "payout_kinds": PayoutKind.choices,
        "selected_line": line_slug,
        "selected_loss_type": loss_type,
        "selected_payout_kind": payout_kind,
        "results": results,
        "result_count": paginator.count,
        "is_filtered": bool(query or loss_type or payout_kind or line_slug),
        "errors": errors,
        "query_string": shared_query.urlencode(),
    }
    return render(request, "scenarios/scenario_finder.html", context, status=400 if errors else 200)
