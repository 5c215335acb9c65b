"""The finder as a visitor uses it: words, filters, pages, and odd input answered with a message."""

import pytest
from django.urls import reverse
from django.utils import translation

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


@pytest.mark.urls(f"{__package__}.urls_prefixed")
def test_the_finder_mounts_under_any_prefix_beside_the_hosts_own_search(client, catalogue):
    with translation.override("en"):
        assert reverse("scenarios:finder") == "/en/cases/search/"
        assert reverse("search") == "/en/search/"
    found = client.get("/en/cases/search/?q=outage")
    assert found.status_code == 200 and "Server outage" in found.content.decode()
    assert client.get("/en/search/").content == b"the host's own search"
