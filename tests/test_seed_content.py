"""The seed content reaches the site whole: every scenario word for word, in both languages."""

import pytest
from wagtail_localize.models import Translation, TranslationSource

from scenarios.models import ContactHours, LossType, OperatorInfo, PayoutKind

from .helpers import lines_in, scenarios_in, source_scenarios

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def test_the_source_page_has_21_scenarios_under_7_lines():
    scenarios = source_scenarios()
    assert len(scenarios) == 21
    assert len({line for line, _text in scenarios}) == 7


def test_every_source_scenario_is_a_japanese_page_word_for_word_in_order():
    pages = list(scenarios_in("ja"))
    assert [page.what_happened + page.claim_or_payment for page in pages] == [
        text for _line, text in source_scenarios()
    ]


def test_each_scenario_sits_under_its_insurance_line():
    for page, (line_title, _text) in zip(scenarios_in("ja"), source_scenarios(), strict=True):
        assert page.get_parent().title == line_title


@pytest.mark.parametrize("language_code", ["ja", "en"])
def test_seven_lines_and_twenty_one_scenarios_live_in_each_language(language_code):
    assert lines_in(language_code).live().count() == 7
    assert scenarios_in(language_code).live().count() == 21


def test_every_english_page_is_a_translation_of_its_japanese_page():
    for ja_page, en_page in zip(scenarios_in("ja"), scenarios_in("en"), strict=True):
        assert en_page.translation_key == ja_page.translation_key
        assert en_page.title and en_page.title != ja_page.title
        assert en_page.what_happened and bool(en_page.claim_or_payment) == bool(ja_page.claim_or_payment)
        assert en_page.slug == ja_page.slug
        assert en_page.payout_kind == ja_page.payout_kind


def test_english_scenarios_link_english_loss_types_with_the_same_slugs():
    for ja_page, en_page in zip(scenarios_in("ja"), scenarios_in("en"), strict=True):
        ja_types, en_types = ja_page.loss_types, en_page.loss_types
        assert ja_types, ja_page.title
        assert [t.slug for t in en_types] == [t.slug for t in ja_types]
        assert {t.locale.language_code for t in en_types} == {"en"}


def test_every_scenario_has_a_payout_kind_and_an_empty_caveat():
    for page in scenarios_in("ja"):
        assert page.payout_kind in PayoutKind.values
        assert page.caveat == ""


def test_translations_are_wagtail_localize_translations_with_every_segment_translated():
    for page in scenarios_in("ja"):
        source = TranslationSource.objects.get_for_instance(page)
        translation = Translation.objects.get(source=source, target_locale__language_code="en")
        total, translated = translation.get_progress()
        assert total == translated > 0, page.title


def test_snippets_are_live_in_both_languages_with_the_seed_values():
    hours = {h.locale.language_code: h for h in ContactHours.objects.filter(live=True)}
    assert set(hours) == {"ja", "en"}
    assert hours["ja"].phone_number == hours["en"].phone_number == "0120-347-277"
    assert hours["ja"].open_weekdays == [0, 1, 2, 3, 4]
    assert str(hours["ja"].opens_at) == "09:00:00" and str(hours["ja"].closes_at) == "18:00:00"
    assert hours["ja"].closed_on_national_holidays

    operator = {o.locale.language_code: o for o in OperatorInfo.objects.filter(live=True)}
    assert set(operator) == {"ja", "en"}
    assert operator["ja"].scenario_disclaimer == (
        "全て想定損害請求事例であり、実際の損害請求時には、保険適用の可否につき各保険会社が個別判断いたします。"
    )
    assert operator["ja"].operator_name == "東京eコンサルティング"
    assert operator["ja"].site_name == "賠償リスクを保険で軽減する技術"
    assert operator["ja"].site_manager_name == ""  # the seed names nobody; editors fill it in


def test_loss_types_exist_in_both_languages():
    ja_slugs = set(LossType.objects.filter(locale__language_code="ja").values_list("slug", flat=True))
    en_slugs = set(LossType.objects.filter(locale__language_code="en").values_list("slug", flat=True))
    assert ja_slugs == en_slugs
    assert {"lost-profits", "data-restoration", "repair", "income-replacement"} <= ja_slugs


def test_the_page_tree_is_consistent():
    from wagtail.models import Page

    assert all(problems == [] for problems in Page.find_problems())


def test_the_narrative_is_split_only_at_the_end_of_a_sentence():
    """What happened ends a sentence; a scenario told in one sentence stays one passage, in both languages."""
    for japanese in scenarios_in("ja"):
        english = japanese.get_translation(scenarios_in("en").first().locale)
        if japanese.claim_or_payment:
            assert japanese.what_happened.endswith("。"), japanese.what_happened
            assert english.what_happened.endswith(".") and english.claim_or_payment, english.what_happened
        else:
            assert not english.claim_or_payment, english.title


def test_a_one_sentence_scenario_is_one_passage_on_its_page(client):
    page = next(page for page in scenarios_in("ja") if not page.claim_or_payment)
    html = client.get(page.url).content.decode()
    assert html.count('class="scenario-story"') == 1
    assert f"<p>{page.what_happened}</p>" in html
