"""The headless contract: what a front end needs from the API, without workarounds.

A front end knows the URLs visitors see (/ja/…, /en/…); it must reach the page behind each one with
``find``, in API v2 and v3, and follow the redirect on the host it called.
"""

import pytest
from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

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


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/99999999999999999999999/",
        "/api/v2/contact-hours/99999999999999999999999/",
        "/api/v3/pages/99999999999999999999999/",
        "/api/v3/scenarios/99999999999999999999999/",
        "/api/v3/contact-hours/99999999999999999999999/",
        "/api/v3/scenarios/?line=99999999999999999999999",
    ],
)
def test_huge_ids_are_client_errors(client, url):
    assert 400 <= client.get(url).status_code < 500


# One shape for each snippet in v2 and v3 ------------------------------------------------------

SHARED_HOURS_FIELDS = ["heading", "phone_number", "tel_uri", "open_weekdays", "opens_at", "closes_at", "closed_on_national_holidays", "note", "locale"]


def test_contact_hours_look_the_same_in_v2_and_v3(client):
    v2 = client.get("/api/v2/contact-hours/", {"locale": "ja", "fields": "*"}).json()["items"][0]
    v3 = client.get("/api/v3/contact-hours/", {"locale": "ja"}).json()["items"][0]
    assert v2["open_weekdays"] == [0, 1, 2, 3, 4] and v2["opens_at"] == "09:00" and v2["locale"] == "ja"
    assert {name: v2[name] for name in SHARED_HOURS_FIELDS} == {name: v3[name] for name in SHARED_HOURS_FIELDS}
    assert set(v2["status"]) == {"open_now", "next_opening"} and v2["status"] == v3["status"]


