"""Headless clients read everything through the Wagtail API, in either language, and nothing else."""

import pytest
from wagtail.models import Page, PageViewRestriction

from scenarios.models import IncidentScenarioPage, LossType

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

SCENARIO = "scenarios.IncidentScenarioPage"
LINE = "scenarios.InsuranceLineIndexPage"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:500])
    return response.json()


def v2_pages(client, query):
    return get_json(client, f"/api/v2/pages/?{query}")


# --- reading the whole site -------------------------------------------------------------------


def test_a_listings_total_is_kept_until_something_is_published(client):
    url = f"type={SCENARIO}&locale=ja&limit=5"
    assert v2_pages(client, url)["meta"]["total_count"] == 21
    assert v2_pages(client, url + "&offset=5")["meta"]["total_count"] == 21  # another page: the same total
    assert get_json(client, "/api/v3/scenarios/?locale=ja&limit=5")["count"] == 21
    withdrawn = scenarios_in("ja").first()
    assert v2_pages(client, f"{url}&slug={withdrawn.slug}")["meta"]["total_count"] == 1
    withdrawn.unpublish()
    assert v2_pages(client, url)["meta"]["total_count"] == 20
    assert v2_pages(client, f"{url}&slug={withdrawn.slug}")["meta"]["total_count"] == 0
    assert get_json(client, "/api/v3/scenarios/?locale=ja&limit=5")["count"] == 20




@pytest.mark.parametrize("language_code, other", [("ja", "en"), ("en", "ja")])
def test_a_client_reads_the_whole_seed_back_through_v2(client, language_code, other):
    lines = v2_pages(client, f"type={LINE}&locale={language_code}&fields=coverage_summary,translations")
    assert lines["meta"]["total_count"] == 7
    scenarios = v2_pages(client, f"type={SCENARIO}&locale={language_code}&fields=*&limit=50")
    assert scenarios["meta"]["total_count"] == 21
    expected = {page.pk: page for page in scenarios_in(language_code)}
    for item in scenarios["items"]:
        page = expected[item["id"]]
        assert item["headline"] == page.title
        assert item["what_happened"] == page.what_happened
        assert item["claim_or_payment"] == page.claim_or_payment
        assert item["payout"]["value"] == page.payout_kind and item["payout"]["label"]
        assert [lt["slug"] for lt in item["loss_types"]] == [lt.slug for lt in page.loss_types]
        assert item["insurance_line"]["id"] == page.get_parent().pk
        assert item["disclaimer"]
        (translation,) = item["translations"]
        assert translation["locale"] == other
        assert Page.objects.get(pk=translation["id"]).translation_key == page.translation_key


def test_loss_type_names_and_payout_labels_are_in_the_pages_language(client):
    ja = v2_pages(client, f"type={SCENARIO}&locale=ja&fields=payout,loss_types&limit=1")["items"][0]
    en = v2_pages(client, f"type={SCENARIO}&locale=en&fields=payout,loss_types&limit=1")["items"][0]
    assert ja["loss_types"][0]["name"] == "逸失利益" and en["loss_types"][0]["name"] == "Lost profits"
    assert ja["payout"]["label"] == "第三者からの損害賠償請求"
    assert en["payout"]["label"] == "Third-party liability claim"


def test_the_disclaimer_travels_with_every_scenario_in_its_language(client):
    ja = v2_pages(client, f"type={SCENARIO}&locale=ja&fields=disclaimer&limit=50")["items"]
    en = v2_pages(client, f"type={SCENARIO}&locale=en&fields=disclaimer&limit=50")["items"]
    assert {item["disclaimer"] for item in ja} == {
        "全て想定損害請求事例であり、実際の損害請求時には、保険適用の可否につき各保険会社が個別判断いたします。"
    }
    assert len({item["disclaimer"] for item in en}) == 1 and "case by case" in en[0]["disclaimer"]


# --- filters ----------------------------------------------------------------------------------


def test_child_of_a_line_lists_its_scenarios_in_page_order(client):
    line = lines_in("en").first()
    items = v2_pages(client, f"child_of={line.pk}&type={SCENARIO}&limit=50")["items"]
    assert [item["id"] for item in items] == list(scenarios_in("en").child_of(line).values_list("pk", flat=True))


@pytest.mark.parametrize("language_code", ["ja", "en"])
def test_filter_by_loss_type_finds_every_scenario_with_that_loss(client, language_code):
    items = v2_pages(client, f"type={SCENARIO}&locale={language_code}&loss_type=repair")["items"]
    expected = IncidentScenarioPage.objects.filter(
        locale__language_code=language_code, loss_type_links__loss_type__slug="repair"
    )
    assert {item["id"] for item in items} == set(expected.values_list("pk", flat=True))
    assert len(items) == 2


