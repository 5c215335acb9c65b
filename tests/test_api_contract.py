"""The headless contract: what a front end needs from the API, without workarounds.

A front end knows the URLs visitors see (/ja/…, /en/…); it must reach the page behind each one with
``find``, in API v2 and v3, and follow the redirect on the host it called.
"""

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1:8301"


def visitor_urls():
    return [(page.url, page.pk) for page in Page.objects.live().filter(depth__gt=1).order_by("path")]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_find_resolves_every_visitor_url_to_the_page_of_its_language(client, version):
    urls = visitor_urls()
    assert len(urls) == 2 * (1 + 3 + 7 + 21)
    for url, page_id in urls:
        response = client.get(f"/api/{version}/pages/find/", {"html_path": url}, HTTP_HOST=HOST)
        assert response.status_code == 302, (url, response.content[:300])
        location = response["Location"].removeprefix(f"http://{HOST}")
        assert location.startswith(f"/api/{version}/pages/{page_id}/"), (url, response["Location"])


def test_v2_find_redirects_to_the_host_and_port_it_was_called_on_keeping_other_parameters(client):
    response = client.get(
        "/api/v2/pages/find/", {"html_path": "/en/", "fields": "translations"}, HTTP_HOST=HOST
    )
    assert response["Location"].startswith(f"http://{HOST}/api/v2/pages/")
    assert response["Location"].endswith("?fields=translations")


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize(
    "html_path", ["/ja/search/", "/fr/", "/en/no-such-line/", "/ja/it-work-liability/no-such-scenario/", "/en/en/"]
)
def test_find_answers_404_for_urls_that_are_not_pages(client, version, html_path):
    assert client.get(f"/api/{version}/pages/find/", {"html_path": html_path}).status_code == 404


def test_a_path_without_a_language_still_finds_the_default_language(client):
    response = client.get("/api/v2/pages/find/", {"html_path": "/it-work-liability/"})
    page = Page.objects.get(url_path__endswith="/it-work-liability/", locale__language_code="ja")
    assert response["Location"].endswith(f"/api/v2/pages/{page.pk}/")


def test_a_public_url_cannot_carry_a_second_language(client):
    assert client.get("/ja/en/").status_code == 404
    assert client.get("/en/ja/it-work-liability/").status_code == 404


@pytest.mark.parametrize("bad_id", ["abc", "-1", "1.5", "99999999999999999999999"])
def test_find_by_a_malformed_id_is_a_client_error(client, bad_id):
    assert 400 <= client.get("/api/v2/pages/find/", {"id": bad_id}).status_code < 500
    assert 400 <= client.get("/api/v3/pages/find/", {"id": bad_id}).status_code < 500


def test_absolute_urls_follow_the_public_base_url(client, settings):
    from django.core.management import call_command

    settings.PUBLIC_BASE_URL = f"http://{HOST}"
    call_command("sync_site_url")
    base = f"http://{HOST}"
    item = client.get("/api/v2/pages/?type=scenarios.IncidentScenarioPage&limit=1").json()["items"][0]
    assert item["meta"]["detail_url"].startswith(f"{base}/api/v2/pages/")
    assert item["meta"]["html_url"].startswith(f"{base}/ja/")
    v3 = client.get(f"/api/v3/pages/{item['id']}/").json()
    assert v3["meta"]["html_url"] == item["meta"]["html_url"]
    assert v3["meta"]["detail_url"].startswith(f"{base}/api/v3/pages/")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{base}/ja/</loc>" in sitemap and f"<loc>{base}/en/</loc>" in sitemap


def test_the_site_url_command_refuses_a_malformed_address(settings):
    from django.core.management import CommandError, call_command

    settings.PUBLIC_BASE_URL = "127.0.0.1:8000"
    with pytest.raises(CommandError, match="must look like"):
        call_command("sync_site_url")


ODD_SEARCHES = [" ", "\t", '"', "\x00", "\"'\\", "!?!?", "、。・", '"a', "a" * 5000, " ".join(["word"] * 500), "サーバー" * 300]


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize("query", ODD_SEARCHES, ids=range(len(ODD_SEARCHES)))
def test_odd_searches_are_answered_never_with_a_server_error(client, version, query):
    response = client.get(f"/api/{version}/pages/", {"search": query, "type": "scenarios.IncidentScenarioPage"})
    assert response.status_code in (200, 400), response.content[:300]


@pytest.mark.parametrize(
    "query",
    [
        {"search": "a", "search_operator": "xor"},
        {"offset": "99999999999999999999999"},
        {"limit": "99999999999999999999999"},
        {"offset": "-1"},
        {"limit": "0"},
        {"offset": "abc"},
        {"child_of": "99999999999999999999999"},
        {"descendant_of": "abc"},
        {"order": "title;drop"},
        {"locale": "xx"},
        {"type": "nosuch.Page"},
        {"fields": "nosuchfield"},
        {"loss_type": "\x00"},
    ],
)
@pytest.mark.parametrize("version", ["v2", "v3"])
def test_bad_parameters_are_client_errors(client, version, query):
    response = client.get(f"/api/{version}/pages/", query)
    assert 400 <= response.status_code < 500 or (response.status_code == 200 and query == {"limit": "0"}), response.content[:300]


@pytest.mark.parametrize("language_code, query", [("ja", "サーバー"), ("ja", "漏えい"), ("en", "hacker"), ("en", "servers")])
def test_v3_search_finds_what_v2_finds(client, language_code, query):
    params = {"type": "scenarios.IncidentScenarioPage", "locale": language_code, "search": query, "limit": 50}
    v2 = {item["id"] for item in client.get("/api/v2/pages/", params).json()["items"]}
    v3 = {item["id"] for item in client.get("/api/v3/pages/", params).json()["items"]}
    assert v2 and v3 == v2


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?loss_type=repair",
        "/api/v3/pages/?fields=*",
        "/api/v3/pages/find/?html_path=/ja/&extra=1",
        "/api/v3/contact-hours/?fields=*",
        "/api/v3/snippets/scenarios.LossType/?nosuchfield=1",
    ],
)
def test_v3_answers_unknown_parameters_with_a_400_naming_them(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "unknown parameter(s)" in response.json()["detail"]


def test_v3_field_filters_wagtail_offers_still_work(client):
    items = client.get("/api/v3/pages/", {"slug": "it-work-liability"}).json()["items"]
    assert {item["meta"]["locale"] for item in items} == {"ja", "en"}
