"""Pages of results: the finder's links between pages, and the paginator that brings a page of
results and their number in one query, whatever page number a visitor types."""

import pytest
from wagtail.models import Page

from scenarios.models import IncidentScenarioPage
from scenarios.pagination import CountWithPagePaginator

from .factories import LineFactory, ScenarioFactory, rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def line_key(django_db_setup, django_db_blocker):
    """A line with 25 scenarios (two pages of 20), built once for the module."""
    with django_db_blocker.unblock(), rolled_back():
        line = LineFactory(slug="backups")
        ScenarioFactory.create_batch(25, parent=line, what_happened="The backup failed.")
        yield line.pk


@pytest.fixture
def scenarios(db, line_key):
    """The line's 25 scenarios."""
    return IncidentScenarioPage.objects.child_of(Page.objects.get(pk=line_key))


def test_results_are_paged_and_the_next_page_keeps_the_words(client, scenarios):
    first = client.get("/en/search/?q=backup").content.decode()
    assert 'rel="next" href="?q=backup&amp;page=2"' in first and "Page 1 of 2" in first
    second = client.get("/en/search/?q=backup&page=2").content.decode()
    assert 'rel="prev" href="?q=backup&amp;page=1"' in second and 'rel="next"' not in second


@pytest.mark.parametrize(
    "page, shown, queries",
    [
        ("1", "Page 1 of 2", 1),  # the page brings the count with it
        ("2", "Page 2 of 2", 1),
        ("9", "Page 2 of 2", 3),  # past the end: a count, then the last page
        ("0", "Page 1 of 2", 1),
        ("99999999999999999999", "Page 2 of 2", 2),  # no offset that large is asked for
    ],
)
def test_a_page_of_results_and_their_number_come_in_one_query(
    scenarios, page, shown, queries, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        paginator = CountWithPagePaginator(scenarios.order_by("path"), 20)
        results = paginator.get_page(page)
        assert paginator.count == 25 and len(results) == (5 if results.number == 2 else 20)
    assert f"Page {results.number} of {paginator.num_pages}" == shown


@pytest.mark.parametrize("page, number, queries", [("1", 1, 2), ("9", 2, 4)])
def test_a_page_found_by_key_brings_its_rows_in_one_more_query_in_order(
    scenarios, page, number, queries, django_assert_num_queries
):
    in_order = list(scenarios.order_by("-path").values_list("pk", flat=True))

    def load(keys):
        return IncidentScenarioPage.objects.filter(pk__in=keys)

    with django_assert_num_queries(queries):
        paginator = CountWithPagePaginator(scenarios.order_by("-path"), 20, load=load)
        results = paginator.get_page(page)
        assert [scenario.pk for scenario in results] == in_order[(number - 1) * 20 : number * 20]
    assert paginator.count == 25 and results.number == number


def test_no_results_are_one_empty_first_page(db, django_assert_num_queries):
    with django_assert_num_queries(1):
        paginator = CountWithPagePaginator(IncidentScenarioPage.objects.filter(title="none").order_by("path"), 20)
        results = paginator.get_page("1")
    assert paginator.count == 0 and results.number == 1 and list(results) == []
