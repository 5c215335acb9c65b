"""The plugin's API, v2 and v3, as a headless client of any project reads it."""

import pytest
from wagtail.models import PageViewRestriction, Site

from scenarios.compat import HAS_API_V3
from scenarios.preview import HEADLESS_PREVIEW_INSTALLED

pytestmark = pytest.mark.django_db
needs_v3 = pytest.mark.skipif(not HAS_API_V3, reason="API v3 comes with Wagtail 8; on Wagtail 7 the plugin serves v2")
needs_headless_preview = pytest.mark.skipif(
    not HEADLESS_PREVIEW_INSTALLED, reason="wagtail-headless-preview (the headless-preview extra) is not installed"
)

SCENARIO = "scenarios.IncidentScenarioPage"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    return response.json()


def test_v2_lists_scenarios_of_one_language_with_every_field(client, catalogue):
    english = get_json(client, f"/api/v2/pages/?type={SCENARIO}&locale=en&fields=*")
    assert english["meta"]["total_count"] == 3
    outage = next(item for item in english["items"] if item["meta"]["slug"] == "server-outage")
    assert outage["headline"] == "Server outage"
    assert outage["payout"]["value"] == "liability" and outage["payout"]["label"]
    assert [loss["slug"] for loss in outage["loss_types"]] == ["lost-profits"]
    assert outage["insurance_line"]["id"] == catalogue["lines"][0].pk
    assert outage["disclaimer"] == "Each insurer decides cover case by case."
    assert [translation["locale"] for translation in outage["translations"]] == ["ja"]
    japanese = get_json(client, f"/api/v2/pages/?type={SCENARIO}&locale=ja&fields=loss_types,headline")
    (item,) = japanese["items"]
    assert item["headline"] == "サーバー停止" and item["loss_types"][0]["name"] == "逸失利益"


def test_a_v2_listing_loads_only_what_its_fields_read(client, catalogue, django_assert_num_queries):
    url = f"/api/v2/pages/?type={SCENARIO}&locale=en"
    get_json(client, "/api/v2/pages/?limit=1")  # Wagtail's cache of the site root paths, as a running site has it
    # The site, the locale named, the total, the page; then the translations and loss types of all its items.
    with django_assert_num_queries(6):
        items = get_json(client, url + "&fields=translations,loss_types")["items"]
    shown = {
        item["meta"]["slug"]: ([other["locale"] for other in item["translations"]], item["loss_types"][0]["slug"])
        for item in items
    }
    assert shown == {
        "server-outage": (["ja"], "lost-profits"), "leak": ([], "data-loss"), "libel": ([], "lost-profits")
    }
    with django_assert_num_queries(4):  # titles and links: the site, the locale, the total, the page
        titles = get_json(client, url)["items"]
    assert "translations" not in titles[0] and titles[0]["title"]


def test_a_listing_never_shows_a_private_translation_to_a_visitor_who_may_not_see_it(client, catalogue):
    restriction = PageViewRestriction.objects.create(
        page=catalogue["ja_outage"], restriction_type="password", password="secret"
    )
    url = f"/api/v2/pages/?type={SCENARIO}&locale=en&fields=translations"

    def outage_translations(client):
        items = get_json(client, url)["items"]
        return next(item["translations"] for item in items if item["meta"]["slug"] == "server-outage")

    assert outage_translations(client) == []
    insider = type(client)()
    session = insider.session
    session[restriction.passed_view_restrictions_session_key] = [restriction.pk]  # entered the password
    session.save()
    assert [other["locale"] for other in outage_translations(insider)] == ["ja"]
    assert outage_translations(client) == []


def test_a_v2_listing_reads_the_site_root_paths_as_often_for_many_items_as_for_one(client, catalogue, monkeypatch):
    reads = []
    read = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", lambda: reads.append(1) or read())
    get_json(client, "/api/v2/pages/?limit=1")
    for_one, reads[:] = len(reads), []
    listing = get_json(client, "/api/v2/pages/?limit=20")
    assert len(listing["items"]) > 3
    assert all(item["meta"]["html_url"].startswith("http://localhost/") for item in listing["items"])
    assert len(reads) == for_one


def test_v2_detail_and_find_resolve_the_url_a_visitor_sees(client, catalogue):
    outage = catalogue["ja_outage"]
    detail = get_json(client, f"/api/v2/pages/{outage.pk}/")
    assert detail["what_happened"] == "サーバーが一日止まった。"
    for page in (catalogue["scenarios"][0], outage):
        response = client.get(f"/api/v2/pages/find/?html_path={page.url}")
        assert response.status_code == 302 and response["Location"].endswith(f"/api/v2/pages/{page.pk}/"), page.url
    get_json(client, "/api/v2/pages/find/?html_path=/en/no-such-page/", status=404)
    get_json(client, "/api/v2/pages/find/?html_path=/en/en/", status=404)  # one prefix, never two
    get_json(client, "/api/v2/pages/find/?id=abc", status=400)


def test_v2_search_finds_japanese_words_inside_a_sentence(client, catalogue):
    found = get_json(client, f"/api/v2/pages/?type={SCENARIO}&locale=ja&search=サーバー")
    assert [item["id"] for item in found["items"]] == [catalogue["ja_outage"].pk]


