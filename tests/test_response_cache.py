"""The one cache of whole responses (itrisk.response_cache): anonymous visitors and API clients get a
stored answer with no query, every change reaches exactly the answers it affects when it commits,
and a process that dies before its commit hook leaves a stale answer no longer than a minute.
Private, signed-in, preview and error answers are never stored."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.editorial.recycle_bin import MoveToRecycleBinAction
from scenarios.models import ContactHours, IncidentScenarioPage, LossType, SearchSynonym

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


@pytest.fixture(autouse=True)
def response_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` a change, whose transaction then commits (its commit hooks run)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def get(path, **headers):
    """An anonymous visitor's request (a new client: no cookie)."""
    return Client().get(path, headers=headers)


def cached(path):
    return get(path).get("X-Cache") == "hit"


def text(path):
    return get(path).content.decode()


def warm(*paths):
    for path in paths:
        get(path)
        assert cached(path), path


def test_a_stored_answer_is_served_without_a_single_query(django_assert_num_queries):
    scenario = scenarios_in("ja").first()
    paths = [scenario.url, "/ja/", "/en/", scenario.get_parent().url, "/ja/search/?q=サーバー", "/api/v2/pages/?locale=en"]
    warm(*paths)
    for path in paths:
        with django_assert_num_queries(0):
            response = get(path)
        assert response.status_code == 200 and response["X-Cache"] == "hit"
        assert response["Cache-Control"] == "public, max-age=0, must-revalidate" and response["ETag"]


def test_a_stored_answer_carries_the_security_headers_of_a_fresh_one():
    path = scenarios_in("ja").first().url
    fresh = get(path)
    warm(path)
    stored = get(path)
    assert stored["X-Cache"] == "hit"
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert stored[header] == fresh[header], header


def test_a_client_that_has_the_answer_gets_304():
    for path in (scenarios_in("ja").first().url, "/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=en"):
        etag = get(path)["ETag"]
        assert Client().get(path, headers={"if-none-match": etag}).status_code == 304


def test_publishing_a_scenario_refreshes_it_its_line_its_home_the_finder_and_the_api(committed):
    scenario, sibling = scenarios_in("ja")[:2]
    other_line = lines_in("ja").exclude(pk=scenario.get_parent().pk).first()
    api = f"/api/v2/pages/{scenario.pk}/"
    warm(scenario.url, sibling.url, scenario.get_parent().url, "/ja/", other_line.url, "/ja/search/?q=事故", api)
    with committed():
        scenario.title = "見出しを変えました"
        scenario.save_revision().publish()
    for path in (scenario.url, scenario.get_parent().url, "/ja/", api):
        assert "見出しを変えました" in text(path), path
    assert get("/ja/search/?q=事故")["X-Cache"] == "miss"  # the finder's results may have changed
    assert cached(sibling.url) and cached(other_line.url)  # untouched pages stay stored


def test_a_change_is_not_shown_before_it_commits_and_is_once_it_does(django_capture_on_commit_callbacks):
    scenario = scenarios_in("ja").first().specific
    warm(scenario.url)
    with django_capture_on_commit_callbacks() as hooks:
        scenario.caveat = "コミットされた注記"
        scenario.save_revision().publish()
        assert cached(scenario.url)  # marked stale only when the transaction commits
    for hook in hooks:
        hook()
    assert "コミットされた注記" in text(scenario.url)


def test_a_crash_between_the_commit_and_its_hook_leaves_a_stale_answer_for_at_most_a_minute(
    settings, django_capture_on_commit_callbacks
):
    scenario = scenarios_in("ja").first().specific
    warm(scenario.url)
    with django_capture_on_commit_callbacks(execute=False):  # the process dies before its commit hooks
        scenario.caveat = "落ちる前に公開した注記"
        scenario.save_revision().publish()
    assert "落ちる前に公開した注記" not in text(scenario.url)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=settings.RESPONSE_CACHE_SECONDS + 1)):
        assert "落ちる前に公開した注記" in text(scenario.url)


def test_unpublishing_takes_a_scenario_off_every_page_at_once(committed):
    scenario = scenarios_in("ja").first()
    warm(scenario.url, scenario.get_parent().url, "/ja/", "/api/v2/pages/?locale=ja")
    with committed():
        scenario.specific.unpublish()
    assert get(scenario.url).status_code == 404
    for path in (scenario.get_parent().url, "/ja/", "/api/v2/pages/?locale=ja"):
        assert scenario.title not in text(path), path


def test_deleting_into_the_recycle_bin_takes_both_languages_off_at_once(committed, admin_user):
    scenario = scenarios_in("ja").first()
    english = scenario.get_translation(scenarios_in("en").first().locale)
    warm(scenario.url, english.url, "/ja/", "/en/")
    with committed():
        MoveToRecycleBinAction(scenario.specific, user=admin_user).execute()
    assert get(scenario.url).status_code == 404 and get(english.url).status_code == 404
    assert scenario.title not in text("/ja/") and english.title not in text("/en/")


