"""Headers and methods a production site needs: CSP, Permissions-Policy, and public views that only read."""

import pytest

from .helpers import scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/ja/", "/en/", "/ja/search/?q=サーバー", "/sitemap.xml"])
def test_public_responses_have_a_strict_content_security_policy(client, url):
    policy = directives(client.get(url)["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_admin_has_its_own_working_policy(admin_client):
    policy = directives(admin_client.get("/admin/")["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["object-src"] == ["'none'"]


def test_the_api_documentation_is_served_from_the_site_itself(client):
    html = client.get("/api/v3/docs/").content.decode()
    assert "cdn." not in html and "/static/ninja/swagger-ui-bundle" in html


def test_permissions_policy_denies_device_apis(client):
    header = client.get("/ja/")["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in header


@pytest.mark.parametrize("method", ["trace", "put", "delete", "patch", "options", "post"])
@pytest.mark.parametrize("url", ["/ja/", "/ja/search/", "/en/it-work-liability/"])
def test_public_views_answer_only_get_and_head(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_head_is_answered_like_get(client):
    page = scenarios_in("ja").first()
    assert client.head(page.url).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        {"q": "\x00"},
        {"q": " "},
        {"q": "a" * 10_000},
        {"q": " ".join(f"w{n}" for n in range(500))},
        {"loss_type": "\x00"},
        {"loss_type": "'; drop table"},
        {"payout_kind": "\x00"},
        {"page": "99999999999999999999999"},
        {"page": "-1"},
        {"q": '"\'\\'},
    ],
)
def test_the_finder_answers_odd_input_without_a_server_error(client, query):
    response = client.get("/ja/search/", query)
    assert response.status_code in (200, 400), response.content[:300]
