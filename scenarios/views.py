"""The scenario finder: search and filter the scenarios of the visitor's language.

Every choice is in the query string (``?q=…&line=…&loss_type=…&payout_kind=…&page=…``), so a result
list can be bookmarked and shared. A value that names nothing is answered with a 400 and a
message on the same page, never a 500 or a silently empty list.

"""


from django.shortcuts import render
from django.utils.translation import gettext as _

from .models import IncidentScenarioPage, InsuranceLineIndexPage, LossType, PayoutKind, SearchSynonym
from .pagination import CountingPaginator
from .per_request import active_locale
from .search import found_by, search_query
from .tree import below
from .visibility import is_visible_to, visible_to

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


def scenario_finder(request):
    locale = active_locale(request)
    loss_types = list(LossType.objects.filter(locale=locale).order_by("sort_order", "pk"))
    lines = InsuranceLineIndexPage.objects.live().filter(locale=locale).order_by("path")
    lines = [line for line in lines if is_visible_to(request, line)]
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
            scenarios = scenarios.filter(below(line))
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
    search = search_query(query, SearchSynonym.groups()) if query else None

    page_number = request.GET.get("page", "1")
    if not page_number.isdigit():
        errors.append(_("The page number must be a whole number."))
        page_number = "1"
    if search is not None:
        scenarios = found_by(scenarios, search)
    paginator = CountingPaginator(
        scenarios.order_by("path").prefetch_related(IncidentScenarioPage.loss_types_prefetch()), RESULTS_PER_PAGE
    )
    results = paginator.get_page(page_number)
    IncidentScenarioPage.with_lines(results, lines)

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
