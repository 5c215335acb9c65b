"""When the phone line is answered: in the line's time zone, on its open weekdays, not on the
public holidays of its country (``SCENARIOS["TIME_ZONE"]``, ``["COUNTRY"]``, ``["HOLIDAY_SUBDIVISION"]``),
and not during the closure periods its editors keep (the office's own days off: one-off, such as a
summer closure, or every year, such as 12/29–1/3 across the new year).

The holiday calendar comes from the maintained ``holidays`` package (Japan's substitute and
"citizens'" holidays included), never from a hand-written list. A closure period is anything with
``starts_on``, ``ends_on`` (both closed days, inclusive) and ``every_year``; for a yearly one only
the month and day count, and a period whose last day comes before its first in the calendar runs
across the new year. The hours are anything with ``open_weekdays``, ``opens_at``, ``closes_at``,
``closed_on_national_holidays`` and, optionally, a ``closures`` relation of such periods.
"""

import datetime
from dataclasses import dataclass
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


# --- Closure periods ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Closure:
    """One occurrence of a closure period: its label and its first and last closed days."""

    label: str
    starts_on: datetime.date
    ends_on: datetime.date
    every_year: bool


def _month_day(day):
    return (day.month, day.day)


def crosses_new_year(period):
    """True for a yearly period whose last day comes before its first in the calendar (12/29–1/3)."""
    return period.every_year and _month_day(period.ends_on) < _month_day(period.starts_on)


def covers(period, day):
    """True if ``period`` closes the line on ``day`` (a date where the line is)."""
    if not period.every_year:
        return period.starts_on <= day <= period.ends_on
    first, last, today = _month_day(period.starts_on), _month_day(period.ends_on), _month_day(day)
    if crosses_new_year(period):
        return today >= first or today <= last
    return first <= today <= last


def a_year_after(day):
    """The same day a year later (1 March after 29 February)."""
    return _in_year(_month_day(day), day.year + 1, first=True)


def _in_year(month_day, year, first):
    """The date of ``month_day`` in ``year``; 29 February outside a leap year is the day after 28
    February for a first day, 28 February for a last day (as ``covers`` reads it)."""
    month, day = month_day
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return datetime.date(year, 3, 1) if first else datetime.date(year, 2, 28)


def occurrence(period, day):
    """The occurrence of ``period`` under way on ``day`` or next after it, as a ``Closure``; None
    for a one-off period that is over."""
    label = getattr(period, "label", "")
    if not period.every_year:
        if period.ends_on < day:
            return None
        return Closure(label, period.starts_on, period.ends_on, False)
    for year in (day.year - 1, day.year, day.year + 1):
        starts_on = _in_year(_month_day(period.starts_on), year, first=True)
        ends_on = _in_year(_month_day(period.ends_on), year + crosses_new_year(period), first=False)
        if ends_on >= day:
            return Closure(label, starts_on, ends_on, True)
    return None  # not reached: the next year's occurrence always ends after ``day``


def closure_periods(hours):
    """The closure periods of ``hours`` as a list (none for hours without a ``closures`` relation).

    Read once by each function below, which then looks at every day of a year: hours read with their
    periods (``ContactHours.for_locale``'s ``loaded_closures``, or prefetched by the API's querysets)
    make no query."""
    loaded = getattr(hours, "loaded_closures", None)
    if loaded is not None:
        return list(loaded)
    relation = getattr(hours, "closures", None)
    return list(relation.all()) if relation is not None else []


def upcoming_closures(hours, day):
    """The closures under way on ``day`` or still to come: each yearly period's current or next
    occurrence and each one-off period not yet over, in the order they begin."""
    found = (occurrence(period, day) for period in closure_periods(hours))
    return sorted((closure for closure in found if closure is not None), key=lambda closure: closure.starts_on)


# --- Open or closed -------------------------------------------------------------------------------


def is_open_day(hours, day, periods=None):
    """True if the line opens at all on ``day`` (a date where the line is). ``periods``: the closure
    periods of ``hours``, when the caller has read them already (``closure_periods``)."""
    if day.weekday() not in hours.open_weekdays:
        return False
    if hours.closed_on_national_holidays and is_public_holiday(day):
        return False
    periods = closure_periods(hours) if periods is None else periods
    return not any(covers(period, day) for period in periods)


def is_open_at(hours, moment):
    """True if the line is answered at ``moment`` (an aware datetime); closing time itself is closed."""
    local = moment.astimezone(line_time_zone())
    return is_open_day(hours, local.date()) and hours.opens_at <= local.time() < hours.closes_at


def next_opening_after(hours, moment):
    """The next time the line opens after ``moment``, as an aware datetime in its time zone, or None."""
    zone = line_time_zone()
    local = moment.astimezone(zone)
    day = local.date()
    periods = closure_periods(hours)
    if is_open_day(hours, day, periods) and local.time() < hours.opens_at:
        return datetime.datetime.combine(day, hours.opens_at, tzinfo=zone)
    for offset in range(1, SEARCH_DAYS):
        candidate = day + datetime.timedelta(days=offset)
        if is_open_day(hours, candidate, periods):
            return datetime.datetime.combine(candidate, hours.opens_at, tzinfo=zone)
    return None


def closed_dates(hours, start, days=SEARCH_DAYS):
    """Open weekdays on which the line is closed, for a public holiday or a closure period, from
    ``start`` for ``days`` days, in order.

    A page carries this list so that a browser can work out "open now" itself, correctly even
    when the page was served from a cache long after it was rendered (a yearly closure appears as
    the days of each of its occurrences in those ``days``, across the new year too). Every page
    shows it, so the list is worked out once a day per set of hours and closures, not on each request.
    """
    weekdays = tuple(sorted(hours.open_weekdays))
    periods = tuple((period.starts_on, period.ends_on, period.every_year) for period in closure_periods(hours))
    country, subdivision = scenarios_settings.COUNTRY, scenarios_settings.HOLIDAY_SUBDIVISION
    if not hours.closed_on_national_holidays:
        country = subdivision = None
    return list(_closed_days(start, weekdays, days, country, subdivision, periods))


@dataclass(frozen=True)
class _Period:
    starts_on: datetime.date
    ends_on: datetime.date
    every_year: bool


@lru_cache(maxsize=64)
def _closed_days(start, open_weekdays, days, country, subdivision, periods):
    periods = [_Period(*period) for period in periods]
    days_ahead = (start + datetime.timedelta(days=offset) for offset in range(days))
    return tuple(
        day
        for day in days_ahead
        if day.weekday() in open_weekdays
        and (
            (country is not None and day in _holidays_of(country, subdivision, day.year))
            or any(covers(period, day) for period in periods)
        )
    )
