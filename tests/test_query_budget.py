"""The first render after a publish makes a fixed number of SQL queries, whatever the catalogue's size:
at most ten on every public page, at most eight on every API call.

Each URL is asked once right after an editor published what it shows (the page itself, a scenario
for a listing, the hours for the hours), with the response cache off: the answer a visitor gets
when nothing has it yet. The process has answered one request before (Django's content types and
Wagtail's site root paths are known, as in any running server; a publish changes neither). Counted
with the seed's 21 scenarios per language, and again with 2,000 more per language.
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import get_page_models

from home.models import HomePage, StandardPage
from scenarios.models import ContactHours, IncidentScenarioPage

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

PAGE_BUDGET, API_BUDGET = 10, 8
WORDS = {"ja": "サーバー", "en": "server"}


def home(code):
    return HomePage.objects.get(locale__language_code=code)


def scenario(code):
    return scenarios_in(code).first()


# name: (the URL in language ``code``, what is published before it is asked for)
PAGES = {
    "home": (lambda code: home(code).url, home),
    "line": (lambda code: lines_in(code).first().url, lambda code: lines_in(code).first()),
    "scenario": (lambda code: scenario(code).url, scenario),
    "standard page": (
        lambda code: StandardPage.objects.filter(locale__language_code=code).first().url,
        lambda code: StandardPage.objects.filter(locale__language_code=code).first(),
    ),
    "finder": (lambda code: f"/{code}/search/", scenario),
    "finder, words": (lambda code: f"/{code}/search/?q={WORDS[code]}", scenario),
    "finder, filters": (lambda code: f"/{code}/search/?loss_type=lost-profits&payout_kind=liability", scenario),
}
API = {
    "v2 pages, every field": (lambda code: f"/api/v2/pages/?locale={code}&fields=*", scenario),
    "v2 scenarios, every field": (
        lambda code: f"/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale={code}&fields=*",
        scenario,
    ),
    "v2 scenarios, words": (
        lambda code: f"/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale={code}&search={WORDS[code]}",
        scenario,
    ),
    "v2 page": (lambda code: f"/api/v2/pages/{scenario(code).pk}/", scenario),
    "v2 find (its redirect)": (lambda code: f"/api/v2/pages/find/?html_path={scenario(code).url}", scenario),
    "v2 contact hours": (
        lambda code: f"/api/v2/contact-hours/?locale={code}",
        lambda code: ContactHours.objects.get(locale__language_code=code),
    ),
    "v3 scenarios": (lambda code: f"/api/v3/scenarios/?locale={code}", scenario),
    "v3 scenarios, words": (lambda code: f"/api/v3/scenarios/?locale={code}&search={WORDS[code]}", scenario),
    "v3 scenario": (lambda code: f"/api/v3/scenarios/{scenario(code).pk}/", scenario),
    "v3 loss types": (lambda code: f"/api/v3/loss-types/?locale={code}", scenario),
}

# The queries of each first render, as counted at both sizes (ja, en). The English pages make one
# more than the Japanese: Wagtail routes every request through the site's root page (Japanese) and
# looks its English translation up.
EXPECTED = {
    "home": (9, 10),
    "line": (9, 10),
    "scenario": (8, 9),
    "standard page": (7, 8),
    "finder": (9, 9),
    "finder, words": (10, 10),
    "finder, filters": (9, 9),
    "v2 pages, every field": (4, 4),
    "v2 scenarios, every field": (8, 8),
    "v2 scenarios, words": (5, 5),
    "v2 page": (7, 7),
    "v2 find (its redirect)": (7, 7),
    "v2 contact hours": (4, 4),
    "v3 scenarios": (7, 7),
    "v3 scenarios, words": (8, 8),
    "v3 scenario": (7, 7),
    "v3 loss types": (2, 2),
}


def first_render_queries(client, url, published, committed):
    with committed(execute=True):  # the publish commits, and what its commit hooks do is done
        getattr(published, "specific", published).save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 302), (url, response.status_code)
    return len(queries)


def counts(client, table, committed):
    # The process has answered requests before: it knows the page types' content types (Django
    # keeps them for the life of the process) and the site root paths.
    ContentType.objects.get_for_models(*get_page_models())
    client.get(StandardPage.objects.first().url)
    return {
        name: tuple(first_render_queries(client, url_for(code), published(code), committed) for code in ("ja", "en"))
        for name, (url_for, published) in table.items()
    }


def test_the_first_render_after_a_publish_stays_within_the_budget_at_21_and_at_2021_scenarios(
    client, django_capture_on_commit_callbacks
):
    committed = django_capture_on_commit_callbacks
    pages, api = counts(client, PAGES, committed), counts(client, API, committed)
    assert pages | api == EXPECTED

    call_command("generate_scenarios", 2000, bulk=True, stdout=io.StringIO())
    assert IncidentScenarioPage.objects.filter(locale__language_code="en").count() > 2000
    assert counts(client, PAGES, committed) == pages and counts(client, API, committed) == api
    assert max(max(found) for found in pages.values()) <= PAGE_BUDGET
    assert max(max(found) for found in api.values()) <= API_BUDGET
