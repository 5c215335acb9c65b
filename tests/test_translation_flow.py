"""Translators see what changed in Japanese; nothing they wrote is lost; English waits for them."""

import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from scenarios.models import ContactHours

from .helpers import scenarios_in

pytestmark = pytest.mark.django_db


def english_translation_of(instance):
    source = TranslationSource.objects.get_for_instance(instance)
    return Translation.objects.get(source=source, target_locale__language_code="en")


def test_publishing_a_japanese_change_marks_just_that_segment_out_of_date():
    page = scenarios_in("ja").first()
    translation = english_translation_of(page)
    total, translated = translation.get_progress()
    assert total == translated
    kept = set(StringTranslation.objects.filter(locale__language_code="en").values_list("pk", "data"))

    page.what_happened = "編集者が書き換えた事故の内容。"
    page.save_revision().publish()

    total_after, translated_after = english_translation_of(page).get_progress()
    assert (total_after, translated_after) == (total, total - 1)
    assert kept <= set(StringTranslation.objects.filter(locale__language_code="en").values_list("pk", "data"))


def test_publishing_japanese_does_not_change_or_publish_the_english_page():
    page = scenarios_in("ja").first()
    english = scenarios_in("en").get(translation_key=page.translation_key)
    before = (english.what_happened, english.live_revision_id, english.has_unpublished_changes)

    page.what_happened = "編集者が書き換えた事故の内容。"
    page.save_revision().publish()

    english.refresh_from_db()
    assert (english.what_happened, english.live_revision_id, english.has_unpublished_changes) == before


def test_a_snippet_change_is_tracked_too():
    hours = ContactHours.objects.get(locale__language_code="ja")
    total, _translated = english_translation_of(hours).get_progress()
    hours.heading = "お問い合わせはこちら"
    hours.save_revision().publish()
    assert english_translation_of(hours).get_progress() == (total, total - 1)


def test_english_edits_do_not_touch_the_japanese_source():
    english = scenarios_in("en").first()
    source = TranslationSource.objects.get(object_id=english.translation_key, locale__language_code="ja")
    before = source.last_updated_at
    english.save_revision().publish()
    source.refresh_from_db()
    assert source.last_updated_at == before


def test_the_dashboard_lists_translations_that_wait_for_a_translator(admin_client):
    from django.urls import reverse

    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "英語への翻訳" in html
    assert "すべての翻訳が最新です。" in html

    page = scenarios_in("ja").first()
    page.what_happened = "編集者が書き換えた事故の内容。"
    page.save_revision().publish()
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    english = scenarios_in("en").get(translation_key=page.translation_key)
    assert f'href="/admin/pages/{english.pk}/edit/"' in html
    assert "更新が必要: <strong>1</strong>" in html
    total = english_translation_of(page).get_progress()[0]
    assert f"{total} 項目中 1 項目が未翻訳" in html
