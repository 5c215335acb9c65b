"""Which Wagtail Site answers a request, looked up once per generation of published content.

Wagtail finds the Site of every request with a database query (``Site.find_for_request``), and
reads the root paths of all sites from the shared cache for the first URL it writes, though sites
change about never. ``SiteLookupMiddleware`` puts both on the request before Wagtail
asks, from ``published_cache`` (a new generation starts whenever a Site is saved or deleted). Only
for a host Django accepts (``ALLOWED_HOSTS``): an odd Host header is left to Wagtail and Django.
With the shared cache down, Wagtail looks the Site up itself, and ``/health/`` says what is wrong.
"""

import logging

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from wagtail.models import Site

from . import published_cache

logger = logging.getLogger(__name__)


def _site_for(request):
    try:
        host = request.get_host()
    except DisallowedHost:
        return
    hostname, port = split_domain_port(host)[0], request.get_port()
    try:
        site = published_cache.remember(request, f"site:{hostname}:{port}", lambda: _find(request), keep_none=False)
        root_paths = published_cache.remember(request, "site-root-paths", Site.get_site_root_paths)
    except Exception:  # noqa: BLE001 - a shared cache that is down: Wagtail asks the database, /health/ reports it
        logger.warning("The Site of %s was looked up without the shared cache", host, exc_info=True)
        return
    if site is not None:
        request._wagtail_site = site  # where Site.find_for_request keeps its answer for the request
    request._wagtail_cached_site_root_paths = root_paths  # and Page.get_url_parts its site root paths


def _find(request):
    """The Site, with its root page as its own page type: Wagtail routes every request through
    ``site.root_page.localized.specific``, which a root page type may answer from a cache."""
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


class SiteLookupMiddleware:
    """Place it above anything that asks Wagtail for the request's Site (locale, pages, settings)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _site_for(request)
        return self.get_response(request)