@pytest.mark.parametrize(
    "query",
    ["locale=xx", "type=scenarios.NoSuchPage", "limit=abc", "limit=99999999999999999999", "offset=-1", "order=nope"],
)
def test_v2_answers_a_bad_parameter_with_a_4xx_and_a_message(client, catalogue, query):
    response = client.get(f"/api/v2/pages/?type={SCENARIO}&{query}")
    assert 400 <= response.status_code < 500 and response.json()["message"], query


def test_v2_snippets_in_each_language(client, catalogue):
    hours = get_json(client, "/api/v2/contact-hours/?locale=en&fields=tel_uri")["items"]
    assert [item["tel_uri"] for item in hours] == ["tel:+442079460000"]
    operator = get_json(client, "/api/v2/operator-info/?locale=ja")["items"]
    assert operator[0]["operator_name"] == "The Agency Ltd"
    loss_types = get_json(client, "/api/v2/loss-types/?locale=ja")["items"]
    assert {item["name"] for item in loss_types} == {"逸失利益", "データの消失"}


def test_a_private_scenario_reaches_no_listing_of_either_version(client, catalogue):
    outage = catalogue["scenarios"][0]
    PageViewRestriction.objects.create(page=outage, restriction_type="password", password="secret")
    v2 = get_json(client, f"/api/v2/pages/?type={SCENARIO}&locale=en")
    assert outage.pk not in [item["id"] for item in v2["items"]]
    get_json(client, f"/api/v2/pages/{outage.pk}/", status=404)
    if not HAS_API_V3:
        return
    v3 = get_json(client, "/api/v3/scenarios/?locale=en")
    assert outage.pk not in [item["id"] for item in v3["items"]]


@needs_v3
def test_v3_reads_the_same_scenario_in_the_same_shape(client, catalogue):
    listing = get_json(client, "/api/v3/scenarios/?locale=en")
    assert listing["count"] == 3
    outage = catalogue["scenarios"][0]
    detail = get_json(client, f"/api/v3/scenarios/{outage.pk}/")
    assert detail["headline"] == "Server outage"
    assert detail["loss_types"][0]["slug"] == "lost-profits"
    assert detail["disclaimer"] == "Each insurer decides cover case by case."
    found = get_json(client, "/api/v3/scenarios/?locale=ja&search=サーバー")
    assert [item["id"] for item in found["items"]] == [catalogue["ja_outage"].pk]


@needs_v3
def test_v3_snippets_and_their_errors(client, catalogue):
    hours = get_json(client, "/api/v3/contact-hours/?locale=ja")["items"]
    assert hours[0]["phone_number"] == "020 7946 0000" and hours[0]["locale"] == "ja"
    loss_types = get_json(client, "/api/v3/loss-types/?locale=en")["items"]
    assert [item["slug"] for item in loss_types] == ["lost-profits", "data-loss"]
    operator = get_json(client, f"/api/v3/operator-info/{catalogue['operator'].pk}/")
    assert operator["site_name"] == "Incident scenarios"
    get_json(client, "/api/v3/operator-info/999999/", status=404)
    get_json(client, "/api/v3/scenarios/?locale=xx", status=400)
    get_json(client, "/api/v3/scenarios/999999/", status=404)


@needs_v3
def test_the_openapi_document_describes_the_plugins_endpoints(client, db):
    document = get_json(client, "/api/v3/openapi.json")
    assert document["openapi"].startswith("3.1")
    for path in ("/api/v3/scenarios/", "/api/v3/contact-hours/", "/api/v3/loss-types/", "/api/v3/page_preview/"):
        assert path in document["paths"], path


@pytest.mark.parametrize("version", ["v2", pytest.param("v3", marks=needs_v3)])
@pytest.mark.parametrize(
    "query, status",
    [("", 400), ("content_type=nope&token=x", 400), (f"content_type={SCENARIO}&token=forged", 400)],
)
@needs_headless_preview
def test_a_preview_needs_a_token_this_site_signed(client, db, version, query, status):
    response = client.get(f"/api/{version}/page_preview/?{query}")
    assert response.status_code in (status, 422 if version == "v3" and not query else status)


@pytest.mark.parametrize(
    "query, slugs",
    [
        ("loss_type=data-loss", ["leak"]),
        ("payout_kind=own-cost", ["leak"]),
        ("loss_type=lost-profits&payout_kind=liability", ["server-outage", "libel"]),
    ],
)
def test_v2_filters_scenarios_by_loss_type_and_payout(client, catalogue, query, slugs):
    found = get_json(client, f"/api/v2/pages/?locale=en&{query}")["items"]
    assert [item["meta"]["slug"] for item in found] == slugs


@pytest.mark.parametrize(
    "url, words",
    [
        ("/api/v2/pages/?loss_type=nope", "known: data-loss, lost-profits"),
        ("/api/v2/pages/?payout_kind=free", "must be one of liability, own-cost"),
        ("/api/v2/pages/?unknown=1", "not an operation or a recognised field: unknown"),
        ("/api/v2/contact-hours/?locale=xx", "unknown language 'xx'; known: en, ja"),
        pytest.param("/api/v3/scenarios/?unknown=1", "unknown parameter(s): unknown", marks=needs_v3),
        pytest.param(
            "/api/v3/pages/?type=scenarios.IncidentScenarioPage&headline=x",
            "unknown parameter(s): headline",
            marks=needs_v3,
        ),
    ],
)
def test_an_unknown_filter_or_value_is_a_400_that_says_what_is_known(client, catalogue, url, words):
    response = client.get(url)
    assert response.status_code == 400 and words in response.content.decode(), (url, response.content[:300])
