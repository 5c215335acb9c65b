"""Whether the phone line is open: Japan time, weekdays 9:00–18:00, closed on national holidays."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from scenarios.hours import closed_dates
from scenarios.models import ContactHours

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