def test_a_deleted_page_leaves_every_page_at_once(committed):
    scenario = scenarios_in("ja").first()
    warm(scenario.url, "/ja/")
    with committed():
        IncidentScenarioPage.objects.get(pk=scenario.pk).delete()
    assert get(scenario.url).status_code == 404 and scenario.title not in text("/ja/")


def test_a_move_shows_at_once_under_the_new_line(committed):
    scenario = scenarios_in("ja").first()
    old_line = scenario.get_parent()
    new_line = lines_in("ja").exclude(pk=old_line.pk).first()
    warm(old_line.url, new_line.url)
    with committed():
        scenario.move(new_line, pos="last-child")
    assert scenario.title not in text(old_line.url) and scenario.title in text(new_line.url)


def test_a_password_on_a_scenario_hides_it_at_once(committed):
    scenario = scenarios_in("ja").first()
    warm(scenario.url, "/ja/", scenario.get_parent().url, "/api/v2/pages/?locale=ja")
    with committed():
        PageViewRestriction.objects.create(page=scenario, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    assert scenario.what_happened not in text(scenario.url)
    for path in ("/ja/", scenario.get_parent().url, "/api/v2/pages/?locale=ja"):
        assert scenario.title not in text(path), path


def test_a_published_translation_reaches_the_english_pages_at_once(committed):
    english = scenarios_in("en").first()
    warm(english.url, "/en/")
    with committed():
        english.title = "A new English headline"
        english.save_revision().publish()
    assert "A new English headline" in text(english.url) and "A new English headline" in text("/en/")


def test_new_hours_reach_every_page_and_api_answer_of_both_languages_at_once(committed):
    paths = ["/ja/", "/en/", scenarios_in("ja").first().url, scenarios_in("en").first().url, "/en/search/?q=server"]
    answers = ["/api/v2/contact-hours/?locale=ja", "/api/v2/contact-hours/?locale=en", "/api/v3/contact-hours/"]
    warm(*paths, *answers)
    with committed():
        hours = ContactHours.objects.get(locale__language_code="ja")
        hours.opens_at, hours.closes_at = datetime.time(10), datetime.time(17)
        hours.save_revision().publish()
    for path in paths + answers:
        assert "17:00" in text(path), path


def test_a_renamed_loss_type_reaches_the_pages_that_show_it_at_once(committed):
    scenario = scenarios_in("ja").filter(loss_type_links__isnull=False).first().specific
    loss_type = scenario.loss_type_links.first().loss_type
    warm(scenario.url, "/api/v3/loss-types/")
    with committed():
        renamed = LossType.objects.get(pk=loss_type.pk)
        renamed.name = "改名した損害"
        renamed.save()
    assert "改名した損害" in text(scenario.url)
    assert "改名した損害" in [item["name"] for item in get("/api/v3/loss-types/").json()["items"]]


def test_a_new_synonym_reaches_the_finder_at_once(committed):
    server_scenario = next(page for page in scenarios_in("ja") if "サーバー" in page.title)
    warm("/ja/search/?q=鯖")
    assert server_scenario.title not in text("/ja/search/?q=鯖")
    with committed():
        SearchSynonym.objects.create(terms="鯖, サーバー")
    assert server_scenario.title in text("/ja/search/?q=鯖")


def test_signed_in_editors_and_password_holders_never_get_or_leave_a_stored_answer(admin_client):
    path = scenarios_in("ja").first().url
    response = admin_client.get(path)
    assert "X-Cache" not in response and "private" in response["Cache-Control"]
    assert get(path)["X-Cache"] == "miss"  # the editor's view was not stored


def test_an_api_token_never_gets_or_leaves_a_stored_answer():
    path = "/api/v2/pages/?locale=ja"
    assert "X-Cache" not in get(path, authorization="Bearer whatever")
    assert get(path)["X-Cache"] == "miss"


def test_errors_redirects_and_previews_are_never_stored(admin_client):
    for path in ("/ja/no-such-page/", "/", "/ja/search/?loss_type=nonsense", "/api/v2/pages/?locale=xx"):
        get(path)
        assert "X-Cache" not in get(path), path
    scenario = scenarios_in("ja").first()
    preview = admin_client.get(f"/admin/pages/{scenario.pk}/edit/preview/")
    assert "X-Cache" not in preview


def test_each_api_client_gets_its_own_cors_headers_from_a_stored_answer(settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example", "https://other.example"]
    path = "/api/v2/pages/?locale=ja"
    assert get(path, origin="https://front.example")["Access-Control-Allow-Origin"] == "https://front.example"
    stored = get(path, origin="https://other.example")
    assert stored["X-Cache"] == "hit" and stored["Access-Control-Allow-Origin"] == "https://other.example"


def test_page_cache_off_turns_it_off(settings):
    settings.PAGE_CACHE = False
    get("/ja/")
    assert "X-Cache" not in get("/ja/")
