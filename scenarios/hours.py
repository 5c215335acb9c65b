"""When the phone line is answered: in the line's time zone, on its open weekdays, not on the
public holidays of its country (``SCENARIOS["TIME_ZONE"]``, ``["COUNTRY"]``, ``["HOLIDAY_SUBDIVISION"]``).

The holiday calendar comes from the maintained ``holidays`` package (Japan's substitute and
"citizens'" holidays included), never from a hand-written list.
"""

import datetime
from functools import lru_cache

import holidays

from .conf import scenarios_settings

SEARCH_DAYS = 400  # how far ahead to look for the next opening; a year of closures is the worst case


def line_time_zone():
    return scenarios_settings.time_zone


@lru_cache(maxsize=32)
def _holidays_of(country, subdivision, year):
    if country is None:
        return {}
    return holidays.country_holidays(country, subdiv=subdivision, years=year)


def is_public_holiday(day):
    return day in _holidays_of(scenarios_settings.COUNTRY, scenarios_settings.HOLIDAY_SUBDIVISION, day.year)


def is_open_day(hours, day):
    """True if the line opens at all on ``day`` (a date where the line is)."""
    if day.weekday() not in hours.open_weekdays:
        return False
    return not (hours.closed_on_national_holidays and is_public_holiday(day))


def is_open_at(hours, moment):
    """True if the line is answered at ``moment`` (an aware datetime); closing time itself is closed."""
    local = moment.astimezone(line_time_zone())
    return is_open_day(hours, local.date()) and hours.opens_at <= local.time() < hours.closes_at


def next_opening_after(hours, moment):
    """The next time the line opens after ``moment``, as an aware datetime in its time zone, or None."""
    zone = line_time_zone()
    local = moment.astimezone(zone)
    day = local.date()
    if is_open_day(hours, day) and local.time() < hours.opens_at:
        return datetime.datetime.combine(day, hours.opens_at, tzinfo=zone)
    for offset in range(1, SEARCH_DAYS):
        candidate = day + datetime.timedelta(days=offset)
        if is_open_day(hours, candidate):
            return datetime.datetime.combine(candidate, hours.opens_at, tzinfo=zone)
    return None


def closed_dates(hours, start, days=SEARCH_DAYS):
    """Open weekdays on which the line is closed for a holiday, from ``start`` for ``days`` days.

    A page carries this list so that a browser can work out "open now" itself, correctly even
    when the page was served from a cache long after it was rendered. Every page shows it, so the
    list is worked out once a day per set of hours, not on each request.
    """
    if not hours.closed_on_national_holidays:
        return []
    weekdays = tuple(sorted(hours.open_weekdays))
    country, subdivision = scenarios_settings.COUNTRY, scenarios_settings.HOLIDAY_SUBDIVISION
    return list(_holiday_closures(start, weekdays, days, country, subdivision))


@lru_cache(maxsize=64)
def _holiday_closures(start, open_weekdays, days, country, subdivision):
    days_ahead = (start + datetime.timedelta(days=offset) for offset in range(days))
    return tuple(
        day
        for day in days_ahead
        if day.weekday() in open_weekdays and day in _holidays_of(country, subdivision, day.year)
    )
