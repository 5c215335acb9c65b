"""Closure periods of the contact line, beside the public holidays, in a project of its own: the
line's country (GB), time zone (Europe/London) and language (English) come from its settings."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Page, Site

from scenarios.compat import HAS_API_V3
from scenarios.hours import closed_dates, covers, occurrence
from scenarios.models import ClosurePeriod, ContactHours, InsuranceLineIndexPage

LONDON = ZoneInfo("Europe/London")


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


def period(starts_on, ends_on, every_year=False, label="Closed"):
    return ClosurePeriod(label=label, starts_on=starts_on, ends_on=ends_on, every_year=every_year)


CHRISTMAS = period(datetime.date(2026, 12, 24), datetime.date(2026, 12, 31), every_year=True, label="Christmas")


@pytest.mark.parametrize(
    "closure, day, closed",
    [
        (CHRISTMAS, datetime.date(2031, 12, 24), True),  # every year: the year written does not count
        (CHRISTMAS, datetime.date(2031, 1, 2), False),
        # every year across the new year, written within one year or across two
        (period(datetime.date(2026, 12, 29), datetime.date(2026, 1, 3), True), datetime.date(2030, 1, 2), True),
        (period(datetime.date(2026, 12, 29), datetime.date(2027, 1, 3), True), datetime.date(2030, 12, 30), True),
        (period(datetime.date(2026, 12, 29), datetime.date(2027, 1, 3), True), datetime.date(2030, 1, 4), False),
        # once: that year only
        (period(datetime.date(2026, 8, 13), datetime.date(2026, 8, 16)), datetime.date(2026, 8, 16), True),
        (period(datetime.date(2026, 8, 13), datetime.date(2026, 8, 16)), datetime.date(2027, 8, 14), False),
        # 29 February every year: outside a leap year, a first day is 1 March and a last day 28 February
        (period(datetime.date(2028, 2, 29), datetime.date(2028, 3, 2), True), datetime.date(2027, 2, 28), False),
        (period(datetime.date(2028, 2, 29), datetime.date(2028, 3, 2), True), datetime.date(2027, 3, 1), True),
        (period(datetime.date(2028, 2, 20), datetime.date(2028, 2, 29), True), datetime.date(2027, 2, 28), True),
    ],
)
def test_which_days_a_period_closes(closure, day, closed):
    assert covers(closure, day) is closed


def test_a_yearly_periods_occurrence_is_the_one_under_way_or_the_next():
    new_year = period(datetime.date(2026, 12, 29), datetime.date(2026, 1, 3), every_year=True)
    under_way = occurrence(new_year, datetime.date(2031, 1, 2))
    assert (under_way.starts_on, under_way.ends_on) == (datetime.date(2030, 12, 29), datetime.date(2031, 1, 3))
    following = occurrence(new_year, datetime.date(2031, 1, 4))
    assert (following.starts_on, following.ends_on) == (datetime.date(2031, 12, 29), datetime.date(2032, 1, 3))
    over = period(datetime.date(2026, 8, 13), datetime.date(2026, 8, 16))
    assert occurrence(over, datetime.date(2026, 8, 17)) is None


@pytest.mark.parametrize(
    "closure, refused",
    [
        (period(datetime.date(2026, 8, 16), datetime.date(2026, 8, 13)), True),  # once, backwards
        (period(datetime.date(2026, 8, 13), datetime.date(2026, 8, 13)), False),  # one day
        (period(datetime.date(2026, 12, 29), datetime.date(2026, 1, 3), True), False),  # across the new year
        (period(datetime.date(2026, 12, 29), datetime.date(2027, 1, 3), True), False),
        (period(datetime.date(2027, 8, 13), datetime.date(2026, 8, 16), True), True),  # years the wrong way round
        (period(datetime.date(2026, 8, 13), datetime.date(2027, 8, 13), True), True),  # a whole year and a day
        (period(datetime.date(2028, 1, 1), datetime.date(2028, 12, 31), True), False),  # a leap year, all of it
    ],
)
def test_a_period_that_ends_before_it_begins_is_refused_on_its_last_day(closure, refused):
    if not refused:
        closure.clean()
        return
    with pytest.raises(ValidationError) as error:
        closure.clean()
    assert list(error.value.message_dict) == ["ends_on"]


@pytest.fixture
def hours(db):
    hours = ContactHours(
        heading="Call us", phone_number="020 7946 0000", opens_at=datetime.time(9), closes_at=datetime.time(17)
    )
    hours.closures = [
        period(datetime.date(2026, 12, 24), datetime.date(2026, 12, 31), every_year=True, label="Christmas"),
        period(datetime.date(2026, 8, 13), datetime.date(2026, 8, 14), label="Staff training"),
    ]
    hours.save()
    return hours


def test_the_line_is_closed_in_a_period_and_opens_after_it_and_the_holidays(hours):
    assert not hours.is_open_at(london(2026, 12, 24, 10, 0))  # a Thursday
    assert not hours.is_open_at(london(2027, 12, 31, 10, 0))  # the next year's
    assert hours.is_open_at(london(2026, 12, 23, 10, 0))
    # Christmas to New Year's Eve closed, then New Year's Day (an English holiday), then the weekend
    assert hours.next_opening_after(london(2026, 12, 23, 18, 0)) == london(2027, 1, 4, 9, 0)
    assert hours.next_opening_after(london(2026, 8, 12, 18, 0)) == london(2026, 8, 17, 9, 0)
    dates = closed_dates(hours, datetime.date(2026, 8, 1), days=160)
    assert dates[:2] == [datetime.date(2026, 8, 13), datetime.date(2026, 8, 14)]
    assert datetime.date(2026, 8, 31) in dates  # the summer bank holiday, a Monday
    assert [day for day in dates if day.month == 12] == [
        datetime.date(2026, 12, 24),
        datetime.date(2026, 12, 25),
        datetime.date(2026, 12, 28),  # Boxing Day's substitute, and a closure day in any case
        datetime.date(2026, 12, 29),
        datetime.date(2026, 12, 30),
        datetime.date(2026, 12, 31),
    ]


@pytest.fixture
def line(db):
    root = Page.get_first_root_node()
    line = InsuranceLineIndexPage(title="Cyber liability", slug="cyber", coverage_summary="Covers breaches.")
    root.add_child(instance=line)
    Site.objects.update(root_page=line)
    line.save_revision().publish()
    return line


def test_the_contact_block_lists_the_coming_closures_and_carries_them_for_the_browser(hours, line):
    with time_machine.travel(london(2026, 8, 13, 10, 0), tick=False):
        html = Client().get("/en/").content.decode()  # the plugin's own templates
    assert "Closed now. Opens August 17 (Mon) 9:00." in html
    assert "<li>Staff training: closed August 13 – August 14</li>" in html
    assert "<li>Christmas: closed December 24 – December 31</li>" in html
    assert html.index("Staff training") < html.index("Christmas")  # in the order they come
    (block,) = re.findall(r"<section[^>]*data-contact-hours[^>]*>", html)
    assert 'data-time-zone="Europe/London"' in block
    assert "2026-08-14," in block and "2026-12-24,2026-12-25" in block
    assert html.count("scenarios/contact-hours.js") == 1


@pytest.mark.skipif(not HAS_API_V3, reason="API v3 comes with Wagtail 8")
def test_both_apis_give_the_coming_closures_in_one_shape(hours):
    client = Client()
    with time_machine.travel(london(2026, 8, 14, 10, 0), tick=False):
        v2 = client.get("/api/v2/contact-hours/", {"fields": "closures,status"}).json()["items"][0]
        v3 = client.get("/api/v3/contact-hours/").json()["items"][0]
    assert v2["closures"] == v3["closures"] == [
        {"label": "Staff training", "starts_on": "2026-08-13", "ends_on": "2026-08-14", "every_year": False},
        {"label": "Christmas", "starts_on": "2026-12-24", "ends_on": "2026-12-31", "every_year": True},
    ]
    assert v2["status"] == v3["status"] == {"open_now": False, "next_opening": "2026-08-17T09:00:00+01:00"}
