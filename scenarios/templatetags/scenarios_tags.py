"""Template tags for the shared snippets (the contact hours, the operator and its disclaimer).

Each snippet is looked up once per request (``scenarios.per_request``), so a template may use it
in the header and the footer alike.
"""

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from .. import hours as opening_hours
from ..models import ContactHours, OperatorInfo
from ..per_request import active_locale, once_per_request

register = template.Library()


def _active_locale(context):
    """The language of what is shown: the page's own (its locale's id, without reading the locale),
    else the active language's locale."""
    page = context.get("page")
    if getattr(page, "locale_id", None) is not None:
        return page.locale_id
    return active_locale(context.get("request"))


def _snippet_for_request(context, model):
    """The live instance of ``model`` in the active language, else in the default language."""
    return model.for_request(context.get("request"), _active_locale(context))


@register.simple_tag(takes_context=True)
def contact_hours(context):
    """``{% contact_hours as hours %}``: the phone line and its hours, in the visitor's language."""
    return _snippet_for_request(context, ContactHours)


@register.simple_tag(takes_context=True)
def operator_info(context):
    """``{% operator_info as operator %}``: the operator, its links and the scenario disclaimer."""
    return _snippet_for_request(context, OperatorInfo)


@register.inclusion_tag("scenarios/components/contact_phone.html", takes_context=True)
def contact_phone(context):
    """The free dial as a tap-to-call link with its hours and whether it is open now, for the top of
    every page (see static/scenarios/contact-hours.js)."""
    return _contact_context(context)


def _shows_time_zone(hours):
    """Name the time zone for visitors reading another language than the line's own country's."""
    return hours is not None and translation.get_language() != settings.LANGUAGE_CODE


@register.inclusion_tag("scenarios/components/contact_hours.html", takes_context=True)
def contact_hours_block(context):
    """The phone line, its hours, its coming closures and whether it is open now (see
    static/scenarios/contact-hours.js)."""
    block = _contact_context(context)
    if block["hours"] is not None:
        block["closures"] = _closure_texts(block["hours"], block["now"])
    return block


def _contact_context(context):
    """What the header's and the footer's contact blocks show: the hours and whether the line is
    open now, worked out once per request for both. The first block of a page loads the script
    that keeps every block's status right in the browser; the others need not load it again."""
    request = context.get("request")
    hours = _snippet_for_request(context, ContactHours)
    block = {"hours": hours, "request": request, "show_time_zone": _shows_time_zone(hours)}
    if hours is None:
        return block
    key = f"contact-status:{hours.pk}:{translation.get_language()}"
    block.update(once_per_request(request, key, lambda: _opening_status(hours, block["show_time_zone"])))
    shown = once_per_request(request, "contact-blocks-shown", list)  # the blocks this page has shown so far
    block["loads_script"] = not shown
    shown.append(hours.pk)
    return block


def _opening_status(hours, show_time_zone):
    now = timezone.now()
    local_now = now.astimezone(opening_hours.line_time_zone())
    next_opening = hours.next_opening_after(now)
    zone_name = f" {hours.time_zone_name}" if show_time_zone else ""
    return {
        "now": now,
        "time_zone": opening_hours.line_time_zone().key,
        "is_open": hours.is_open_at(now),
        "closes_text": f"{hours.closes_at.hour}:{hours.closes_at:%M}{zone_name}",
        "next_opening": next_opening,
        "next_opening_text": _describe_opening(next_opening, hours if show_time_zone else None) if next_opening else "",
        "closed_dates": ",".join(day.isoformat() for day in opening_hours.closed_dates(hours, local_now.date())),
    }


def _describe_opening(moment, hours_with_zone=None):
    """e.g. "11月26日 (木) 9:00" or "November 26 (Thu) 9:00 JST", in the active language."""
    text = f"{date_format(moment, 'MONTH_DAY_FORMAT')} ({date_format(moment, 'D')}) {moment.hour}:{moment:%M}"
    return f"{text} {hours_with_zone.time_zone_name}" if hours_with_zone else text


def _closure_texts(hours, now):
    """Each closure under way or to come, as a line for callers in the active language: e.g.
    "年末年始休業 12月29日〜1月3日" or "New Year holidays: closed December 29 – January 3"."""
    this_year = now.astimezone(opening_hours.line_time_zone()).year
    texts = []
    for closure in hours.upcoming_closures(now):
        # A yearly closure needs no year; a one-off one does when it begins in another year.
        style = "MONTH_DAY_FORMAT" if closure.every_year or closure.starts_on.year == this_year else "DATE_FORMAT"
        dates = date_format(closure.starts_on, style)
        if closure.ends_on != closure.starts_on:
            dates = gettext("{first} – {last}").format(first=dates, last=date_format(closure.ends_on, style))
        if closure.label:
            texts.append(gettext("{label}: closed {dates}").format(label=closure.label, dates=dates))
        else:  # a translation whose label the translator has not written yet
            texts.append(gettext("Closed {dates}").format(dates=dates))
    return texts


@register.inclusion_tag("scenarios/components/disclaimer.html", takes_context=True)
def scenario_disclaimer(context):
    return {"operator": _snippet_for_request(context, OperatorInfo)}


@register.simple_tag(takes_context=True)
def operator_pages(context, operator):
    """``{% operator_pages operator as pages %}``: the operator's linked pages in the visitor's language."""
    return operator.linked_pages(_active_locale(context), context.get("request"))
