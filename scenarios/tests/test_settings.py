"""The plugin's settings (``SCENARIOS``): the line's country, holidays and time zone, and mistakes."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import override_settings

from scenarios.conf import scenarios_settings
from scenarios.hours import closed_dates, is_public_holiday

from .factories import ContactHoursFactory

LONDON = ZoneInfo("Europe/London")


def test_the_project_settings_fill_in_what_scenarios_leaves_out():
    assert scenarios_settings.COUNTRY == "GB"
    assert scenarios_settings.time_zone == LONDON  # the project's TIME_ZONE
    assert scenarios_settings.languages == ["en", "ja"]  # WAGTAIL_CONTENT_LANGUAGES
    with override_settings(SCENARIOS={"TIME_ZONE": "Asia/Tokyo", "LANGUAGES": ["ja"]}):
        assert scenarios_settings.time_zone == ZoneInfo("Asia/Tokyo")
        assert scenarios_settings.languages == ["ja"]
        assert scenarios_settings.COUNTRY is None


def test_a_misspelt_setting_is_said_at_once():
    with override_settings(SCENARIOS={"COUNTRYY": "JP"}), pytest.raises(ImproperlyConfigured, match="COUNTRYY"):
        scenarios_settings.COUNTRY  # noqa: B018 - reading it is the test
    with pytest.raises(AttributeError):
        scenarios_settings.NO_SUCH_SETTING  # noqa: B018


def test_the_lines_countrys_holidays_close_it():
    christmas = datetime.date(2026, 12, 25)
    assert is_public_holiday(christmas)
    assert christmas in closed_dates(ContactHoursFactory.build(), datetime.date(2026, 12, 1), days=31)
    with override_settings(SCENARIOS={"COUNTRY": "JP"}):
        assert not is_public_holiday(christmas) and is_public_holiday(datetime.date(2027, 1, 1))
    with override_settings(SCENARIOS={}):
        assert not is_public_holiday(christmas)


@pytest.mark.django_db
def test_opening_hours_are_read_in_the_lines_time_zone():
    hours = ContactHoursFactory.build(opens_at=datetime.time(9), closes_at=datetime.time(17))
    monday_morning_in_london = datetime.datetime(2026, 11, 30, 9, 30, tzinfo=LONDON)
    assert hours.is_open_at(monday_morning_in_london)
    assert not hours.is_open_at(monday_morning_in_london.replace(hour=8))
    friday_evening = datetime.datetime(2026, 12, 4, 18, 0, tzinfo=LONDON)
    assert hours.next_opening_after(friday_evening) == datetime.datetime(2026, 12, 7, 9, 0, tzinfo=LONDON)
    assert hours.time_zone_name == "GMT"


@pytest.mark.parametrize(
    "number, country, tel, international",
    [
        ("020 7946 0000", "GB", "tel:+442079460000", "+44 20 7946 0000"),
        ("0120-347-277", "JP", "tel:+81120347277", "+81 120-347-277"),
        ("+44 20 7946 0000", None, "tel:+442079460000", "+44 20 7946 0000"),
    ],
)
def test_phone_numbers_are_read_as_dialled_in_the_lines_country(number, country, tel, international):
    with override_settings(SCENARIOS={"COUNTRY": country}):
        hours = ContactHoursFactory.build(phone_number=number)
        assert hours.tel_uri == tel
        assert hours.international_phone_number == international


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["12", "not a number", "0120-347-277 ext"])
def test_a_number_that_cannot_be_dialled_is_refused_with_a_message(number):
    hours = ContactHoursFactory.build(phone_number=number)
    with pytest.raises(ValidationError) as refused:
        hours.clean()
    assert "phone_number" in refused.value.message_dict
    assert hours.tel_uri.startswith("tel:")  # a link all the same, never an error on the page
