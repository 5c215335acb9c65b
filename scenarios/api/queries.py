"""The pages a client may list, and the filters both API versions offer, checked and applied in one place.

Each filter raises ``BadQuery`` with a message naming the parameter and the values that exist, which v2
answers as ``{"message": …}`` and v3 as problem+json, both with status 400: a value that names
nothing is an error, never an empty list that looks like an answer.
"""

import re

from django.db.models import Q
from wagtail.coreutils import get_content_languages
from wagtail.models import Page, Site

from ..models import IncidentScenarioPage, LossType, PayoutKind
from ..per_request import once_per_request
from ..representation import prefetch_for_listing
from ..visibility import is_visible_to, visible_to

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
PORT = re.compile(r"^[0-9]{1,5}$")


class BadQuery(ValueError):
    """A query parameter names nothing; the message says which and what would do."""


def public_pages(request, model=Page):
    """The live pages of ``model`` that ``request`` may see, in the tree of its site (``?site=host``
    or ``host:port`` picks another) and of that tree's translations: what Wagtail's v2 pages endpoint
    lists (``get_public_pages_queryset``), built on ``model``'s own table rather than as ``pk IN``
    every public page, which SQLite builds and sorts in full on each request (at 10,000 scenarios
    per language, a listing of one type took 33 ms of SQL that way, 10 ms this way). The site's
    trees are the URL paths of its roots, as Wagtail keeps them (``Site.get_site_root_paths``).
    """
    roots = _root_paths(request)
    in_a_tree = Q()
    for root_path in roots:
        in_a_tree |= Q(url_path__startswith=root_path)
    return visible_to(request, model.objects.live()).filter(in_a_tree) if roots else model.objects.none()


def is_public_page(request, page):
    """Whether ``page`` is one of ``public_pages(request)``, for a page already loaded."""
    return is_visible_to(request, page) and any(page.url_path.startswith(root) for root in _root_paths(request))


def _root_paths(request):
    """The URL paths of the roots of the request's site and of their translations, as Wagtail keeps
    them (in its cache), read once per request."""
    site = _site(request)
    if site is None:
        return []
    root_paths = once_per_request(request, "site-root-paths", Site.get_site_root_paths)
    return [root.root_path for root in root_paths if root.site_id == site.pk]


class Listing:
    """``queryset`` as both APIs' pagination reads it (a count, then a slice): the slice comes with
    what the representations of its items' ``fields`` read (None: every field) loaded in a few
    queries (``representation.prefetch_for_listing``)."""

    def __init__(self, queryset, request, fields=None):
        self.queryset, self.request, self.fields = queryset, request, fields

    def __len__(self):
        return self.count()

    def count(self):
        return self.queryset.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self.queryset[index]
        return prefetch_for_listing(self.queryset[index], self.request, self.fields)


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


def unknown_language(language_code):
    known = ", ".join(get_content_languages())
    return f"locale: unknown language {language_code!r}; known: {known}"


def in_locale(queryset, language_code):
    """``queryset`` in the language named by ``language_code`` (all languages if it is None): a
    condition on the rows' locale, so that the listing's query reads it (no query of its own); a
    code that is not one of the site's content languages is a BadQuery."""
    if language_code is None:
        return queryset
    if language_code not in get_content_languages():
        raise BadQuery(unknown_language(language_code))
    return queryset.filter(locale__language_code=language_code)


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
