"""Whether the phone line is open: Japan time, weekdays 9:00–18:00, closed on national holidays and
during the closure periods editors keep (one-off, or every year such as 12/29–1/3)."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from scenarios.hours import closed_dates
from scenarios.models import ClosurePeriod, ContactHours

from .helpers import hours_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def hours():
    return ContactHours.objects.get(locale__language_code="ja")


def tokyo(*args):
    return datetime.datetime(*args, tzinfo=ZoneInfo("Asia/Tokyo"))


@pytest.mark.parametrize(
    "moment, is_open",
    [
        (tokyo(2026, 11, 25, 9, 0), True),  # Wednesday, opening minute
        (tokyo(2026, 11, 25, 8, 59, 59), False),
        (tokyo(2026, 11, 25, 17, 59, 59), True),
        (tokyo(2026, 11, 25, 18, 0), False),  # closing time is closed
        (tokyo(2026, 11, 28, 12, 0), False),  # Saturday
        (tokyo(2026, 11, 29, 12, 0), False),  # Sunday
        (tokyo(2026, 11, 23, 12, 0), False),  # Labour Thanksgiving Day, a Monday
        (tokyo(2026, 9, 22, 12, 0), False),  # a "citizens' holiday" between two holidays
        (tokyo(2026, 5, 6, 12, 0), False),  # substitute holiday
        (datetime.datetime(2026, 11, 25, 0, 30, tzinfo=datetime.UTC), True),  # 9:30 in Tokyo
        (datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC), False),  # 18:00 in Tokyo
    ],
)
def test_is_open_at(hours, moment, is_open):
    assert hours.is_open_at(moment) is is_open


@pytest.mark.parametrize(
    "moment, opens",
    [
        (tokyo(2026, 11, 25, 7, 0), tokyo(2026, 11, 25, 9, 0)),  # later the same morning
        (tokyo(2026, 11, 25, 18, 0), tokyo(2026, 11, 26, 9, 0)),  # the 18:00 edge: tomorrow
        (tokyo(2026, 11, 27, 19, 0), tokyo(2026, 11, 30, 9, 0)),  # Friday evening: Monday
        (tokyo(2026, 11, 21, 10, 0), tokyo(2026, 11, 24, 9, 0)),  # Saturday before a holiday Monday: Tuesday
        (tokyo(2026, 12, 31, 12, 0), tokyo(2027, 1, 4, 9, 0)),  # New Year's Day is a holiday (and a Friday)
    ],
)
def test_next_opening_after(hours, moment, opens):
    assert hours.next_opening_after(moment) == opens


def test_an_editor_can_open_on_holidays(hours):
    hours.closed_on_national_holidays = False
    assert hours.is_open_at(tokyo(2026, 11, 23, 12, 0))


def test_closed_dates_lists_the_holidays_on_open_weekdays(hours):
    dates = closed_dates(hours, datetime.date(2026, 11, 1), days=60)
    assert dates == [datetime.date(2026, 11, 3), datetime.date(2026, 11, 23)]


@pytest.fixture
def frozen_now(monkeypatch):
    from django.utils import timezone as django_timezone

    def freeze(moment):
        monkeypatch.setattr(django_timezone, "now", lambda: moment)

    return freeze


def test_the_page_says_open_now_with_the_closing_time(client, frozen_now):
    frozen_now(tokyo(2026, 11, 25, 10, 0))
    html = client.get("/ja/").content.decode()
    assert 'class="contact-status is-open" data-contact-status>現在受付中です（18:00まで）。</p>' in html


def test_the_page_says_when_it_opens_next_across_a_holiday(client, frozen_now):
    frozen_now(tokyo(2026, 11, 21, 10, 0))  # Saturday; Monday the 23rd is a holiday
    ja = client.get("/ja/").content.decode()
    assert "受付時間外です。次の受付開始は11月24日 (火) 9:00 です。" in ja
    en = client.get("/en/").content.decode()
    assert "Closed now. Opens November 24 (Tue) 9:00 JST." in en


def test_the_page_carries_the_coming_holiday_closures_for_the_browser(client, frozen_now):
    frozen_now(tokyo(2026, 11, 1, 10, 0))
    html = client.get("/en/").content.decode()
    assert 'data-closed-dates="2026-11-03,2026-11-23,' in html
    assert 'data-weekdays="0,1,2,3,4" data-opens="09:00" data-closes="18:00"' in html


# --- Closure periods beside the public holidays ---------------------------------------------------

NEW_YEAR = {"label": "年末年始休業", "starts_on": datetime.date(2026, 12, 29), "ends_on": datetime.date(2027, 1, 3)}
SUMMER = {"label": "臨時休業", "starts_on": datetime.date(2026, 8, 13), "ends_on": datetime.date(2026, 8, 16)}


def published_with_closures(*periods):
    """The Japanese hours published with ``periods`` (dicts of ClosurePeriod fields) as its closures;
    the English hours follow (home/editorial/follow_source.py). Returns the Japanese hours."""
    japanese = ContactHours.objects.get(locale__language_code="ja")
    japanese.closures = [ClosurePeriod(**period) for period in periods]
    japanese.save_revision().publish()
    return ContactHours.objects.get(pk=japanese.pk)


@pytest.fixture
def new_year_closure():
    return published_with_closures(NEW_YEAR | {"every_year": True})


def at(*args):
    return time_machine.travel(tokyo(*args), tick=False)


@pytest.mark.parametrize(
    "moment, is_open",
    [
        (tokyo(2026, 12, 28, 17, 59), True),  # Monday, the last open day of the year
        (tokyo(2026, 12, 29, 10, 0), False),  # the first day of the closure
        (tokyo(2026, 12, 31, 10, 0), False),  # a Thursday, not a holiday, but closed
        (tokyo(2027, 1, 4, 10, 0), True),  # Monday after the closure
        (tokyo(2027, 12, 29, 10, 0), False),  # every year: the next one too
        (tokyo(2028, 1, 3, 10, 0), False),  # …on its last day, a Monday of another year
        (tokyo(2028, 1, 4, 10, 0), True),
    ],
)
def test_a_yearly_closure_across_the_new_year_closes_the_line(new_year_closure, moment, is_open):
    assert new_year_closure.is_open_at(moment) is is_open


def test_the_next_opening_skips_the_closure(hours):
    evening = tokyo(2026, 12, 28, 19, 0)
    assert hours.next_opening_after(evening) == tokyo(2026, 12, 29, 9, 0)
    hours = published_with_closures(NEW_YEAR | {"every_year": True})
    assert hours.next_opening_after(evening) == tokyo(2027, 1, 4, 9, 0)


def test_a_one_off_closure_closes_those_days_of_that_year_only():
    hours = published_with_closures(SUMMER | {"every_year": False})
    assert not hours.is_open_at(tokyo(2026, 8, 13, 10, 0)) and not hours.is_open_at(tokyo(2026, 8, 14, 10, 0))
    assert hours.next_opening_after(tokyo(2026, 8, 12, 18, 0)) == tokyo(2026, 8, 17, 9, 0)
    assert hours.is_open_at(tokyo(2027, 8, 13, 10, 0))  # a Friday a year later: open


def test_the_english_line_closes_on_the_same_days(new_year_closure):
    english = ContactHours.objects.get(locale__language_code="en")
    assert not english.is_open_at(tokyo(2026, 12, 31, 10, 0))
    assert english.next_opening_after(tokyo(2026, 12, 28, 19, 0)) == tokyo(2027, 1, 4, 9, 0)


def test_closed_dates_carry_the_closures_of_more_than_a_year_for_the_browser(new_year_closure):
    dates = closed_dates(new_year_closure, datetime.date(2026, 12, 1))
    assert [day for day in dates if day.month == 12 and day.day >= 29 or day.month == 1 and day.day <= 4] == [
        datetime.date(2026, 12, 29),
        datetime.date(2026, 12, 30),
        datetime.date(2026, 12, 31),
        datetime.date(2027, 1, 1),  # New Year's Day, a holiday as well
        datetime.date(2027, 12, 29),
        datetime.date(2027, 12, 30),
        datetime.date(2027, 12, 31),
        datetime.date(2028, 1, 3),  # open weekdays only: the weekend of 1-2 January 2028 is not listed
    ]


def test_on_31_december_the_page_says_closed_until_4_january_in_header_and_footer(client, new_year_closure):
    with at(2026, 12, 31, 10, 0):
        html = client.get("/ja/").content.decode()
    closed = "受付時間外です。次の受付開始は1月4日 (月) 9:00 です。"
    assert f'<span class="header-phone-status" data-contact-status>{closed}</span>' in html
    assert f'<p class="contact-status" data-contact-status>{closed}</p>' in html
    assert "現在受付中です（18:00まで）" not in html
    assert "<li>年末年始休業 12月29日〜1月3日</li>" in html


def test_on_4_january_the_header_says_open(client, new_year_closure):
    with at(2027, 1, 4, 10, 0):
        html = client.get("/ja/").content.decode()
    assert '<span class="header-phone-status is-open" data-contact-status>現在受付中です（18:00まで）。</span>' in html


def test_a_page_rendered_a_day_before_still_tells_the_browser_about_the_closure(client, new_year_closure):
    with at(2026, 12, 28, 10, 0):  # rendered, and kept in a cache
        html = client.get("/en/").content.decode()
    dates = re.findall(r'data-closed-dates="([^"]*)"', html)
    assert len(dates) == 2  # the header's block and the footer's
    assert all("2026-12-29,2026-12-30,2026-12-31,2027-01-01" in found for found in dates)
    assert 'data-time-zone="Asia/Tokyo"' in html
    assert html.count("contact-hours.js") == 1  # one script updates both


def test_the_english_page_lists_the_closure_in_english_before_and_after_the_label_is_translated(
    client, new_year_closure
):
    with at(2026, 12, 1, 10, 0):
        html = client.get("/en/").content.decode()
    assert "<li>Closed December 29 – January 3</li>" in html and "年末年始" not in html
    english = ContactHours.objects.get(locale__language_code="en")
    (closure,) = english.closures.all()
    closure.label = "New Year holidays"  # as the translator writes it
    english.closures = [closure]
    english.save_revision().publish()
    with at(2026, 12, 1, 10, 0):
        html = client.get("/en/").content.decode()
    assert "<li>New Year holidays: closed December 29 – January 3</li>" in html


def test_a_one_off_closure_is_listed_until_it_is_over_and_with_its_year_before_that_year(client):
    published_with_closures(SUMMER | {"every_year": False})
    with at(2025, 12, 1, 10, 0):
        assert "<li>臨時休業 2026年8月13日〜2026年8月16日</li>" in client.get("/ja/").content.decode()
    with at(2026, 8, 16, 10, 0):
        assert "<li>臨時休業 8月13日〜8月16日</li>" in client.get("/ja/").content.decode()
    with at(2026, 8, 17, 10, 0):
        assert "臨時休業" not in client.get("/ja/").content.decode()


def test_the_api_gives_the_closures_in_one_shape_and_a_status_that_knows_them(client, new_year_closure):
    with at(2026, 12, 31, 10, 0):
        v2 = client.get("/api/v2/contact-hours/", {"locale": "ja", "fields": "closures,status"}).json()["items"][0]
        v3 = client.get("/api/v3/contact-hours/", {"locale": "ja"}).json()["items"][0]
    expected = [{"label": "年末年始休業", "starts_on": "2026-12-29", "ends_on": "2027-01-03", "every_year": True}]
    assert v2["closures"] == v3["closures"] == expected
    assert v2["status"] == v3["status"] == {"open_now": False, "next_opening": "2027-01-04T09:00:00+09:00"}
    with at(2027, 1, 4, 10, 0):  # the next occurrence, once this one is over
        v3 = client.get("/api/v3/contact-hours/", {"locale": "en"}).json()["items"][0]
    assert v3["closures"] == [{"label": "", "starts_on": "2027-12-29", "ends_on": "2028-01-03", "every_year": True}]
    assert v3["status"]["open_now"] is True


def test_the_seed_invents_no_closures():
    assert not ClosurePeriod.objects.exists()


# --- Editors keep them in the admin ---------------------------------------------------------------


def edit_url(hours):
    return reverse(hours.snippet_viewset.get_url_name("edit"), args=[hours.pk])


def test_an_editor_adds_a_yearly_closure_across_the_new_year_in_the_admin(admin_client, hours):
    form = hours_form(
        hours,
        closures=[{"label": "年末年始休業", "starts_on": "2026-12-29", "ends_on": "2026-01-03", "every_year": "on"}],
        **{"action-publish": "publish"},
    )
    response = admin_client.post(edit_url(hours), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    (closure,) = ContactHours.objects.get(pk=hours.pk).closures.all()
    assert (closure.label, closure.every_year) == ("年末年始休業", True)
    english = ContactHours.objects.get(locale__language_code="en")
    assert [(c.starts_on, c.ends_on, c.every_year) for c in english.closures.all()] == [
        (closure.starts_on, closure.ends_on, True)
    ]
    assert not english.is_open_at(tokyo(2027, 12, 30, 10, 0))


@pytest.mark.parametrize(
    "closure, message",
    [
        (
            {"label": "臨時休業", "starts_on": "2026-08-16", "ends_on": "2026-08-13", "every_year": ""},
            "最終日が初日より前になっています。毎年の年末年始のように年をまたぐ休業は「毎年」にチェックを入れてください。",
        ),
        (
            {"label": "夏季休業", "starts_on": "2026-08-13", "ends_on": "2027-08-13", "every_year": "on"},
            "毎年の休業は、初日から1年未満で終わるようにしてください。",
        ),
        (
            # every year, and no new year between 13 and 16 August: the years are the wrong way round
            {"label": "夏季休業", "starts_on": "2027-08-13", "ends_on": "2026-08-16", "every_year": "on"},
            "最終日が初日より前になっています。",
        ),
    ],
)
def test_a_closure_that_ends_before_it_begins_is_refused_with_a_message(admin_client, hours, closure, message):
    form = hours_form(hours, closures=[closure], **{"action-publish": "publish"})
    response = admin_client.post(edit_url(hours), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ClosurePeriod.objects.exists()


def test_the_closures_panel_speaks_japanese(admin_client, hours):
    html = admin_client.get(edit_url(hours)).content.decode()
    for text in ("休業期間", "初日", "最終日", "毎年", "年末年始"):
        assert text in html, text


def test_a_translated_label_stays_when_the_japanese_dates_change(new_year_closure):
    english = ContactHours.objects.get(locale__language_code="en")
    (closure,) = english.closures.all()
    closure.label = "New Year holidays"
    english.closures = [closure]
    english.save_revision().publish()

    japanese = ContactHours.objects.get(locale__language_code="ja")
    (source,) = japanese.closures.all()
    source.ends_on = datetime.date(2027, 1, 4)
    japanese.closures = [source]
    japanese.save_revision().publish()

    english = ContactHours.objects.get(locale__language_code="en")
    assert [(c.label, c.ends_on) for c in english.closures.all()] == [("New Year holidays", datetime.date(2027, 1, 4))]
    draft = english.latest_revision.as_object()
    assert [(c.label, c.ends_on) for c in draft.closures.all()] == [("New Year holidays", datetime.date(2027, 1, 4))]


def test_a_translator_translates_the_label_in_wagtail_localize_and_the_dates_are_no_segment(new_year_closure):
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    source = TranslationSource.objects.get_for_instance(new_year_closure)  # refreshed on publish
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "年末年始休業" in texts and not any("2026" in text or "2027" in text for text in texts)
    translation = Translation.objects.get(source=source, target_locale__language_code="en")
    label = StringSegment.objects.get(source=source, string__data="年末年始休業")
    StringTranslation.objects.create(
        translation_of=label.string, locale=translation.target_locale, context=label.context, data="New Year holidays"
    )
    translation.save_target(publish=False)
    english = ContactHours.objects.get(locale__language_code="en")
    english.latest_revision.publish()
    english = ContactHours.objects.get(pk=english.pk)
    assert [(c.label, c.starts_on, c.ends_on, c.every_year) for c in english.closures.all()] == [
        ("New Year holidays", datetime.date(2026, 12, 29), datetime.date(2027, 1, 3), True)
    ]
    with at(2026, 12, 1, 10, 0):
        assert "<li>New Year holidays: closed December 29 – January 3</li>" in Client().get("/en/").content.decode()
