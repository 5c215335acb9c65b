"""The pages a client may list, and the filters both API versions offer, checked and applied in one place.

Each filter raises ``BadQuery`` with a message naming the parameter and the values that exist, which v2
answers as ``{"message": …}`` and v3 as problem+json, both with status 400: a value that names
nothing is an error, never an empty list that looks like an answer.
"""

import re

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation
from wagtail.models import Locale, Page, Site

from ..models import IncidentScenarioPage, LossType, PayoutKind
from ..published_cache import digest, remember
from ..visibility import barred_key, visible_to
from .kept_items import KeptItem
from .representation import prefetch_for_listing

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
PORT = re.compile(r"^[0-9]{1,5}$")
PAGE_OF_LISTING = {"offset", "limit", "fields", "format"}  # which part of a listing, and how: not what it holds


class BadQuery(ValueError):
    """A query parameter names nothing; the message says which and what would do."""


def public_pages(request, model=Page):
    """The live pages of ``model`` that ``request`` may see, in the tree of its site (``?site=host``
    or ``host:port`` picks another) and of that tree's translations: what Wagtail's v2 pages endpoint
    lists (``get_public_pages_queryset``), built on ``model``'s own table rather than as ``pk IN``
    every public page, which SQLite builds and sorts in full on each request (at 10,000 scenarios
    per language, a listing of one type took 33 ms of SQL that way, 10 ms this way). The view
    restrictions and the site's roots are kept between requests (``published_cache``).
    """
    site = _site(request)
    if site is None:
        return model.objects.none()
    queryset = visible_to(request, model.objects.live())
    roots = remember(request, f"site-roots:{site.pk}", lambda: _roots(site))
    tree = queryset.descendant_of(roots[0], inclusive=True)
    for root in roots[1:]:
        tree |= queryset.descendant_of(root, inclusive=True)
    return tree


def kept_count(request, queryset):
    """The number of pages in ``queryset``, a listing of ``request``, kept for the generation of
    published content: counting thousands of pages is most of a listing's SQL (9 of 28 ms at
    10,000 scenarios per language), and every page of the listing asks again. Kept under all
    that may change it: the endpoint, the host, the active language, what the request may not
    see, and every parameter but those that pick the page of the listing."""
    parameters = sorted(
        (name, value) for name, values in request.GET.lists() if name not in PAGE_OF_LISTING for value in values
    )
    listing = digest((request.path, request.get_host(), translation.get_language(), parameters))
    return remember(request, f"listing-count:{barred_key(request)}:{listing}", queryset.count)


class Listing:
    """``queryset`` as both APIs' pagination reads it (a count, then a slice): the slice comes
    with what the representations of its items' ``fields`` read (None: every field) loaded in a
    few queries, and the count is kept between requests (``kept_count``).

    With ``kept`` (``kept_items.KeptItems``), an item whose representation is kept comes as a
    ``KeptItem`` and its page is not loaded at all: the slice reads the ids first.
    """

    def __init__(self, queryset, request, fields=None, kept=None):
        self.queryset, self.request, self.fields, self.kept = queryset, request, fields, kept

    def __len__(self):
        return self.count()

    def count(self):
        return kept_count(self.request, self.queryset)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self.queryset[index]
        if self.kept is None or not isinstance(self.queryset, QuerySet):  # search results: pages already
            return prefetch_for_listing(self.queryset[index], self.request, self.fields)
        return self._with_kept_items(index)

    def _with_kept_items(self, index):
        pks = list(self.queryset[index].values_list("pk", flat=True))
        kept = self.kept.get_many(pks)
        missing = [pk for pk in pks if pk not in kept]
        loaded = {}
        if missing:
            pages = prefetch_for_listing(self.queryset.filter(pk__in=missing), self.request, self.fields)
            loaded = {page.pk: page for page in pages}
        # A page unpublished between the two queries is left out.
        return [KeptItem(pk, kept[pk]) if pk in kept else loaded[pk] for pk in pks if pk in kept or pk in loaded]


def _roots(site):
    root = Page.objects.get(pk=site.root_page_id)
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return [root]
    return [root, *root.get_translations()]


def _site(request):
    named = request.GET.get("site")
    if not named:
        return Site.find_for_request(request)
    hostname, _colon, port = named.partition(":")
    if port and not PORT.match(port):
        raise BadQuery(f"site: the port must be a number from 1 to 65535, not {port!r}")
    sites = Site.objects.filter(hostname=hostname, **({"port": int(port)} if port else {}))
    found = list(sites[:2])
    if not found:
        raise BadQuery(f"site: no site is named {named!r}")
    if len(found) > 1:
        raise BadQuery("site: several sites have that hostname; add the port (host:port)")
    return found[0]


def locale_named(language_code):
    """The Locale of ``language_code`` (kept for the generation: every listing of a language asks);
    BadQuery, naming the known ones, if there is none."""
    locale = remember(
        None, f"locale-named:{digest(language_code)}", Locale.objects.filter(language_code=language_code).first,
        keep_none=False,
    )  # fmt: skip
    if locale is None:
        known = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        raise BadQuery(f"locale: unknown language {language_code!r}; known: {known}")
    return locale


def in_locale(queryset, language_code):
    """``queryset`` in the language named by ``language_code`` (all languages if it is None)."""
    if language_code is None:
        return queryset
    return queryset.filter(locale=locale_named(language_code))


def scenarios_of_kind(queryset, loss_type=None, payout_kind=None):
    """``queryset`` (of pages) limited to scenarios with that loss type and/or kind of payout."""
    scenarios = None
    if loss_type is not None:
        if not SLUG.match(loss_type) or not LossType.objects.filter(slug=loss_type).exists():
            known = ", ".join(sorted(set(LossType.objects.values_list("slug", flat=True))))
            raise BadQuery(f"loss_type: unknown loss type {loss_type!r}; known: {known}")
        scenarios = IncidentScenarioPage.objects.filter(loss_type_links__loss_type__slug=loss_type)
    if payout_kind is not None:
        if payout_kind not in PayoutKind.values:
            raise BadQuery(f"payout_kind: must be one of {', '.join(PayoutKind.values)}")
        scenarios = (scenarios if scenarios is not None else IncidentScenarioPage.objects).filter(
            payout_kind=payout_kind
        )
    if scenarios is None:
        return queryset
    return queryset.filter(pk__in=scenarios.values("pk"))