def test_the_contact_hours_say_when_the_line_opens_next(client, settings):
    import datetime
    from unittest import mock

    from django.utils import timezone

    new_year = datetime.datetime(2027, 1, 1, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    with mock.patch.object(timezone, "now", return_value=new_year):
        status = client.get("/api/v3/contact-hours/", {"locale": "en"}).json()["items"][0]["status"]
    assert status == {"open_now": False, "next_opening": "2027-01-04T09:00:00+09:00"}


def test_wagtails_own_snippet_endpoint_agrees_with_its_schema(client, django_user_model):
    from wagtail.models import APIToken

    user = django_user_model.objects.create_superuser("schema-reader", password="x" * 12)
    _token, plaintext = APIToken.create_token(user=user, name="reader")
    response = client.get("/api/v3/snippets/scenarios.ContactHours/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 200, response.content[:300]
    item = response.json()["items"][0]
    assert item["open_weekdays"] == [0, 1, 2, 3, 4] and item["opens_at"] == "09:00"


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_english_operator_info_links_the_english_pages(client, version):
    params = {"locale": "en", "fields": "*"} if version == "v2" else {"locale": "en"}
    operator = client.get(f"/api/{version}/operator-info/", params).json()["items"][0]
    for field in ("operator_page", "site_manager_page", "privacy_policy_page"):
        page = operator[field]
        assert page["locale"] == "en" and page["url"].startswith("http://localhost/en/")
        assert Page.objects.get(pk=page["id"]).locale.language_code == "en"


def test_every_translation_entry_carries_its_language_and_url(client):
    items = client.get(
        "/api/v2/pages/", {"type": "scenarios.IncidentScenarioPage", "locale": "ja", "fields": "translations", "limit": 50}
    ).json()["items"]
    for item in items:
        (english,) = item["translations"]
        assert english["locale"] == "en" and english["url"].startswith("http://localhost/en/")
        assert Page.objects.get(pk=english["id"]).url == english["url"].removeprefix("http://localhost")


@pytest.mark.parametrize("language_code", ["ja", "en"])
def test_scenarios_and_lines_carry_what_their_html_tells_search_engines(client, language_code):
    import re

    for page_type in ("scenarios.IncidentScenarioPage", "scenarios.InsuranceLineIndexPage"):
        items = client.get("/api/v2/pages/", {"type": page_type, "locale": language_code, "fields": "seo", "limit": 50}).json()["items"]
        for item in items[:4]:
            html = client.get(item["meta"]["html_url"].removeprefix("http://localhost")).content.decode()
            description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
            from html import unescape

            assert item["seo"]["description"] == unescape(description)
            assert f"<title>{item['seo']['title']} |" in unescape(html)


# The scenario listing of v3: everything a card shows, in one request --------------------------


def test_v3_lists_scenarios_with_everything_a_card_shows(client):
    body = client.get("/api/v3/scenarios/", {"locale": "en", "limit": 50}).json()
    assert body["count"] == 21 and len(body["items"]) == 21
    for item in body["items"]:
        # claim_or_payment may be blank: some seed narratives are one passage.
        assert item["headline"] and item["what_happened"] and "claim_or_payment" in item
        assert item["payout"]["label"] and item["loss_types"] and item["disclaimer"]
        assert item["insurance_line"]["locale"] == "en" and item["translations"][0]["locale"] == "ja"
        assert item["url"].startswith("http://localhost/en/") and item["seo"]["title"]


@pytest.mark.parametrize(
    "params, count",
    [
        ({"locale": "ja", "loss_type": "repair"}, None),
        ({"locale": "en", "payout_kind": "own-cost"}, None),
        ({"locale": "ja", "search": "サーバー"}, 3),
        ({"locale": "en", "search": "coffee"}, 1),
    ],
)
def test_v3_scenario_filters_agree_with_v2(client, params, count):
    v3 = {item["id"] for item in client.get("/api/v3/scenarios/", {**params, "limit": 50}).json()["items"]}
    v2 = {item["id"] for item in client.get("/api/v2/pages/", {**params, "type": "scenarios.IncidentScenarioPage", "limit": 50}).json()["items"]}
    assert v3 and v3 == v2
    if count is not None:
        assert len(v3) == count


def test_v3_scenarios_of_one_line(client):
    line = client.get("/api/v2/pages/", {"type": "scenarios.InsuranceLineIndexPage", "locale": "ja", "limit": 1}).json()["items"][0]
    items = client.get("/api/v3/scenarios/", {"line": line["id"], "limit": 50}).json()["items"]
    assert items and {item["insurance_line"]["id"] for item in items} == {line["id"]}


@pytest.mark.parametrize(
    "params",
    [{"loss_type": "nothing"}, {"locale": "fr"}, {"payout_kind": "free"}, {"line": "abc"}, {"colour": "red"}, {"search": " "}],
)
def test_v3_scenario_filters_refuse_what_names_nothing(client, params):
    response = client.get("/api/v3/scenarios/", params)
    assert 400 <= response.status_code < 500 and response["Content-Type"] == "application/problem+json"


# Queries per request do not grow with the page size --------------------------------------------


@pytest.fixture
def many_scenarios():
    """Enough Japanese scenarios for a page of 100, over every line and with their loss types."""
    import io

    from django.core.management import call_command

    from .helpers import scenarios_in

    call_command("generate_scenarios", 100 - scenarios_in("ja").count(), bulk=True, stdout=io.StringIO())
    assert scenarios_in("ja").live().count() >= 100


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the per-process caches a running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


@pytest.mark.parametrize(
    "listing",
    [
        "/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=ja&fields=*&limit={limit}",
        "/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=ja&fields=*&limit={limit}&search=事故",
        "/api/v3/scenarios/?locale=ja&limit={limit}",
        "/api/v3/pages/?type=scenarios.IncidentScenarioPage&locale=ja&limit={limit}",
    ],
)
def test_a_listing_makes_the_same_number_of_queries_for_5_items_as_for_100(client, many_scenarios, listing):
    assert count_queries(client, listing.format(limit=5)) == count_queries(client, listing.format(limit=100))


# Rich text ready to render --------------------------------------------------------------------


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_rich_text_links_go_to_the_linked_pages_own_language_and_images_are_expanded(client, version):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    from .helpers import lines_in, scenarios_in

    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 10), (0, 90, 170)).save(buffer, format="PNG")
    image = Image.objects.create(title="diagram", file=ImageFile(buffer, name="diagram.png"))
    line = lines_in("en").first()
    target = scenarios_in("en").last()
    line.intro = (
        f'<p>See <a linktype="page" id="{target.pk}">this scenario</a>.</p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="A diagram"/>'
    )
    line.save_revision().publish()
    if version == "v2":
        intro = client.get(f"/api/v2/pages/{line.pk}/").json()["intro"]
    else:
        intro = client.get(f"/api/v3/pages/{line.pk}/").json()["intro"]
    assert f'<a href="{target.url}">this scenario</a>' in intro and target.url.startswith("/en/")
    assert '<img alt="A diagram"' in intro and 'linktype=' not in intro and "<embed" not in intro


@pytest.mark.parametrize("site", ["page-password:", "localhost:", "a b", "localhost:99999999"])
@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_malformed_site_parameter_is_a_client_error(client, version, site):
    assert client.get(f"/api/{version}/pages/find/", {"html_path": "/ja/", "site": site}).status_code == 400
    assert client.get(f"/api/{version}/pages/", {"site": site}).status_code == 400


# Writes through v3 answer what happened -------------------------------------------------------


def test_an_approvers_token_updates_and_publishes_japanese_hours_with_clean_answers(client, django_user_model):
    import json

    from django.contrib.auth.models import Group
    from wagtail.models import APIToken

    from scenarios.models import ContactHours

    approver = django_user_model.objects.create_user("api-approver", password="x" * 12)
    approver.groups.add(Group.objects.get(name="承認者"))
    _token, plaintext = APIToken.create_token(user=approver, name="hours")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    hours = ContactHours.objects.get(locale__language_code="ja")
    base = f"/api/v3/snippets/scenarios.ContactHours/{hours.pk}/"

    patch = client.patch(base, json.dumps({"note": "年末年始は休みます。"}), content_type="application/json", **auth)
    assert patch.status_code == 200, patch.content[:300]
    assert patch.json()["opens_at"] == "09:00"
    publish = client.post(f"{base}actions/publish/", **auth)
    assert publish.status_code == 200, publish.content[:300]
    hours.refresh_from_db()
    assert hours.note == "年末年始は休みます。" and hours.live
    assert "年末年始は休みます。" in client.get("/ja/").content.decode()
