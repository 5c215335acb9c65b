"""What operators rely on: a health endpoint for the load balancer, and a timed log line per request."""

import json
import logging

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def test_health_reports_database_cache_and_storage(client):
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "Cache(alias='default')": "OK",
        "Database(alias='default')": "OK",
        "Storage(alias='default')": "OK",
    }
    assert "no-cache" in response["Cache-Control"]


def test_health_fails_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 500
    assert json.loads(response.content)["Cache(alias='default')"] != "OK"


def test_health_has_no_language_prefix(client):
    assert client.get("/health/", HTTP_ACCEPT="text/plain").status_code == 200
    assert client.get("/ja/health/").status_code == 404


def test_each_request_is_logged_with_its_status_and_time(client, settings, caplog):
    settings.MIDDLEWARE = ["itrisk.middleware.RequestLogMiddleware", *settings.MIDDLEWARE]
    with caplog.at_level(logging.INFO, logger="itrisk.requests"):
        client.get("/ja/?q=private-words")
        client.get("/ja/no-such-page/")
    lines = [record for record in caplog.records if record.name == "itrisk.requests"]
    assert [(record.getMessage().split()[:3]) for record in lines] == [["GET", "/ja/", "200"], ["GET", "/ja/no-such-page/", "404"]]
    assert all(record.duration_ms > 0 for record in lines)
    assert "private-words" not in caplog.text
