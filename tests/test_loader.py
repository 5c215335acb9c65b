"""The seed loader is idempotent and never undoes an editor's work."""

import copy

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import SeedRecord
from home.seed.loader import SeedLoader
from scenarios.models import ContactHours, IncidentScenarioPage, LossType

from .helpers import scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "slug", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "string_translations": list(StringTranslation.objects.order_by("pk").values_list("pk", "data")),
        "translations": Translation.objects.count(),
        "sources": TranslationSource.objects.count(),
        "records": SeedRecord.objects.count(),
        "loss_types": LossType.objects.count(),
        "contact_hours": list(ContactHours.objects.values_list("pk", "heading", "latest_revision_id")),
    }


def test_a_second_run_changes_nothing():
    before = snapshot()
    report = SeedLoader().load()
    assert report.created == [] and report.translated == []
    assert snapshot() == before


def test_the_command_reports_what_it_did(capsys):
    call_command("load_seed_content")
    assert "created 0, translated 0" in capsys.readouterr().out


def test_an_editors_change_survives_a_reload():
    page = scenarios_in("ja").first()
    page.title = "編集者が書き直した見出し"
    page.what_happened = "編集者が書き直した本文。"
    page.save_revision().publish()
    hours = ContactHours.objects.get(locale__language_code="ja")
    hours.heading = "お問い合わせ"
    hours.save()

    SeedLoader().load()

    page.refresh_from_db()
    assert page.title == "編集者が書き直した見出し"
    assert page.what_happened == "編集者が書き直した本文。"
    assert ContactHours.objects.get(locale__language_code="ja").heading == "お問い合わせ"


def test_a_renamed_slug_or_a_deleted_page_is_not_recreated():
    first, second = scenarios_in("ja")[:2]
    first.slug = "renamed-by-editor"
    first.save_revision().publish()
    second_translation_key = second.translation_key
    second.get_translation(second.get_translations().first().locale).delete()
    second.delete()
    pages_before = Page.objects.count()

    SeedLoader().load()

    assert Page.objects.count() == pages_before
    assert not IncidentScenarioPage.objects.filter(translation_key=second_translation_key).exists()


def test_a_new_item_in_the_seed_is_added_with_its_translation(seed_content):
    content = copy.deepcopy(seed_content)
    line = content["lines"][0]
    line["scenarios"].append(
        {
            "key": "new-scenario",
            "slug": "new-scenario",
            "payout_kind": "liability",
            "loss_types": ["lost-profits"],
            "ja": {"title": "新しい事故例", "what_happened": "何かが起きた。", "claim_or_payment": "請求された。"},
            "en": {"title": "A new scenario", "what_happened": "Something happened.", "claim_or_payment": "A claim."},
        }
    )
    report = SeedLoader(content).load()
    assert report.created == ["page:new-scenario"]
    assert report.translated == ["page:new-scenario@en"]
    new_pages = IncidentScenarioPage.objects.filter(slug="new-scenario")
    assert {page.locale.language_code: page.title for page in new_pages} == {"ja": "新しい事故例", "en": "A new scenario"}
    assert new_pages.get(locale__language_code="en").loss_types[0].name == "Lost profits"
