"""Which pages a visitor may see listed: live pages outside every view restriction the request fails.

A page with a view restriction (a password, a login, a group), and every page below it, is shown
only to a request that passes the restriction: Wagtail checks that when the page itself is served,
but a listing, a card, a link or a language switcher on *another* page must check it too, or the
private page's title and text reach every visitor. Wagtail's ``public()`` hides restricted pages
from everyone; this hides them only from requests that do not pass, as Wagtail's own API does
(``wagtail.api.querysets.get_public_pages_queryset``), so a visitor who entered a line's password
still sees that line's scenarios on it.

A request that can pass no restriction (no signed-in user, no session in which a password was
entered, or no request at all) has the condition put into the query itself (``under_a_restriction``),
so a listing costs no query of its own to know what is private; any other request reads the
restrictions once and tests each.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import Page, PageViewRestriction

from .per_request import once_per_request


def under_a_restriction(path="path"):
    """True where the page whose tree path is the field ``path`` (of the query it goes into) is a
    restricted page or lies below one: some restricted page's path is the start of it.

    The subquery reads the restrictions (a handful) and looks each one's page up by its key. Joined
    the usual way (restriction to page), SQLite walks every page of the site for each row of the
    outer query instead, since the path condition names both sides of the join: a count of 10,000
    scenarios took 30 s."""
    restricted_path = Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path"))
    restrictions = PageViewRestriction.objects.annotate(restricted_path=restricted_path).filter(
        restricted_path=Substr(OuterRef(path), 1, Length("restricted_path"))
    )
    return Exists(restrictions)


def passes_no_restriction(request):
    """True for a request that no view restriction can let through: one without a session (where a
    page password entered or a signed-in user would be) and without an API token. Decided from the
    request's cookies and headers, without reading a session or a user."""
    if request is None:
        return True
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META


def view_restrictions(request):
    """Every view restriction of the site, with its page: read once per request (a site has few)."""
    return once_per_request(
        request, "view-restrictions", lambda: list(PageViewRestriction.objects.select_related("page").order_by("pk"))
    )


def barred_pages(request):
    """The restricted pages (their subtrees included) that ``request`` may not see."""
    return [r.page for r in view_restrictions(request) if not r.accept_request(request)]


def visible_to(request, queryset):
    """``queryset`` without the pages ``request`` may not see (live-ness is the caller's filter)."""
    if passes_no_restriction(request):
        return queryset.exclude(under_a_restriction())
    for page in barred_pages(request):
        queryset = queryset.not_descendant_of(page, inclusive=True)
    return queryset


def with_restriction_flag(queryset, path="path", name="is_under_a_restriction"):
    """``queryset`` with each row saying whether the page at ``path`` is under a restriction, for
    ``is_visible_to`` to answer without a query."""
    return queryset.annotate(**{name: under_a_restriction(path)})


def is_visible_to(request, page, flag="is_under_a_restriction"):
    """True if ``page`` is live and outside every restriction ``request`` fails: from the page's
    ``flag`` (``with_restriction_flag``) for a request that passes none, else from the restrictions."""
    if page is None or not page.live:
        return False
    if passes_no_restriction(request) and hasattr(page, flag):
        return not getattr(page, flag)
    if passes_no_restriction(request):
        return not any(page.path.startswith(r.page.path) for r in view_restrictions(request))
    return not any(page.path.startswith(barred.path) for barred in barred_pages(request))


class ViewRestrictionsInOneQueryMixin:
    """Wagtail's ``get_view_restrictions``, which it asks before serving every page: the restrictions
    of the page and of its ancestors, an alias's being its source's.

    A page whose router found out that it has none (``known_to_be_unrestricted``, set by a project's
    ``route`` that read it with ``with_restriction_flag``) answers without a query; any other page
    finds them in one query, where Wagtail's takes two.
    """

    known_to_be_unrestricted = False

    def get_view_restrictions(self):
        if self.known_to_be_unrestricted:
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths).annotate(source=Coalesce("alias_of_id", "id")).values("source")
        return PageViewRestriction.objects.filter(page_id__in=sources)
