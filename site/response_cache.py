"""The site's one cache of whole responses: anonymous visitors and API clients get a stored answer.

What is stored: a 200 answer to an anonymous GET (no session cookie, so no signed-in editor and no
visitor who entered a page password; no ``Authorization`` header, so no API token) whose view said
what it shows, by tags (``tag_response``): a page shows ``page:<tree path>`` and ``lang:<code>``
(its language's header and footer), the finder ``search:<code>`` and ``lang:<code>``, and every API
answer ``api``. Never an answer marked private, no-store or no-cache (a preview, a signed-in view:
``itrisk.middleware.PrivateResponsesMiddleware``), one that sets a cookie, streams, or is an error
or a redirect.

How it stays fresh: each tag has a mark in the shared cache, the time it last changed. A stored
answer keeps the time its rendering started and is served only while every one of its tags
changed before that. ``itrisk.cache_invalidation`` marks the tags each change affects when its
transaction commits, so the next request renders exactly those answers afresh, in every process
sharing the cache (a disk cache on one host, Redis across hosts). A mark the cache lost counts as
a change. Every stored answer also expires ``RESPONSE_CACHE_SECONDS`` (60) after it was stored: a
process that dies between a commit and its commit hook never leaves a stale answer for longer.

Every answer carries an ETag (``ConditionalGetMiddleware``), so a client that has it gets a 304;
stored ones say ``Cache-Control: public, max-age=0, must-revalidate``. ``X-Cache: hit|miss`` shows
what happened. ``PAGE_CACHE=off`` turns the cache off.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

TAG_PREFIX = "response-cache:tag:"
ENTRY_PREFIX = "response-cache:entry:"
API_TAG = "api"
MARKER = "X-Cache"
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/health/", "/static/", "/media/", "/documents/")
SEARCH_VIEWS = {"scenarios:finder"}  # views that list search results: stale when any scenario changes


def tag_response(request, *tags):
    """Say what the response being built for ``request`` shows, which lets it be stored."""
    request.response_cache_tags = getattr(request, "response_cache_tags", set()) | set(tags)


def mark_changed(*tags):
    """Make every stored answer showing one of ``tags`` (and every API answer) stale, once the
    current transaction commits: an answer rendered before then, from the rows as they were, is
    older than the mark."""
    marks = [TAG_PREFIX + tag for tag in {*tags, API_TAG}]
    transaction.on_commit(lambda: cache.set_many(dict.fromkeys(marks, time.time()), None))


def is_storable(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


class ResponseCacheMiddleware:
    """Serves and stores anonymous answers (see the module's docstring). Place it below CORS (each
    client gets its own CORS headers) and above the session, locale and authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_candidate(request):
            return self.get_response(request)
        key = self.key(request)
        entry = cache.get(key)
        if entry is not None and self.is_fresh(entry):
            return self.replay(entry)
        started = time.time()
        response = self.get_response(request)
        tags = self.tags_of(request)
        if request.method == "GET" and tags and is_storable(response):
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            for tag in tags:  # a tag without a mark yet gets one, so that losing it later shows
                cache.add(TAG_PREFIX + tag, 0.0, None)
            entry = {"content": response.content, "headers": list(response.items()), "tags": tags, "started": started}
            cache.set(key, entry, settings.RESPONSE_CACHE_SECONDS)
            response[MARKER] = "miss"
        return response

    @staticmethod
    def is_candidate(request):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path_info.startswith(SKIPPED_PREFIXES)
        )

    @staticmethod
    def key(request):
        address = f"{request.get_host()}\n{request.get_full_path()}\n{request.META.get('HTTP_ACCEPT', '')}"
        return ENTRY_PREFIX + hashlib.sha256(address.encode()).hexdigest()

    @staticmethod
    def tags_of(request):
        tags = set(getattr(request, "response_cache_tags", ()))
        if request.path_info.startswith("/api/"):
            tags.add(API_TAG)
        match = getattr(request, "resolver_match", None)
        language = get_language_from_path(request.path_info)
        if match is not None and match.view_name in SEARCH_VIEWS and language:
            tags |= {f"search:{language}", f"lang:{language}"}
        return sorted(tags)

    @staticmethod
    def is_fresh(entry):
        marks = cache.get_many([TAG_PREFIX + tag for tag in entry["tags"]])
        return len(marks) == len(entry["tags"]) and max(marks.values(), default=0.0) < entry["started"]

    @staticmethod
    def replay(entry):
        response = HttpResponse(entry["content"])
        for header, value in entry["headers"]:
            response[header] = value
        response[MARKER] = "hit"
        return response