@pytest.mark.parametrize("kind, count", [("liability", 15), ("own-cost", 6)])
def test_filter_by_payout_kind(client, kind, count):
    data = v2_pages(client, f"type={SCENARIO}&locale=ja&payout_kind={kind}")
    assert data["meta"]["total_count"] == count


def test_search_finds_scenarios_in_english(client):
    data = v2_pages(client, f"type={SCENARIO}&locale=en&search=coffee")
    assert [item["title"] for item in data["items"]] == ["Coffee spilled on a PC stops the keyboard working"]


@pytest.mark.parametrize(
    "endpoint, count",
    [("contact-hours", 1), ("operator-info", 1), ("loss-types", 10)],
)
@pytest.mark.parametrize("language_code", ["ja", "en"])
def test_snippet_endpoints_per_language(client, endpoint, count, language_code):
    for version, total in (("v2", lambda d: d["meta"]["total_count"]), ("v3", lambda d: d["count"])):
        data = get_json(client, f"/api/{version}/{endpoint}/?locale={language_code}")
        assert total(data) == count, (version, endpoint)


def test_contact_hours_fields(client):
    item = get_json(client, "/api/v3/contact-hours/?locale=ja")["items"][0]
    assert item["phone_number"] == "0120-347-277"
    assert item["tel_uri"] == "tel:+81120347277"
    assert item["open_weekdays"] == [0, 1, 2, 3, 4]
    assert item["opens_at"] == "09:00" and item["closes_at"] == "18:00"
    v2 = get_json(client, f"/api/v2/contact-hours/{item['id']}/")
    assert v2["phone_number"] == "0120-347-277" and v2["heading"] == "連絡はこちらへ"


# --- API v3 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language_code", ["ja", "en"])
def test_v3_lists_lines_and_scenarios_per_language(client, language_code):
    assert get_json(client, f"/api/v3/pages/?type={LINE}&locale={language_code}")["count"] == 7
    data = get_json(client, f"/api/v3/pages/?type={SCENARIO}&locale={language_code}&limit=50")
    assert data["count"] == 21
    detail = get_json(client, f"/api/v3/pages/{data['items'][0]['id']}/")
    assert detail["what_happened"] and detail["loss_types"] and detail["disclaimer"]
    assert detail["translations"][0]["locale"] != language_code


def test_v3_openapi_types_the_scenario_and_line_pages_and_snippets(client):
    schema = get_json(client, "/api/v3/openapi.json")
    components = schema["components"]["schemas"]
    scenario = components["IncidentScenarioPageSchema"]["properties"]
    for field in ["what_happened", "claim_or_payment", "payout", "loss_types", "insurance_line", "disclaimer"]:
        assert field in scenario
    assert "coverage_summary" in components["InsuranceLineIndexPageSchema"]["properties"]
    assert {"ContactHoursOut", "OperatorInfoOut", "LossTypeOut"} <= set(components)
    assert any(path.startswith("/api/v3/contact-hours/") for path in schema["paths"])
    assert client.get("/api/v3/docs/").status_code == 200


# --- nothing unpublished leaks ----------------------------------------------------------------


def ids_everywhere(client):
    ids = set()
    for version, items_key in (("v2", "items"), ("v3", "items")):
        data = get_json(client, f"/api/{version}/pages/?limit=100")
        ids |= {item["id"] for item in data[items_key]}
    return ids


def test_a_draft_page_is_in_no_endpoint(client):
    line = lines_in("ja").first()
    draft = IncidentScenarioPage(
        title="下書き", slug="draft", what_happened="秘密。", claim_or_payment="秘密。", payout_kind="liability", live=False
    )
    line.add_child(instance=draft)
    draft.save_revision()
    assert draft.pk not in ids_everywhere(client)
    for version in ("v2", "v3"):
        assert client.get(f"/api/{version}/pages/{draft.pk}/").status_code == 404
    assert "秘密" not in client.get(f"/api/v2/pages/?search=秘密&type={SCENARIO}").content.decode()


def test_unpublished_changes_are_not_served(client):
    page = scenarios_in("ja").first()
    live_text = page.what_happened
    page.what_happened = "未公開の変更。"
    page.save_revision()  # saved as a draft, not published
    for version in ("v2", "v3"):
        detail = get_json(client, f"/api/{version}/pages/{page.pk}/")
        assert detail["what_happened"] == live_text
    assert get_json(client, f"/api/v3/pages/{page.pk}/?version=draft")["what_happened"] == live_text


