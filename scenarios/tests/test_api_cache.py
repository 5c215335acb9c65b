"""The store of API answers for anonymous clients (scenarios.api.response_cache): the same answer
without a query until something published changes, and never for a client who may see more."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from scenarios.compat import HAS_API_V3

LISTING = "/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=en&fields=what_happened"


@pytest.fixture(autouse=True)
def api_cache_on(settings):
    settings.SCENARIOS = {**settings.SCENARIOS, "API_CACHE": True}


def get(url, client=None, **headers):
    """The answer, with the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(url, **headers)
    return response, len(queries)


def test_an_anonymous_answer_is_stored_and_served_again_without_a_query(catalogue):
    first, _ = get(LISTING)
    again, queries = get(LISTING)
    assert first["X-API-Cache"] == "miss" and again["X-API-Cache"] == "hit"
    assert queries == 0
    assert again.json() == first.json() and again["Content-Type"] == first["Content-Type"]
    assert again["Cache-Control"] == first["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_a_published_change_is_in_the_next_answer(catalogue):
    get(LISTING)
    outage = catalogue["scenarios"][0]
    outage.what_happened = "The server stopped for a week."
    outage.save_revision().publish()

    response, queries = get(LISTING)
    assert response["X-API-Cache"] == "miss" and queries > 0
    assert "The server stopped for a week." in {item["what_happened"] for item in response.json()["items"]}


def test_a_new_view_restriction_takes_the_page_out_of_the_next_answer(catalogue):
    get(LISTING)
    leak = catalogue["scenarios"][1]
    PageViewRestriction.objects.create(page=leak, restriction_type="password", password="secret")

    response, _ = get(LISTING)
    assert leak.pk not in {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_AUTHORIZATION": "Bearer anything"}, {"HTTP_COOKIE": "sessionid=someone"}],
    ids=["authorization", "session"],
)
def test_a_client_who_may_see_more_is_never_served_or_stored(catalogue, headers):
    get(LISTING)
    response, queries = get(LISTING, **headers)
    assert "X-API-Cache" not in response and queries > 0
    get(LISTING, **headers)
    assert get(LISTING)[0]["X-API-Cache"] == "hit"


def test_errors_are_not_stored(catalogue):
    get("/api/v2/pages/?loss_type=nope")
    response, queries = get("/api/v2/pages/?loss_type=nope")
    assert response.status_code == 400 and "X-API-Cache" not in response and queries > 0


def test_the_setting_turns_it_off(catalogue, settings):
    settings.SCENARIOS = {**settings.SCENARIOS, "API_CACHE": False}
    get(LISTING)
    response, queries = get(LISTING)
    assert "X-API-Cache" not in response and queries > 0


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_stored_opening_status_holds_until_the_line_opens_or_closes(catalogue, version):
    if version == "v3" and not HAS_API_V3:
        pytest.skip("API v3 comes with Wagtail 8")
    url = f"/api/{version}/contact-hours/?locale=en" + ("&fields=status" if version == "v2" else "")

    def status_at(*moment):
        with time_machine.travel(datetime.datetime(*moment, tzinfo=ZoneInfo("Europe/London")), tick=False):
            response, _queries = get(url)
        return response["X-API-Cache"], response.json()["items"][0]["status"]["open_now"]

    assert status_at(2026, 11, 30, 10, 0) == ("miss", True)  # a Monday; the line is open 9:00–17:00
    assert status_at(2026, 11, 30, 16, 59) == ("hit", True)
    assert status_at(2026, 11, 30, 17, 0) == ("miss", False)  # closed now: not yesterday's answer
    assert status_at(2026, 11, 30, 23, 0) == ("hit", False)
    assert status_at(2026, 12, 1, 9, 0) == ("miss", True)  # closures are read again at midnight, too
