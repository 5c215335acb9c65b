"""Which pages a visitor may see listed: live pages outside every view restriction the request fails.

A page with a view restriction (a password, a login, a group), and every page below it, is shown
only to a request that passes the restriction: Wagtail checks that when the page itself is served,
but a listing, a card, a link or a language switcher on *another* page must check it too, or the
private page's title and text reach every visitor. Wagtail's ``public()`` hides restricted pages
from everyone; this hides them only from requests that do not pass, as Wagtail's own API does
(``wagtail.api.querysets.get_public_pages_queryset``), so a visitor who entered a line's password
still sees that line's scenarios on it.
"""

from wagtail.models import PageViewRestriction

from .request_cache import request_cache


def barred_pages(request):
    """The restricted pages (their subtrees included) that ``request`` may not see; one query per request.

    Without a request (e.g. a management command), every restricted page is barred.
    """
    cache = request_cache(request)
    if "barred_pages" not in cache:
        cache["barred_pages"] = [
            restriction.page
            for restriction in PageViewRestriction.objects.select_related("page").order_by("pk")
            if request is None or not restriction.accept_request(request)
        ]
    return cache["barred_pages"]


def visible_to(request, queryset):
    """``queryset`` without the pages ``request`` may not see (live-ness is the caller's filter)."""
    for page in barred_pages(request):
        queryset = queryset.not_descendant_of(page, inclusive=True)
    return queryset


def is_visible_to(request, page):
    """True if ``page`` is live and outside every restriction ``request`` fails."""
    if page is None or not page.live:
        return False
    return not any(page.path.startswith(barred.path) for barred in barred_pages(request))