def test_private_pages_are_not_served(client):
    line = lines_in("ja").first()
    PageViewRestriction.objects.create(page=line, restriction_type=PageViewRestriction.LOGIN)
    private = {line.pk, *scenarios_in("ja").child_of(line).values_list("pk", flat=True)}
    assert not private & ids_everywhere(client)
    for version in ("v2", "v3"):
        assert client.get(f"/api/{version}/pages/{line.pk}/").status_code == 404


def test_unpublished_snippets_are_not_served(client):
    from scenarios.models import ContactHours

    ContactHours.objects.filter(locale__language_code="en").update(live=False)
    for version in ("v2", "v3"):
        data = get_json(client, f"/api/{version}/contact-hours/?locale=en")
        assert data.get("count", data.get("meta", {}).get("total_count")) == 0


# --- bad input is a 4xx with a message --------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?limit=100000",
        "/api/v2/pages/?limit=-1",
        "/api/v2/pages/?offset=abc",
        "/api/v2/pages/?type=nope.Nope",
        "/api/v2/pages/?child_of=abc",
        "/api/v2/pages/?locale=xx",
        "/api/v2/pages/?loss_type=no-such-loss",
        "/api/v2/pages/?loss_type=%00%FF",
        "/api/v2/pages/?payout_kind=free",
        "/api/v2/pages/?fields=nonexistent",
        "/api/v2/pages/?order=nonexistent",
        "/api/v2/pages/?unknown=1",
        "/api/v2/pages/999999/",
        "/api/v2/contact-hours/?locale=xx",
        "/api/v2/loss-types/?limit=100000",
        "/api/v3/pages/?limit=100000",
        "/api/v3/pages/?limit=0",
        "/api/v3/pages/?type=nope.Nope",
        "/api/v3/pages/?child_of=abc",
        "/api/v3/pages/abc/",
        "/api/v3/pages/999999/",
        "/api/v3/contact-hours/?locale=xx",
        "/api/v3/loss-types/?limit=100000",
        "/api/v3/operator-info/999999/",
        "/api/v2/pages/?site=nowhere.example",
        "/api/v2/pages/?type=scenarios.IncidentScenarioPage&site=localhost:http",
        "/api/v2/pages/?site=localhost:99999999999999999999999",
    ],
)
def test_bad_parameters_are_client_errors_with_a_message(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert response.content.strip(), url


@pytest.mark.parametrize("query", ["", f"type={SCENARIO}&"])
def test_a_site_named_by_host_lists_its_pages_in_every_language(client, query):
    site = Page.objects.get(depth=2, locale__language_code="ja").sites_rooted_here.get()
    everything = v2_pages(client, f"{query}limit=100")["meta"]["total_count"]
    named = v2_pages(client, f"{query}limit=100&site={site.hostname}:{site.port}")["meta"]["total_count"]
    assert named == everything
    items = v2_pages(client, f"{query}limit=100&site={site.hostname}")["items"]
    assert {item["meta"]["locale"] for item in items} == {"ja", "en"}


def test_an_unknown_loss_type_names_the_known_ones(client):
    message = get_json(client, "/api/v2/pages/?loss_type=nope", status=400)["message"]
    assert "lost-profits" in message


def test_cors_is_off_by_default(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://app.example.com")
    assert "access-control-allow-origin" not in {key.lower() for key in response.headers}


def test_cors_allows_the_configured_origins_on_the_api_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
    api = client.get("/api/v2/pages/", HTTP_ORIGIN="https://app.example.com")
    assert api.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    page = client.get("/ja/", HTTP_ORIGIN="https://app.example.com")
    assert "Access-Control-Allow-Origin" not in page.headers


def test_writes_need_a_token(client):
    response = client.post("/api/v3/pages/", {}, content_type="application/json")
    assert response.status_code in (401, 403)


def test_loss_types_match_across_languages_by_slug(client):
    ja = {item["slug"] for item in get_json(client, "/api/v3/loss-types/?locale=ja&limit=100")["items"]}
    en = {item["slug"] for item in get_json(client, "/api/v3/loss-types/?locale=en&limit=100")["items"]}
    assert ja == en == set(LossType.objects.values_list("slug", flat=True))


@pytest.mark.parametrize(
    "language_code, query, count", [("ja", "サーバー", 3), ("ja", "うつ病", 2), ("en", "hacker", 1), ("en", "coffee", 1)]
)
def test_api_search_works_in_japanese_and_english(client, language_code, query, count):
    data = v2_pages(client, f"type={SCENARIO}&locale={language_code}&search={query}")
    assert data["meta"]["total_count"] == count
