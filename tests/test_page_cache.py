"""The page cache: anonymous visitors get stored pages with no query, and every change reaches
exactly the pages it affects at once; private, signed-in, preview and error answers are never stored."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction

from itrisk import change_marks, page_cache
from scenarios.models import ContactHours, IncidentScenarioPage, SearchSynonym

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def get(path):
    """An anonymous visitor's request (a new client: no cookie)."""
    return Client().get(path)


def cached(path):
    return get(path).get("X-Page-Cache") == "hit"


def text(path):
    return get(path).content.decode()


def warm(*paths):
    for path in paths:
        get(path)
        assert cached(path), path


def test_a_stored_page_is_served_without_a_single_query(django_assert_num_queries):
    scenario = scenarios_in("ja").first()
    warm(scenario.url, "/ja/", "/en/", scenario.get_parent().url, "/ja/search/?q=サーバー")
    for path in (scenario.url, "/ja/", "/en/", scenario.get_parent().url, "/ja/search/?q=サーバー"):
        with django_assert_num_queries(0):
            response = get(path)
        assert response.status_code == 200 and response["X-Page-Cache"] == "hit"
        assert "public" in response["Cache-Control"] and response["ETag"]


def test_a_visitor_who_has_the_page_gets_304():
    path = scenarios_in("ja").first().url
    etag = get(path)["ETag"]
    assert Client().get(path, headers={"if-none-match": etag}).status_code == 304


def test_publishing_a_scenario_refreshes_it_its_line_and_home_and_nothing_else():
    scenario, sibling = scenarios_in("ja")[:2]
    other_line = lines_in("ja").exclude(pk=scenario.get_parent().pk).first()
    warm(scenario.url, sibling.url, scenario.get_parent().url, "/ja/", other_line.url, "/ja/search/?q=事故")
    scenario.title = "見出しを変えました"
    scenario.save_revision().publish()
    for path in (scenario.url, scenario.get_parent().url, "/ja/"):
        assert "見出しを変えました" in text(path), path
    assert get("/ja/search/?q=事故")["X-Page-Cache"] == "miss"  # the finder's results may have changed
    assert cached(sibling.url) and cached(other_line.url)  # untouched pages stay stored


def test_unpublishing_and_deleting_take_it_off_every_page_at_once():
    first, second = scenarios_in("ja")[:2]
    warm(first.url, second.url, first.get_parent().url, "/ja/")
    first.unpublish()
    assert get(first.url).status_code == 404
    assert first.title not in text(first.get_parent().url) and first.title not in text("/ja/")
    IncidentScenarioPage.objects.get(pk=second.pk).delete()
    assert get(second.url).status_code == 404 and second.title not in text("/ja/")


def test_a_move_shows_at_once_under_the_new_line():
    scenario = scenarios_in("ja").first()
    old_line = scenario.get_parent()
    new_line = lines_in("ja").exclude(pk=old_line.pk).first()
    warm(old_line.url, new_line.url)
    scenario.move(new_line, pos="last-child")
    assert scenario.title not in text(old_line.url) and scenario.title in text(new_line.url)


def test_a_password_on_a_scenario_hides_it_at_once():
    scenario = scenarios_in("ja").first()
    warm(scenario.url, "/ja/", scenario.get_parent().url)
    PageViewRestriction.objects.create(page=scenario, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    assert scenario.what_happened not in text(scenario.url)
    assert scenario.title not in text("/ja/") and scenario.title not in text(scenario.get_parent().url)


def test_a_published_translation_reaches_the_english_page_at_once():
    english = scenarios_in("en").first()
    warm(english.url, "/en/")
    english.title = "A new English headline"
    english.save_revision().publish()
    assert "A new English headline" in text(english.url) and "A new English headline" in text("/en/")


def test_new_hours_reach_every_page_and_stored_api_answer_of_both_languages_at_once(settings):
    """Pages, and the plugin's store of API answers (scenarios.api.response_cache), on in production."""
    settings.SCENARIOS = {**settings.SCENARIOS, "API_CACHE": True}
    paths = ["/ja/", "/en/", scenarios_in("ja").first().url, scenarios_in("en").first().url, "/en/search/?q=server"]
    answers = ["/api/v2/contact-hours/?locale=ja", "/api/v2/contact-hours/?locale=en"]
    warm(*paths)
    for path in answers:
        get(path)
        assert get(path)["X-API-Cache"] == "hit", path
    hours = ContactHours.objects.get(locale__language_code="ja")
    hours.opens_at, hours.closes_at = datetime.time(10), datetime.time(17)
    hours.save_revision().publish()
    for path in paths + answers:
        assert "17:00" in text(path), path


def test_an_api_client_that_has_the_answer_gets_304(settings):
    settings.SCENARIOS = {**settings.SCENARIOS, "API_CACHE": True}
    path = "/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=en"
    first = get(path)
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert Client().get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_new_synonym_reaches_the_finder_at_once():
    server_scenario = next(page for page in scenarios_in("ja") if "サーバー" in page.title)
    warm("/ja/search/?q=鯖")
    assert server_scenario.title not in text("/ja/search/?q=鯖")
    SearchSynonym.objects.create(terms="鯖, サーバー")
    assert server_scenario.title in text("/ja/search/?q=鯖")


def test_signed_in_editors_and_password_holders_never_get_or_leave_a_stored_page(admin_client):
    path = scenarios_in("ja").first().url
    response = admin_client.get(path)
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]
    assert get(path)["X-Page-Cache"] == "miss"  # the editor's view was not stored


def test_errors_redirects_previews_and_the_api_are_never_stored(admin_client):
    for path in ("/ja/no-such-page/", "/", "/api/v2/pages/", "/ja/search/?loss_type=nonsense"):
        get(path)
        assert "X-Page-Cache" not in get(path), path
    scenario = scenarios_in("ja").first()
    preview = admin_client.get(f"/admin/pages/{scenario.pk}/edit/preview/")
    assert "X-Page-Cache" not in preview


def test_page_cache_off_turns_it_off(settings):
    settings.PAGE_CACHE = False
    get("/ja/")
    assert "X-Page-Cache" not in get("/ja/")


def test_a_copy_kept_by_the_process_is_never_served_after_a_change():
    """Each process keeps the pages it served; the change marks in the shared cache still decide."""
    scenario = scenarios_in("ja").first().specific
    warm(scenario.url)
    scenario.caveat = "処理ごとの写しは使われない"
    scenario.save_revision().publish()
    response = get(scenario.url)
    assert response["X-Page-Cache"] == "miss" and "処理ごとの写しは使われない" in response.content.decode()


def test_after_the_cache_is_cleared_no_copy_kept_by_a_process_is_served_again():
    """A restore clears the shared cache, and another process may soon render a page afresh and give
    its tags new marks; the copy this process kept from before the restore must still never be served."""
    path = scenarios_in("ja").first().url
    warm(path)
    kept = page_cache._stored.last_used()  # the copy this process used last
    cache.clear()
    page_cache.mark_everything_changed()
    change_marks.for_cache(page_cache.CACHE_ALIAS).remember(kept["tags"])  # as a render elsewhere does

    assert get(path)["X-Page-Cache"] == "miss"
