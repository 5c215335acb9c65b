"""The translation overview: what lacks English or has stale English, pages and snippets alike,
and a one-click start of the translation for those who may translate."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from scenarios.models import IncidentScenarioPage, InsuranceLineIndexPage, LossType

from .helpers import scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


@pytest.fixture
def new_japanese_scenario():
    line = InsuranceLineIndexPage.objects.filter(locale__language_code="ja").first()
    page = IncidentScenarioPage(
        title="新しい事故例", slug="new-scenario", what_happened="新しい事故の内容。", payout_kind="liability"
    )
    line.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_translator_finds_a_new_scenario_and_starts_its_english_in_one_click(member, client, new_japanese_scenario):
    client.force_login(member("翻訳者"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "新しい事故例" in dashboard and "英語版がありません: <strong>1</strong>" in dashboard

    overview = client.get(reverse("home_translations")).content.decode()
    assert "新しい事故例" in overview
    start = reverse(
        "home_translations_start", args=[new_japanese_scenario.content_type_id, new_japanese_scenario.pk, "en"]
    )
    assert f'action="{start}"' in overview

    response = client.post(start)
    english = new_japanese_scenario.get_translation(Locale.objects.get(language_code="en"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert not english.live  # a draft until the translator publishes it
    editor_page = client.get(response["Location"])
    assert editor_page.status_code == 200

    overview = client.get(reverse("home_translations")).content.decode()
    assert "新しい事故例" in overview and "未翻訳" in overview  # now: out of date, items untranslated
    assert f'href="{response["Location"]}"' in overview
    assert client.post(start).status_code == 302  # again: opens the same translation, makes no second one
    assert IncidentScenarioPage.objects.filter(translation_key=new_japanese_scenario.translation_key).count() == 2


def test_an_editor_sees_what_lacks_english_but_gets_no_button_or_dead_link(member, client, new_japanese_scenario):
    client.force_login(member("編集者"))
    page = scenarios_in("ja").first()
    page.what_happened = "編集者が書き換えた事故の内容。"
    page.save_revision().publish()

    overview = client.get(reverse("home_translations")).content.decode()
    assert "新しい事故例" in overview and page.title in overview
    assert "home_translations_start" not in overview and "/admin/translations/start/" not in overview
    english = scenarios_in("en").get(translation_key=page.translation_key)
    assert f"/admin/pages/{english.pk}/edit/" not in overview
    start = reverse(
        "home_translations_start", args=[new_japanese_scenario.content_type_id, new_japanese_scenario.pk, "en"]
    )
    refused = client.post(start)
    assert refused.status_code in (302, 403) and refused.get("Location", "") != reverse(
        "wagtailadmin_pages:edit", args=[new_japanese_scenario.pk]
    )
    assert new_japanese_scenario.get_translations().count() == 0


def test_a_missing_english_snippet_is_listed_and_started(member, client):
    japanese = LossType.objects.filter(locale__language_code="ja").first()
    LossType.objects.get(translation_key=japanese.translation_key, locale__language_code="en").delete()
    client.force_login(member("翻訳者"))
    overview = client.get(reverse("home_translations")).content.decode()
    assert japanese.name in overview
    from django.contrib.contenttypes.models import ContentType

    start = reverse("home_translations_start", args=[ContentType.objects.get_for_model(LossType).pk, japanese.pk, "en"])
    assert client.post(start).status_code == 302
    assert LossType.objects.filter(translation_key=japanese.translation_key, locale__language_code="en").exists()


def test_an_outdated_page_shows_how_much_is_untranslated(admin_client):
    page = scenarios_in("ja").first()
    page.what_happened = "編集者が書き換えた事故の内容。"
    page.save_revision().publish()
    overview = admin_client.get(reverse("home_translations"), {"status": "outdated"}).content.decode()
    assert page.title in overview and "更新が必要" in overview
    listing = overview[overview.index('<table class="listing">') :]
    assert listing[: listing.index("</table>")].count("<tr>") == 2  # the header and this one row


@pytest.mark.parametrize(
    "query, status", [({"status": "nonsense"}, 400), ({"locale": "xx"}, 400), ({"locale": "ja"}, 400), ({}, 200)]
)
def test_odd_filters_are_a_clear_400(admin_client, query, status):
    assert admin_client.get(reverse("home_translations"), query).status_code == status


def test_starting_an_unknown_or_english_object_is_404(admin_client):
    english = scenarios_in("en").first()
    assert admin_client.post(
        reverse("home_translations_start", args=[english.content_type_id, english.pk, "en"])
    ).status_code == 404
    assert admin_client.post(reverse("home_translations_start", args=[999999, 1, "en"])).status_code == 404
    assert admin_client.get(
        reverse("home_translations_start", args=[english.content_type_id, english.pk, "en"])
    ).status_code == 405


def overview_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home_translations"), {"status": "all"}).status_code == 200
    return len(queries)


def test_the_overview_takes_the_same_number_of_queries_however_many_pages(admin_client):
    overview_queries(admin_client)  # Django's content types and Wagtail's site root paths, read once
    before = overview_queries(admin_client)
    line = InsuranceLineIndexPage.objects.filter(locale__language_code="ja").first()
    for number in range(30):
        page = IncidentScenarioPage(
            title=f"追加の事故例 {number}", slug=f"extra-{number}", what_happened="内容。", payout_kind="liability"
        )
        line.add_child(instance=page)
        page.save_revision().publish()
    assert overview_queries(admin_client) == before
    assert before == 24
