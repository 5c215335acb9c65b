"""Which pages a visitor may see listed: live pages outside every view restriction the request fails.

A page with a view restriction (a password, a login, a group), and every page below it, is shown
only to a request that passes the restriction: Wagtail checks that when the page itself is served,
but a listing, a card, a link or a language switcher on *another* page must check it too, or the
private page's title and text reach every visitor. Wagtail's ``public()`` hides restricted pages
from everyone; this hides them only from requests that do not pass, as Wagtail's own API does
(``wagtail.api.querysets.get_public_pages_queryset``), so a visitor who entered a line's password
still sees that line's scenarios on it.
"""

from wagtail.models import Page, PageViewRestriction

from .published_cache import remember
from .request_cache import request_cache


def view_restrictions(request=None):
    """Every view restriction of the site, with its page (kept between requests: ``published_cache``)."""
    return remember(
        request, "view-restrictions", lambda: list(PageViewRestriction.objects.select_related("page").order_by("pk"))
    )


def barred_pages(request):
    """The restricted pages (their subtrees included) that ``request`` may not see.

    Without a request (e.g. a management command), every restricted page is barred.
    """
    cache = request_cache(request)
    if "barred_pages" not in cache:
        cache["barred_pages"] = [
            restriction.page
            for restriction in view_restrictions(request)
            if request is None or not restriction.accept_request(request)
        ]
    return cache["barred_pages"]


def barred_key(request):
    """Names what ``request`` may not see, for keys of what is kept for it (e.g. "12,40")."""
    return ",".join(str(page.pk) for page in barred_pages(request))


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


class KnownViewRestrictionsMixin:
    """Answers Wagtail's ``get_view_restrictions`` from the site's restrictions kept between requests.

    Wagtail asks it before serving every page, in two queries (the page's ancestors, then their
    restrictions). A page under no restriction now answers an empty queryset without a query, and
    a restricted one a queryset of exactly its restrictions. Where the page or an ancestor is an
    alias (whose restrictions are its source's), Wagtail's own answer is used.
    """

    def get_view_restrictions(self):
        aliases = Page.objects.filter(alias_of__isnull=False)
        alias_paths = remember(None, "alias-paths", lambda: list(aliases.values_list("path", flat=True)))
        if any(self.path.startswith(path) for path in alias_paths):
            return super().get_view_restrictions()
        ids = [restriction.pk for restriction in view_restrictions() if self.path.startswith(restriction.page.path)]
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()
