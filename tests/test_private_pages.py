"""A private page (and everything under it) never leaves its restriction.

An approver puts a password on one scenario and on one whole insurance line. Then, as an anonymous
visitor and as a headless client, every public surface in both languages is read: no listing, card,
link, language switcher, JSON-LD block, sitemap entry, finder result or API payload may show the
private pages' titles, text or URLs. A visitor who enters the password sees them, and nothing
shown to that visitor may be stored by a shared cache.
"""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

PASSWORD = "himitsu-2026"


@pytest.fixture
def private_pages(admin_client):
    """One scenario of the first line, and the whole second line, made private through the admin's
    privacy dialog, as an approver would; returns the Japanese and English pages that must not leak."""
    scenario = scenarios_in("ja").child_of(lines_in("ja")[0]).first()
    line = lines_in("ja")[1]
    for page in (scenario, line):
        response = admin_client.post(
            reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
            {"restriction_type": "password", "password": PASSWORD, "groups": []},
        )
        assert response.status_code == 200, response.content[:500]
    hidden = [scenario, line, *scenarios_in("ja").child_of(line)]
    return hidden + [page.get_translation(lines_in("en")[0].locale) for page in hidden]


def fingerprints(page):
    """What would give the page away: its URL path, its title, and the opening of its own text."""
    page = page.specific
    marks = [page.url, page.title]
    for field in ("what_happened", "coverage_summary"):
        text = getattr(page, field, "")
        if text:
            marks.append(text[:60])
    return marks


def assert_nothing_of(pages, body, where):
    for page in pages:
        for mark in fingerprints(page):
            assert mark not in body, f"{where} shows {mark!r} of private page {page.url}"


def public_urls():
    restricted = [restriction.page for restriction in PageViewRestriction.objects.all()]
    pages = Page.objects.live().filter(depth__gt=1)
    for page in restricted:
        pages = pages.not_descendant_of(page, inclusive=True)
    return [page.url for page in pages]


def test_translations_follow_the_privacy_of_their_source(private_pages):
    for page in private_pages:
        assert page.get_view_restrictions(), page.url


def test_no_public_page_shows_anything_of_a_private_page(client, private_pages):
    urls = public_urls()
    assert len(urls) == 2 * (1 + 3 + 7 + 21) - len(private_pages)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_nothing_of(private_pages, response.content.decode(), url)


def test_the_private_pages_show_only_a_password_form(client, private_pages):
    for page in private_pages:
        response = client.get(page.url)
        body = response.content.decode()
        assert response.status_code == 200, page.url
        assert 'name="password"' in body and '<meta name="robots" content="noindex">' in body
        assert f'<html lang="{page.locale.language_code}">' in body
        assert_nothing_of([page], body.replace(page.url, ""), page.url)  # the form posts back to its URL
        assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("language_code", ["ja", "en"])
def test_the_finder_finds_no_private_scenario(client, private_pages, language_code):
    for page in private_pages:
        if page.locale.language_code != language_code or not hasattr(page.specific, "what_happened"):
            continue
        response = client.get(f"/{language_code}/search/", {"q": page.specific.what_happened[:12]})
        assert_nothing_of(private_pages, response.content.decode(), response.request["QUERY_STRING"])


def test_the_sitemap_lists_no_private_page(client, private_pages):
    body = client.get("/sitemap.xml").content.decode()
    for page in private_pages:
        assert f"{page.url}<" not in body and f'{page.url}"' not in body


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?fields=*&limit=100",
        "/api/v2/pages/?type=scenarios.IncidentScenarioPage&fields=*&limit=100",
        "/api/v2/pages/?search=サーバー&limit=100",
        "/api/v3/pages/?limit=100",
        "/api/v3/pages/?type=scenarios.IncidentScenarioPage&limit=100",
    ],
)
def test_api_listings_carry_no_private_page(client, private_pages, url):
    body = json.loads(client.get(url).content)
    ids = {item["id"] for item in body.get("items", body.get("results", []))}
    assert ids and not ids & {page.pk for page in private_pages}
    assert body.get("meta", {}).get("total_count", len(ids)) == len(ids)  # v2's kept total counts them neither
    assert_nothing_of(private_pages, json.dumps(body, ensure_ascii=False), url)


def test_api_details_of_private_pages_are_not_found(client, private_pages):
    for page in private_pages:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
        assert client.get("/api/v2/pages/find/", {"html_path": page.url}).status_code == 404


def test_a_visitor_with_the_password_sees_the_line_and_its_scenarios_privately(client, private_pages):
    line = private_pages[1]
    form = client.get(line.url).content.decode()
    action = re.search(r'<form[^>]+action="([^"]+)"', form).group(1)
    response = client.post(action, {"password": PASSWORD, "return_url": line.url})
    assert response.status_code == 302
    response = client.get(line.url)
    assert response.status_code == 200
    for scenario in line.get_children():
        assert scenario.url in response.content.decode()
    assert "private" in response["Cache-Control"]
    home = client.get("/ja/")
    assert line.url in home.content.decode()  # the visitor passed: the listing shows the line
    assert "private" in home["Cache-Control"]


def test_anonymous_pages_are_not_marked_private(client):
    response = client.get("/ja/")
    assert "private" not in response.get("Cache-Control", "")
    assert "Cookie" not in response.get("Vary", "")


def test_making_the_source_public_again_makes_its_translations_public(admin_client, private_pages):
    scenario = private_pages[0]
    admin_client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[scenario.pk]), {"restriction_type": "none"}
    )
    english = scenario.get_translation(private_pages[-1].locale)
    assert not PageViewRestriction.objects.filter(page=english).exists()


def test_group_restrictions_follow_the_source_too(private_pages):
    restriction = PageViewRestriction.objects.get(page=private_pages[0])
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([Group.objects.get(name="承認者")])
    english = PageViewRestriction.objects.get(page=private_pages[0].get_translation(private_pages[-1].locale))
    assert english.restriction_type == PageViewRestriction.GROUPS
    assert list(english.groups.values_list("name", flat=True)) == ["承認者"]


def test_a_listing_rendered_for_a_visitor_with_the_password_is_never_shown_to_another(client, private_pages):
    """The home and line listings and the finder's results are kept (Wagtail's fragment cache, the
    published-content cache), each for what its visitor may see: those found after the password
    was entered stay with that visitor."""
    line = private_pages[1]
    action = re.search(r'<form[^>]+action="([^"]+)"', client.get(line.url).content.decode()).group(1)
    client.post(action, {"password": PASSWORD, "return_url": line.url})
    assert line.url in client.get("/ja/").content.decode()

    words = line.get_children().first().specific.what_happened[:12]
    finder_url = f"/ja/search/?q={words}"
    assert line.get_children().first().url in client.get(finder_url).content.decode()

    anonymous = Client()
    for url in ("/ja/", private_pages[0].get_parent().url, finder_url):
        assert_nothing_of(private_pages, anonymous.get(url).content.decode(), url)
