"""The finder as a visitor uses it: words, filters, pages, and odd input answered with a message."""

import pytest

pytestmark = pytest.mark.django_db


def finder(client, query="", language="en"):
    return client.get(f"/{language}/search/?{query}")


def test_words_find_scenarios_in_the_visitors_language(client, catalogue):
    english = finder(client, "q=outage")
    assert english.status_code == 200 and "Server outage" in english.content.decode()
    japanese = finder(client, "q=サーバー", language="ja").content.decode()
    assert "サーバー停止" in japanese and "Server outage" not in japanese


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("line=media", "Libel in a blog post", "Server outage"),
        ("loss_type=data-loss", "Customer list leaked", "Server outage"),
        ("payout_kind=own-cost", "Customer list leaked", "Libel in a blog post"),
        ("q=laptop&line=cyber", "Customer list leaked", "Libel in a blog post"),
    ],
)
def test_filters_narrow_the_results(client, catalogue, query, shown, hidden):
    html = finder(client, query).content.decode()
    assert shown in html and hidden not in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("line=nope", "There is no insurance line"),
        ("loss_type=nope", "There is no loss type"),
        ("payout_kind=nope", "There is no kind of payout"),
        ("page=abc", "The page number must be a whole number."),
    ],
)
def test_a_value_that_names_nothing_is_a_400_with_a_message(client, catalogue, query, message):
    response = finder(client, query)
    assert response.status_code == 400 and message in response.content.decode()


@pytest.mark.parametrize("query", ["q=%00", "q=" + "x" * 5000, "q=%22%27%3C", "q=+++", "page=99999999999999999999"])
def test_odd_input_never_fails(client, catalogue, query):
    assert finder(client, query).status_code == 200


def test_the_finder_without_words_lists_every_scenario(client, catalogue):
    html = finder(client).content.decode()
    assert all(title in html for title in ("Server outage", "Customer list leaked", "Libel in a blog post"))


def test_the_same_search_again_reads_no_result_until_something_is_published(client, catalogue):
    """Exact counts are the site's (tests/test_query_budget.py, on the Wagtail it pins); here, on any
    supported Wagtail, a search asked again reads neither the index nor a scenario."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import ScenarioFactory

    def result_queries(query):
        with CaptureQueriesContext(connection) as queries:
            html = finder(client, query).content.decode()
        tables = ("wagtailsearch", "scenarios_incidentscenariopage")
        reads = [query["sql"] for query in queries if any(table in query["sql"] for table in tables)]
        return html, reads

    assert "Server outage" in finder(client, "q=outage&page=1").content.decode()
    html, reads = result_queries("q=outage&page=1")
    assert "Server outage" in html and reads == []
    html, reads = result_queries("q=libel")  # other words are searched (in 2 queries on Wagtail 8, 3 on 7)
    assert "Libel in a blog post" in html and reads

    ScenarioFactory(parent=catalogue["lines"][0], title="Second outage", what_happened="Another outage.")
    html = finder(client, "q=outage&page=1").content.decode()
    assert "Second outage" in html and "Server outage" in html


def test_a_card_is_rendered_once_and_shown_by_every_search_that_finds_it(client, catalogue):
    """Another search that finds the same scenario shows its kept card: the index is searched, the
    scenario's row is not read; a publish renders it again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = finder(client, "q=hosting").content.decode()
    assert "Server outage" in first and "Libel in a blog post" in first
    with CaptureQueriesContext(connection) as queries:
        html = finder(client, "q=server").content.decode()
    assert "Server outage" in html and "Libel in a blog post" in html
    assert not [query["sql"] for query in queries if "what_happened" in query["sql"]]

    outage = catalogue["scenarios"][0]
    outage.what_happened = "The hosting server stopped for a week."
    outage.save_revision().publish()
    assert "The hosting server stopped for a week." in finder(client, "q=outage").content.decode()


def test_a_preview_neither_reads_nor_keeps_cards(rf, catalogue):
    from django.core.cache import cache

    from scenarios.cards import render_cards

    request = rf.get("/")
    request.is_preview = True
    outage = catalogue["scenarios"][0]
    cards = render_cards(request, [outage], "a-version")
    assert "Server outage" in cards[0]
    assert cache.get_many([f"scenarios:card:a-version:3:0:{outage.pk}"]) == {}
