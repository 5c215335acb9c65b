"""Every public page and API endpoint makes a fixed number of SQL queries, whatever the catalogue's size.

Counted uncached (the page cache is off in the tests) once the published content every page shows
is known (``scenarios.published_cache``) and the listings rendered (Wagtail's fragment cache), as
on a server that has answered a request since the last publish: with
the seed's 21 scenarios per language, and again with 2,000 more per language. A page stays within
ten queries.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, StandardPage
from scenarios.models import IncidentScenarioPage

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

PAGE_BUDGET = 10

# what: (its URL in language ``code``, queries in Japanese, in English). The request's Site, its root
# (the Japanese home) and that home's translation in the active language, through which Wagtail
# routes every request, come from the published-content cache (``scenarios.site_lookup``,
# ``HomePage.localized``): a page in either language costs the same. The page a path names is kept
# in the process that served it (``HomePage.route_below``), so a page asked again makes no query.
EXPECTED = {
    "home": (lambda code: HomePage.objects.get(locale__language_code=code).url, 0, 0),
    "line": (lambda code: lines_in(code).first().url, 0, 0),
    "scenario": (lambda code: scenarios_in(code).first().url, 0, 0),
    "standard page": (lambda code: StandardPage.objects.filter(locale__language_code=code).first().url, 0, 0),
    # A page of results asked for again is kept for the generation (first_search_counts).
    "finder": (lambda code: f"/{code}/search/", 0, 0),
    "finder, words": (lambda code: f"/{code}/search/?q=" + WORDS[code], 0, 0),
    "finder, filters": (lambda code: f"/{code}/search/?loss_type=lost-profits&payout_kind=liability", 0, 0),
    "sitemap": (lambda code: "/sitemap.xml", 4, 4),
    # A v2 or v3 listing's total is kept for the generation (``queries.kept_count``). A v2 listing
    # keeps each item (``kept_items``): asked again, it reads its page of ids alone, whatever its fields;
    # ``first_listing_counts`` counts a listing whose items are not kept yet.
    "API v2 pages": (lambda code: f"/api/v2/pages/?locale={code}&fields=*", 1, 1),
    "API v2 scenarios": (lambda code: f"/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale={code}", 1, 1),
    "API v2 scenarios, every field": (
        lambda code: f"/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale={code}&fields=*",
        1,
        1,
    ),
    "API v2 page": (lambda code: f"/api/v2/pages/{scenarios_in(code).first().pk}/", 8, 8),
    "API v2 find, then the page": (
        lambda code: f"/api/v2/pages/find/?html_path={scenarios_in(code).first().url}",
        10,
        10,
    ),
    # Its count, its page and the closure periods of the hours on it (the line's status needs them).
    "API v2 contact hours": (lambda code: f"/api/v2/contact-hours/?locale={code}", 3, 3),
    "API v3 scenarios": (lambda code: f"/api/v3/scenarios/?locale={code}", 4, 4),
    "API v3 scenarios, words": (lambda code: f"/api/v3/scenarios/?locale={code}&search=" + WORDS[code], 5, 5),
    "API v3 scenario": (lambda code: f"/api/v3/scenarios/{scenarios_in(code).first().pk}/", 4, 4),
    "API v3 loss types": (lambda code: f"/api/v3/loss-types/?locale={code}", 2, 2),
}
WORDS = {"ja": "サーバー", "en": "server"}
PAGES = ("home", "line", "scenario", "standard page", "finder", "finder, words", "finder, filters")


def count_queries(client, url):
    first = client.get(url, follow=True)
    assert first.status_code == 200, (url, first.status_code)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, follow=True).status_code == 200
    return len(queries)


def counts(client):
    return {
        (name, code): count_queries(client, url_for(code))
        for name, (url_for, *_expected) in EXPECTED.items()
        for code in ("ja", "en")
    }


def first_search_counts(client):
    """The queries of a search nobody made since the last publish: the page of results by key with
    their number, then its rows, then their loss types (asked again, it is kept: ``EXPECTED``)."""
    found = {}
    for code in ("ja", "en"):
        assert client.get(f"/{code}/search/?q=x").status_code == 200  # the published content every page shows
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/{code}/search/", {"q": WORDS[code]}).status_code == 200
        found[code] = len(queries)
    return found


def first_listing_counts(client):
    """The queries of a v2 listing with every field whose items are not kept yet: the page of ids,
    those pages, then their translations, loss types and lines (asked again, it is kept: ``EXPECTED``)."""
    found = {}
    for code in ("ja", "en"):
        url = f"/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale={code}"
        assert client.get(f"/{code}/").status_code == 200  # the published content every page shows
        # The listing's total, and the language of each locale (read once per process), with the
        # items' titles and payouts only.
        assert client.get(url + "&fields=payout").status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url + "&fields=*").status_code == 200
        found[code] = len(queries)
    return found


def test_the_query_counts_stay_the_same_with_2000_more_scenarios_per_language(client):
    expected = {
        (name, code): queries
        for name, (_url, *by_language) in EXPECTED.items()
        for code, queries in zip(("ja", "en"), by_language, strict=True)
    }
    assert first_search_counts(client) == {"ja": 3, "en": 3}
    assert first_listing_counts(client) == {"ja": 5, "en": 5}
    assert counts(client) == expected

    call_command("generate_scenarios", 2000, bulk=True, stdout=io.StringIO())  # a new generation begins
    assert IncidentScenarioPage.objects.filter(locale__language_code="en").count() > 2000
    assert first_search_counts(client) == {"ja": 3, "en": 3}
    assert first_listing_counts(client) == {"ja": 5, "en": 5}
    assert counts(client) == expected


def test_every_page_is_within_the_budget():
    assert all(max(EXPECTED[name][1:]) <= PAGE_BUDGET for name in PAGES)
