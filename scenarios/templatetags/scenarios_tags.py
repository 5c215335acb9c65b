"""Template tags for the shared snippets and for linking a page to its other-language versions.

The snippet tags look the instance up once per request, so a template may use them in the header
and the footer alike without another query.
"""

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Locale, Page, Site

from .. import hours as opening_hours
from ..request_cache import request_cache
from ..visibility import visible_to
from ..models import ContactHours, OperatorInfo

register = template.Library()


def _active_locale(context):
    cache = request_cache(context.get("request"))
    if "locale" not in cache:
        try:
            cache["locale"] = Locale.get_active()
        except Locale.DoesNotExist:
            cache["locale"] = None
    return cache["locale"]


def _snippet_for_request(context, model):
    """The live instance of ``model`` in the active language, else in the default language.

    A fallback instance is marked with ``fallback_language`` so the template can tell a browser
    (and a screen reader) that the text is in another language, rather than showing it silently.
    """
    cache = request_cache(context.get("request"))
    if model in cache:
        return cache[model]

    instance = None
    active = _active_locale(context)
    if active is not None:
        instance = model.for_locale(active)
    if instance is None:
        default = Locale.get_default()
        instance = model.for_locale(default)
        if instance is not None:
            instance.fallback_language = default.language_code
    cache[model] = instance
    return instance


@register.simple_tag(takes_context=True)
def contact_hours(context):
    """``{% contact_hours as hours %}``: the phone line and its hours, in the visitor's language."""
    return _snippet_for_request(context, ContactHours)


@register.simple_tag(takes_context=True)
def operator_info(context):
    """``{% operator_info as operator %}``: the operator, its links and the scenario disclaimer."""
    return _snippet_for_request(context, OperatorInfo)


@register.inclusion_tag("scenarios/components/contact_hours.html", takes_context=True)
def contact_hours_block(context):
    """The phone line, its hours and whether it is open now (see static/scenarios/contact-hours.js)."""
    hours = _snippet_for_request(context, ContactHours)
    block = {"hours": hours, "request": context.get("request")}
    if hours is None:
        return block
    now = timezone.now()
    local_now = now.astimezone(opening_hours.TOKYO)
    next_opening = hours.next_opening_after(now)
    block.update(
        {
            "is_open": hours.is_open_at(now),
            "next_opening": next_opening,
            "next_opening_text": _describe_opening(next_opening) if next_opening else "",
            "closed_dates": ",".join(
                day.isoformat() for day in opening_hours.closed_dates(hours, local_now.date())
            ),
        }
    )
    return block


def _describe_opening(moment):
    """e.g. "11月26日(木) 9:00" or "November 26 (Thu) 9:00", in the active language."""
    return f"{date_format(moment, 'MONTH_DAY_FORMAT')} ({date_format(moment, 'D')}) {moment.hour}:{moment:%M}"


@register.inclusion_tag("scenarios/components/disclaimer.html", takes_context=True)
def scenario_disclaimer(context):
    return {"operator": _snippet_for_request(context, OperatorInfo)}


@register.simple_tag(takes_context=True)
def operator_pages(context, operator):
    """``{% operator_pages operator as pages %}``: the operator's linked pages in the visitor's language."""
    return operator.linked_pages(_active_locale(context), context.get("request"))


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """Every site language with the URL of this page in it, for the switcher and hreflang links.

    Each item: ``code``, ``name``, ``url`` (absolute), ``is_current``, and ``is_translation``
    (False where the page has no live version in that language and the link goes to that
    language's home page instead; such links get no hreflang alternate).
    """
    request = context.get("request")
    current = translation.get_language()
    versions_by_code = {}
    if isinstance(page, Page) and page.pk:
        versions = visible_to(request, page.get_translations(inclusive=True).live())
        for version in versions.select_related("locale"):
            versions_by_code[version.locale.language_code] = version

    home_by_code = {}
    missing = [code for code, _name in settings.LANGUAGES if code not in versions_by_code]
    if missing and request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            homes = visible_to(request, site.root_page.get_translations(inclusive=True).live())
            for home in homes.select_related("locale"):
                home_by_code[home.locale.language_code] = home

    items = []
    for code, name in settings.LANGUAGES:
        target = versions_by_code.get(code) or home_by_code.get(code)
        if target is None:
            continue
        url = target.get_url(request=request)
        if request is not None and url:
            url = request.build_absolute_uri(url)
        items.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": code in versions_by_code,
            }
        )
    return items
