"""Visitors find a scenario like theirs by words (Japanese or English), loss type and payout kind."""

import pytest
from wagtail.models import Locale

from scenarios.models import IncidentScenarioPage, SearchSynonym
from scenarios.search import english_stem, query_variants

from .helpers import scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def mentioning(language_code, text):
    return {page.slug for page in scenarios_in(language_code) if text.lower() in search_text(page).lower()}


def search_text(page):
    return " ".join([page.title, page.what_happened, page.claim_or_payment, page.get_parent().title])


def finder_slugs(client, language_code, **params):
    response = client.get(f"/{language_code}/search/", params)
    assert response.status_code == 200
    return {page.slug for page in response.context["results"]}


@pytest.mark.parametrize(
    "language_code, query, at_least",
    [
        ("ja", "サーバー", 3),
        ("ja", "うつ病", 2),
        ("ja", "ハッカー", 1),
        ("ja", "漏えい", 1),
        ("ja", "コーヒー", 1),
        ("en", "coffee", 1),
        ("en", "hacker", 1),
        ("en", "server", 3),
    ],
)
def test_search_finds_every_scenario_that_mentions_the_words(client, language_code, query, at_least):
    SearchSynonym.objects.all().delete()  # the words alone; synonyms are tested below
    expected = mentioning(language_code, query)
    if language_code == "en" and query == "hacker":
        expected = mentioning("en", "hackers")
    assert len(expected) >= at_least
    assert finder_slugs(client, language_code, q=query) == expected


def test_search_ignores_full_width_and_half_width_forms(client):
    assert finder_slugs(client, "ja", q="ｻｰﾊﾞｰ") == finder_slugs(client, "ja", q="サーバー")
    assert finder_slugs(client, "ja", q="ＰＣ") == finder_slugs(client, "ja", q="PC")


def test_search_needs_every_word(client):
    both = finder_slugs(client, "ja", q="データ 消去")
    assert both and both <= finder_slugs(client, "ja", q="データ") & finder_slugs(client, "ja", q="消去")


def test_search_stays_in_the_visitors_language(client):
    assert finder_slugs(client, "en", q="サーバー") == set()
    en_ids = set(IncidentScenarioPage.objects.filter(locale=Locale.objects.get(language_code="en")).values_list("slug", flat=True))
    assert finder_slugs(client, "en", q="server") <= en_ids


@pytest.mark.parametrize("language_code", ["ja", "en"])
def test_filter_by_loss_type_across_lines(client, language_code):
    slugs = finder_slugs(client, language_code, loss_type="data-restoration")
    expected = {
        page.slug for page in scenarios_in(language_code) if "data-restoration" in [t.slug for t in page.loss_types]
    }
    assert slugs == expected and len({page.get_parent().pk for page in scenarios_in(language_code) if page.slug in slugs}) > 1


def test_filter_by_payout_kind_and_combined_with_words(client):
    assert len(finder_slugs(client, "ja", payout_kind="own-cost")) == 6
    assert finder_slugs(client, "ja", payout_kind="own-cost", q="PC") == {"dropped-pc-screen", "coffee-spilled-on-pc"}


def test_the_finder_url_is_shareable_and_keeps_the_choices(client):
    html = client.get("/en/search/", {"q": "data", "loss_type": "data-restoration"}).content.decode()
    assert 'value="data"' in html
    assert '<option value="data-restoration" selected>' in html


def test_bad_finder_parameters_are_a_400_with_a_message(client):
    for params in ({"loss_type": "nope"}, {"payout_kind": "free"}, {"page": "x"}):
        response = client.get("/ja/search/", params)
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()
    assert client.get("/ja/search/", {"q": "あ" * 5000}).status_code == 200
    assert client.get("/ja/search/", {"page": "9999"}).status_code == 200


def test_drafts_are_not_found(client):
    line = scenarios_in("ja").first().get_parent()
    draft = IncidentScenarioPage(
        title="未公開のサーバー事故", slug="draft", what_happened="サーバー", claim_or_payment="x", payout_kind="liability", live=False
    )
    line.add_child(instance=draft)
    assert "draft" not in finder_slugs(client, "ja", q="サーバー")


# Words people type: synonyms kept by the editors, and a real English stemmer -------------------


@pytest.mark.parametrize(
    "language_code, query, words_in_the_text",
    [
        ("ja", "パワハラ", ["パワーハラスメント"]),
        ("ja", "セクハラ", ["セクシャルハラスメント", "セクシュアルハラスメント"]),
        ("ja", "不正アクセス", ["ハッカー"]),
        ("ja", "パソコン", ["PC"]),
        ("ja", "逸失利益", ["遺失利益", "逸失利益"]),
        ("en", "laptop", ["PC"]),
        ("en", "data breach", ["information leak", "leak"]),
        ("en", "damage", ["damages"]),
        ("en", "services", ["service"]),
    ],
)
def test_the_words_people_type_find_the_scenarios_that_say_it_otherwise(client, language_code, query, words_in_the_text):
    expected = set().union(*(mentioning(language_code, word) for word in words_in_the_text))
    assert expected, "the seed content says it in one of these words"
    assert expected <= finder_slugs(client, language_code, q=query)


def test_an_editor_adds_a_synonym_and_the_search_uses_it_at_once(client):
    assert finder_slugs(client, "ja", q="鯖") == set()
    SearchSynonym.objects.create(terms="鯖, サーバー")
    assert finder_slugs(client, "ja", q="鯖") == finder_slugs(client, "ja", q="サーバー") != set()


def test_a_query_is_reworded_with_each_synonym_at_most_sixteen_times():
    groups = [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"], ["c1", "c2"]]
    assert query_variants("パワハラ", [["パワハラ", "パワーハラスメント"]]) == ["パワーハラスメント", "パワハラ"]
    assert len(query_variants("a1 b1 c1", groups)) == 16
    assert query_variants("nothing here", groups) == ["nothing here"]


def test_english_words_are_reduced_to_their_snowball_stems():
    assert english_stem("damages") == english_stem("damage") and english_stem("services") == english_stem("service")


def test_the_v3_scenario_listing_uses_the_synonyms_too(client):
    found = {item["meta"]["slug"] if "meta" in item else item["url"].rstrip("/").rsplit("/", 1)[-1]
             for item in client.get("/api/v3/scenarios/", {"locale": "en", "search": "laptop", "limit": 50}).json()["items"]}
    assert mentioning("en", "PC") <= found


def test_a_renamed_line_is_found_by_its_new_name_at_once(client):
    from .helpers import lines_in

    line = lines_in("ja").first()
    children = {page.slug for page in line.get_children().live()}
    assert finder_slugs(client, "ja", q="クラウド賠償") == set()
    line.title = "クラウド賠償の保険"
    line.save_revision().publish()
    assert finder_slugs(client, "ja", q="クラウド賠償") == children


def test_on_postgresql_a_search_uses_an_index_not_a_scan_of_every_entry():
    """Wagtail's database backend matches ``title || body``; home's migration 0008 indexes that."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's search index only (SQLite's full-text table is its own index)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'home_search_index_title_body_gin'")
        assert "gin" in cursor.fetchone()[0]
