"""Tags for the site's layout: language switcher, meta description, OpenGraph locale and JSON-LD."""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from itrisk.structured_data import organization
from scenarios import seo
from scenarios.per_request import once_per_request
from scenarios.templatetags.scenarios_tags import contact_hours, operator_info
from scenarios.visibility import is_visible_to

register = template.Library()

OPEN_GRAPH_LOCALES = {"ja": "ja_JP", "en": "en_US"}


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The page's ancestors below the tree root, then the page: those its route came through where
    it was routed (``home.routing``), else read once per request."""
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = once_per_request(context.get("request"), f"ancestors:{page.path}", page.get_ancestors)
    return [*(ancestor for ancestor in ancestors if ancestor.depth > 1), page]


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """Every site language with where this page is in it, for the switcher and hreflang links.

    Each item: ``code``, ``name``, ``url`` (absolute), ``is_current``, and ``is_translation``
    (False where the page has no live version in that language and the link goes to that
    language's home page instead; such links get no hreflang alternate). A view that is not a
    page (the finder) links to the same view in the other language, with the same query.
    """
    request = context.get("request")
    current = translation.get_language()
    versions_by_code = {}
    if isinstance(page, Page) and page.pk:
        for version in _live_translations(request, page):
            versions_by_code[version.locale.language_code] = version.get_url(request=request)
    elif request is not None and request.resolver_match and request.resolver_match.url_name != "wagtail_serve":
        for code, _name in settings.LANGUAGES:
            versions_by_code[code] = translate_url(request.get_full_path(), code)

    home_by_code = {}
    missing = [code for code, _name in settings.LANGUAGES if code not in versions_by_code]
    if missing and request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            for home in _live_translations(request, site.root_page):
                home_by_code[home.locale.language_code] = home.get_url(request=request)

    items = []
    for code, name in settings.LANGUAGES:
        url = versions_by_code.get(code) or home_by_code.get(code)
        if not url:
            continue
        items.append(
            {
                "code": code,
                "name": name,
                "url": request.build_absolute_uri(url) if request is not None else url,
                "is_current": code == current,
                "is_translation": code in versions_by_code,
            }
        )
    return items


def _live_translations(request, page):
    """The live versions of ``page`` in every language (itself included) that ``request`` may see:
    those its route found (``home.routing``), else read once per request."""
    versions = getattr(page, "known_translations", None)
    if versions is None:
        versions = once_per_request(
            request,
            f"translations:{page.translation_key}",
            lambda: list(page.get_translations(inclusive=True).live().select_related("locale")),
        )
    return [version for version in versions if is_visible_to(request, version)]


@register.simple_tag
def meta_description(page):
    """The page's description for search engines (the plugin's rule, shared with the API)."""
    return seo.meta_description(page)


@register.filter
def open_graph_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code, language_code)


def _json_ld(data):
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def structured_data(context, page=None):
    """JSON-LD: the Organization with its ContactPoint and hours, and the page's BreadcrumbList."""
    request = context.get("request")
    operator = operator_info(context)
    blocks = []
    if operator is not None and request is not None:
        home_url = request.build_absolute_uri(f"/{context.get('LANGUAGE_CODE', 'ja')}/")
        blocks.append(_json_ld(organization(operator, contact_hours(context), home_url)))
    if page is not None and getattr(page, "depth", 0) > 2 and request is not None:
        trail = breadcrumb_trail(context, page)
        blocks.append(
            _json_ld(
                {
                    "@context": "https://schema.org",
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {
                            "@type": "ListItem",
                            "position": position,
                            "name": item.title,
                            "item": request.build_absolute_uri(item.get_url(request)),
                        }
                        for position, item in enumerate(trail, start=1)
                    ],
                }
            )
        )
    return mark_safe("".join(blocks))  # noqa: S308 - each block is escaped JSON
