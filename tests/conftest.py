"""Shared fixtures: the test database holds the whole seed content, loaded once per session.

Each test runs in a transaction that is rolled back, so tests may edit, delete and publish freely.
"""

import os

import pytest
from django.test import Client

from home.seed.loader import read_content
from tools import database_templates

from . import live_site


def pytest_report_header(config):
    url = os.environ.get("TEST_DATABASE_URL")
    return f"database: {'PostgreSQL (' + url + ')' if url else 'SQLite'}"


@pytest.fixture(scope="session")
def django_db_setup(tmp_path_factory):
    """Each worker's test database is a copy of the run's migrated and seeded template
    (tools/database_templates.py) instead of migrating and seeding on its own."""
    from django.conf import settings
    from django.db import connections

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        name = str(database_templates.sqlite_copy(tmp_path_factory.mktemp("database") / "test.sqlite3"))
    else:
        server_url = os.environ["TEST_DATABASE_URL"]
        name = f"test_{database['NAME']}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
        database_templates.postgres_copy(name, server_url)
    for settings_dict in (database, connections["default"].settings_dict):
        settings_dict["NAME"] = name
    connections.close_all()
    yield
    connections.close_all()
    if not database["ENGINE"].endswith("sqlite3"):
        database_templates.postgres_drop(name, server_url)


@pytest.fixture(scope="session")
def live_site_url(tmp_path_factory):
    """The base URL of a running copy of the site (tests/live_site.py), one per pytest-xdist worker
    that needs it; a test that changes its content puts it back. One copy for the whole run would
    put every test that needs it on one worker, one after another (tried with xdist's loadgroup on
    pytest 8.4: the SQLite run took 146 s instead of 98 s, and that worker's database tests then
    failed beside Playwright's event loop)."""
    with live_site.running_site(tmp_path_factory.mktemp("live-site")) as base_url:
        yield base_url


@pytest.fixture
def seed_content():
    return read_content()


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def member(django_user_model):
    """``member("編集者")`` makes a user of that editorial group (password "secret")."""
    from django.contrib.auth.models import Group

    def make(group_name, email=""):
        user = django_user_model.objects.create_user(f"user-{group_name}", email=email, password="secret")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def admin_client(db, django_user_model):
    user = django_user_model.objects.create_superuser("test-admin", "admin@example.com", "secret")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database is rolled back after a test, the cache
    (Wagtail's site root paths, …) would otherwise keep what the test left."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def api_v3_answers_match_the_openapi_document(monkeypatch):
    """Every API v3 response any test receives is validated against the published OpenAPI document
    (openapi-core): a field missing, a wrong type or an undescribed status fails the test."""
    from django.test.client import Client as DjangoClient

    from .openapi_check import check_response

    original = DjangoClient.request

    def request_and_check(self, **request):
        response = original(self, **request)
        check_response(response)
        return response

    monkeypatch.setattr(DjangoClient, "request", request_and_check)
