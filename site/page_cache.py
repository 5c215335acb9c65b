"""The full-page cache: anonymous visitors get a stored copy of a public page, with no query.

What is stored: a 200 answer to an anonymous GET of a page (or the finder) whose view said what it
shows, by tags (``tag_response``): ``page:<tree path>`` for a page, ``locale:<id>`` for everything
of one language (the header, footer and contact hours), ``search:<id>`` for the finder. Nothing
else: not a request carrying a session cookie (a signed-in editor, a visitor who entered a page
password), not a response marked private or no-store (``PrivateResponsesMiddleware`` marks those),
not one that sets a cookie, not an error, a redirect, a preview or the API.

How it stays fresh: each tag has, in the cache, the time it last changed. A stored page keeps the
time its rendering started, and is served only while every one of its tags changed before that.
Publishing, unpublishing, moving, deleting, changing privacy and publishing a snippet mark the tags
they affect as changed now and once more on commit (``itrisk.cache_invalidation``), so exactly
those pages render afresh on the next request, in every process that shares the cache (local
memory on one server, Redis on several); a change made while a page was being rendered makes that
copy stale too. With Redis, each process keeps a copy of the marks, told of every change as it is
made (``itrisk.change_marks``), so that serving a stored page asks nothing of Redis.

``PAGE_CACHE=off`` in the environment turns it off (``settings.PAGE_CACHE``).
"""


from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import translation

from scenarios.published_cache import digest
from scenarios.stored_responses import StoredResponses, StoringMiddleware

from . import change_marks

CACHE_ALIAS = "default"
KEY_PREFIX = "page-cache:"
TIMEOUT = 24 * 60 * 60  # a day; freshness comes from the tag versions, not from expiry
EVERYTHING = "*"  # a tag of every stored page, marked changed when the whole cache is cleared (a restore)
SEARCH_VIEWS = {"scenario_finder"}  # views listing search results: stale when any scenario changes
SKIPPED_PREFIXES = ("/admin/", "/api/", "/django-admin/", "/health/", "/static/", "/media/", "/documents/")


def cache():
    return caches[CACHE_ALIAS]


def tag_response(request, *tags):
    """Say what a response shows, which makes it cacheable (see the module's docstring)."""
    request.page_cache_tags = set(getattr(request, "page_cache_tags", set())) | set(tags)


def bump(*tags):
    """Make every stored page showing one of ``tags`` stale, in every process sharing the cache.

    Marked now, and again when the transaction commits: a page another process rendered in
    between, from the rows as they were before the commit, must not be served afterwards.
    """
    tags = set(tags)
    _mark_changed(tags)
    transaction.on_commit(lambda: _mark_changed(tags))


def mark_everything_changed():
    """Call after clearing the shared cache (``itrisk.backup`` does, on a restore): the pages each
    process keeps a copy of are then never served again, even once another process has rendered
    them afresh and given their tags new marks."""
    _mark_changed({EVERYTHING})


def _mark_changed(tags):
    change_marks.for_cache(CACHE_ALIAS).mark_changed(tags)


# The stored pages this process served last, so that serving one again reads nothing shared but the
# change marks (and those only without announcements: ``itrisk.change_marks``). A copy is used only
# while the marks say it is fresh, so it is never staler than the shared one.
_stored = StoredResponses(copies=1000)  # about 60 MB at most: the home page is 59 KB at 10,000 scenarios


class PageCacheMiddleware(StoringMiddleware):
    """Serves and stores anonymous pages (see the module's docstring). Placed above the session,
    locale and authentication middleware, so that a stored page is served without touching them."""

    marker, stored, timeout = "X-Page-Cache", _stored, TIMEOUT

    def is_candidate(self, request):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(SKIPPED_PREFIXES)
        )

    def key(self, request):
        return KEY_PREFIX + digest(f"{request.get_host()}{request.get_full_path()}")

    def cache(self):
        return cache()

    def is_fresh(self, entry):
        return change_marks.for_cache(CACHE_ALIAS).last_change(entry["tags"]) < entry["started"]

    def what_to_keep(self, request, response, started):
        """Its tags and when its rendering started, for a response whose view said what it shows."""
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name in SEARCH_VIEWS:
            language = translation.get_language()
            tag_response(request, f"search:{language}", f"lang:{language}")
        if not getattr(request, "page_cache_tags", None) or super().what_to_keep(request, response, started) is None:
            return None
        tags = sorted(request.page_cache_tags | {EVERYTHING})
        change_marks.for_cache(CACHE_ALIAS).remember(tags)
        return {"tags": tags, "started": started}
