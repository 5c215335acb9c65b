"""Which pages a visitor may see listed: live pages outside every view restriction the request fails.

A page with a view restriction (a password, a login, a group), and every page below it, is shown
only to a request that passes the restriction: Wagtail checks that when the page itself is served,
but a listing, a card, a link or a language switcher on *another* page must check it too, or the
private page's title and text reach every visitor. Wagtail's ``public()`` hides restricted pages
from everyone; this hides them only from requests that do not pass, as Wagtail's own API does
(``wagtail.api.querysets.get_public_pages_queryset``), so a visitor who entered a line's password
still sees that line's scenarios on it.

A site has a handful of restrictions: they are read once per request (one small query), and every
check after that is a comparison of tree paths, in Python for a page in hand and as plain
``path`` conditions in a listing's query. Building the check into each query instead (a subquery
per page or link) cost more to compile than the whole query took to run.
"""

import operator
from functools import reduce

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from wagtail.models import Page, PageViewRestriction

from .per_request import once_per_request


def passes_no_restriction(request):
    """True for a request that no view restriction can let through: one without a session (where a
    page password entered or a signed-in user would be) and without an API token. Decided from the
    request's cookies and headers, without reading a session or a user (which would make every
    anonymous response vary on the cookie)."""
    if request is None:
        return True
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META


def view_restrictions(request):
    """Every view restriction of the site, with its page's tree path: read once per request."""
    return once_per_request(
        request,
        "view-restrictions",
        lambda: list(
            PageViewRestriction.objects.select_related("page")
            .only("restriction_type", "password", "page__path")
            .order_by("pk")
        ),
    )


def barred_paths(request):
    """The tree paths of the restricted pages (their subtrees included) that ``request`` may not see."""
    anonymous = passes_no_restriction(request)
    return once_per_request(
        request,
        "barred-paths",
        lambda: [r.page.path for r in view_restrictions(request) if anonymous or not r.accept_request(request)],
    )


def is_restricted(request, page):
    """True if ``page`` is a restricted page or lies below one, whoever asks."""
    return any(page.path.startswith(r.page.path) for r in view_restrictions(request))


def visible_to(request, queryset):
    """``queryset`` without the pages ``request`` may not see (live-ness is the caller's filter)."""
    barred = barred_paths(request)
    if not barred:
        return queryset
    return queryset.exclude(reduce(operator.or_, (Q(path__startswith=path) for path in barred)))


def is_visible_to(request, page):
    """True if ``page`` is live and outside every restriction ``request`` fails."""
    if page is None or not page.live:
        return False
    return not any(page.path.startswith(path) for path in barred_paths(request))


class ViewRestrictionsInOneQueryMixin:
    """Wagtail's ``get_view_restrictions``, which it asks before serving every page: the restrictions
    of the page and of its ancestors, an alias's being its source's.

    A page whose router found out that it has none (``known_to_be_unrestricted``, set by a project's
    ``route`` from ``is_restricted``) answers without a query; any other page finds them in one
    query, where Wagtail's takes two.
    """

    known_to_be_unrestricted = False

    def get_view_restrictions(self):
        if self.known_to_be_unrestricted:
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths).annotate(source=Coalesce("alias_of_id", "id")).values("source")
        return PageViewRestriction.objects.filter(page_id__in=sources)
