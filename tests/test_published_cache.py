"""What every page shows is kept between requests and dropped on any change to published content."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory

from scenarios import published_cache
from scenarios.models import ContactHours

from .helpers import scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def remembered_builds(name="example"):
    """How many times ``remember`` built its value over two requests."""
    built = []
    for _request in range(2):
        published_cache.remember(RequestFactory().get("/"), name, lambda: built.append(1) or len(built))
    return len(built)


def test_a_value_is_built_once_for_every_request_until_content_changes():
    assert remembered_builds() == 1
    assert remembered_builds() == 0

    hours = ContactHours.objects.get(locale__language_code="ja")
    hours.save()
    assert remembered_builds() == 1


@pytest.mark.parametrize("change", ["save a page", "delete a page", "move a page", "save a snippet"])
def test_each_change_to_published_content_starts_a_new_generation(change):
    before = published_cache.generation()
    scenario = scenarios_in("ja").last()
    if change == "save a page":
        scenario.save_revision().publish()
    elif change == "delete a page":
        scenario.delete()
    elif change == "move a page":
        scenario.move(scenarios_in("ja").first().get_parent(), pos="last-child")
    else:
        ContactHours.objects.get(locale__language_code="en").save()
    assert published_cache.generation() != before


def test_a_change_to_something_no_page_shows_keeps_the_generation():
    before = published_cache.generation()
    Group.objects.create(name="unrelated")
    assert published_cache.generation() == before


def test_the_generation_moves_on_again_when_the_change_commits(django_capture_on_commit_callbacks):
    """An entry another process built between the save and the commit, from the rows before the
    change, belongs to a generation no request reads after the commit."""
    with django_capture_on_commit_callbacks(execute=True):
        ContactHours.objects.get(locale__language_code="ja").save()
        during = published_cache.generation()
    assert published_cache.generation() != during


def test_a_new_hours_text_reaches_the_next_page_at_once(client):
    assert "9:00" in client.get("/ja/").content.decode()
    hours = ContactHours.objects.get(locale__language_code="ja")
    hours.note = "年末年始は休業します"
    hours.save_revision().publish()
    assert "年末年始は休業します" in client.get("/ja/").content.decode()


@pytest.fixture
def shared_cache_reads(monkeypatch):
    """The keys read from the shared cache (Redis in production), in the order they were read."""
    from django.core.cache import cache

    reads, get, missing = [], cache.get, object()

    def get_many(keys, **kwargs):  # as Django's, but through the unpatched ``get``: each key counts once
        reads.extend(keys)
        return {key: value for key in keys if (value := get(key, missing, **kwargs)) is not missing}

    monkeypatch.setattr(cache, "get", lambda key, *args, **kwargs: reads.append(key) or get(key, *args, **kwargs))
    monkeypatch.setattr(cache, "get_many", get_many)
    return reads


@pytest.mark.parametrize(
    "url, reads",
    [
        # The published-content generation, once, though Wagtail asks for a page's view
        # restrictions without the request; Wagtail's site root paths come with the Site
        # (``scenarios.site_lookup``). Where changes are announced, not even the generation.
        ("/ja/it-work-liability/undersized-server-outage/", 1),
        # No more for a listing: the site root paths serve each item's html_url, and its items
        # are kept (``scenarios.api.kept_items``) with a copy in the process.
        ("/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=ja", 1),
    ],
)
def test_a_warm_request_reads_the_shared_cache_a_fixed_number_of_times(client, shared_cache_reads, url, reads):
    assert client.get(url).status_code == 200
    shared_cache_reads.clear()
    assert client.get(url).status_code == 200
    assert len(shared_cache_reads) == reads, shared_cache_reads


def test_content_changed_while_a_request_is_served_is_read_afresh_by_the_rest_of_it():
    from scenarios import request_cache

    request_cache.begin_request()
    try:
        before = published_cache.generation()
        assert published_cache.generation() == before  # kept for the request
        ContactHours.objects.get(locale__language_code="ja").save()
        assert published_cache.generation() != before
    finally:
        request_cache.end_request()
