"""Times, weekdays, choices and relations follow the Japanese source the moment it is published,
into the English live page and its drafts, without touching the English text."""

import datetime

import pytest
from django.urls import reverse

from scenarios.models import ContactHours, IncidentScenarioPage, LossType, OperatorInfo

from .helpers import hours_form, scenarios_in

pytestmark = pytest.mark.django_db


def test_new_hours_reach_every_english_page_at_once(client):
    japanese = ContactHours.objects.get(locale__language_code="ja")
    japanese.opens_at, japanese.closes_at = datetime.time(10), datetime.time(17)
    japanese.open_weekdays = [0, 1, 2, 3, 4, 5]
    japanese.closed_on_national_holidays = False
    japanese.save_revision().publish()

    english = ContactHours.objects.get(locale__language_code="en")
    assert (english.opens_at, english.closes_at) == (datetime.time(10), datetime.time(17))
    assert english.open_weekdays == [0, 1, 2, 3, 4, 5] and not english.closed_on_national_holidays
    assert english.heading != japanese.heading  # the English text is its own
    html = client.get("/en/").content.decode()
    assert "10:00" in html and "17:00" in html and "9:00" not in html


def test_an_english_draft_keeps_its_text_and_takes_the_new_hours():
    english = ContactHours.objects.get(locale__language_code="en")
    english.heading = "Call us (draft)"
    english.save_revision()  # a translator's draft, not published

    japanese = ContactHours.objects.get(locale__language_code="ja")
    japanese.opens_at = datetime.time(8, 30)
    japanese.save_revision().publish()

    english.refresh_from_db()
    draft = english.latest_revision.as_object()
    assert draft.heading == "Call us (draft)" and draft.opens_at == datetime.time(8, 30)
    assert english.heading != "Call us (draft)" and english.opens_at == datetime.time(8, 30)
    assert english.has_unpublished_changes

    draft.save_revision().publish()  # publishing the draft later does not bring 9:00 back
    english.refresh_from_db()
    assert english.opens_at == datetime.time(8, 30) and english.heading == "Call us (draft)"


def test_a_scenario_classification_follows_with_english_loss_types(client):
    japanese = scenarios_in("ja").filter(payout_kind="liability").first()
    english = scenarios_in("en").get(translation_key=japanese.translation_key)
    english_title, english_text = english.title, english.what_happened
    repair = LossType.objects.get(slug="repair", locale__language_code="ja")
    japanese.payout_kind = "own-cost"
    japanese.loss_type_links = [japanese.loss_type_links.model(loss_type=repair)]
    japanese.save_revision().publish()

    english = IncidentScenarioPage.objects.get(pk=english.pk)
    assert english.payout_kind == "own-cost"
    assert [(loss.slug, loss.locale.language_code) for loss in english.loss_types] == [("repair", "en")]
    assert (english.title, english.what_happened) == (english_title, english_text)
    assert not english.has_unpublished_changes
    assert english.get_latest_revision_as_object().payout_kind == "own-cost"
    html = client.get(english.url).content.decode()
    assert "First-party loss paid to the policyholder" in html
    assert client.get("/en/search/", {"kind": "own-cost", "q": english.title}).status_code == 200


def test_operator_links_point_at_the_english_pages():
    japanese = OperatorInfo.objects.get(locale__language_code="ja")
    japanese.privacy_policy_page = japanese.operator_page
    japanese.save_revision().publish()
    english = OperatorInfo.objects.get(locale__language_code="en")
    assert english.privacy_policy_page.locale.language_code == "en"
    assert english.privacy_policy_page.translation_key == japanese.operator_page.translation_key


def test_english_changes_never_flow_back_to_japanese():
    english = ContactHours.objects.get(locale__language_code="en")
    english.opens_at = datetime.time(6)
    english.save_revision().publish()
    assert ContactHours.objects.get(locale__language_code="ja").opens_at == datetime.time(9)


def test_the_admin_publish_of_hours_by_an_approver_reaches_english(admin_client):
    japanese = ContactHours.objects.get(locale__language_code="ja")
    url = reverse("wagtailsnippets_scenarios_contacthours:edit", args=[japanese.pk])
    form = hours_form(japanese, opens_at="10:00", closes_at="17:00", **{"action-publish": "publish"})
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    english = ContactHours.objects.get(locale__language_code="en")
    assert (english.opens_at, english.closes_at) == (datetime.time(10), datetime.time(17))
