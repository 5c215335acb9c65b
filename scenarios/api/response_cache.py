"""Stored API answers for anonymous clients, kept for one generation of published content.

Every anonymous client that asks the same URL of the API gets the same answer until an editor
changes what is published: any save or delete of a page, a snippet, a view restriction, a locale or
a site starts a new generation (``scenarios.published_cache``). So an answer is stored under the
current generation, the host, the full path and the ``Accept`` header, and served again (no query,
no serializer) until the next change; the answers of older generations are never read again.

An answer that holds only for a while (the contact line's ``status`` and coming ``closures``,
which change with the clock, not with a publish) says until when (``holds_until``): it is served
from the store until then, not a moment longer.

Never stored: a request with a session cookie (a signed-in editor, or a visitor who entered a page
password, who may see more) or an ``Authorization`` header; an answer other than a 200, one that
sets a cookie or streams, and one marked private, no-store or no-cache (a draft being previewed,
``page_preview``, is marked no-store by its view).

Add ``"scenarios.api.response_cache.APIResponseCacheMiddleware"`` below CORS and the API middleware
(each client gets its own CORS headers) and above the session middleware.
``SCENARIOS["API_CACHE"] = False`` turns it off.
"""

import time

from django.conf import settings
from django.core.cache import cache

from ..conf import scenarios_settings
from ..published_cache import TIMEOUT, digest, generation
from ..stored_responses import StoredResponses, StoringMiddleware

# Answers each process also keeps, besides the shared cache: the small ones only, so that a client
# asking for many large listings (``fields=*&limit=…``) cannot fill a worker's memory (20 MB at most).
_stored = StoredResponses(copies=300, max_copy_bytes=64 * 1024)
_HOLDS_UNTIL = "_scenarios_answer_holds_until"


def holds_until(request, moment):
    """Say that the answer being built for ``request`` (Django's or DRF's) holds only until
    ``moment`` (an aware datetime, or None for no limit): the store keeps it no longer."""
    request = getattr(request, "_request", request)  # DRF's Request wraps Django's
    if request is None or moment is None:
        return
    until = moment.timestamp()
    setattr(request, _HOLDS_UNTIL, min(until, getattr(request, _HOLDS_UNTIL, until)))


class APIResponseCacheMiddleware(StoringMiddleware):
    marker, stored, timeout = "X-API-Cache", _stored, TIMEOUT

    def is_candidate(self, request):
        return (
            scenarios_settings.API_CACHE
            and request.method in ("GET", "HEAD")
            and request.path_info.startswith(tuple(scenarios_settings.API_PREFIXES))
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    def key(self, request):
        address = f"{request.get_host()}{request.get_full_path()}\n{request.META.get('HTTP_ACCEPT', '')}"
        return f"scenarios:{generation(request)}:api:{digest(address)}"

    def cache(self):
        return cache

    def what_to_keep(self, request, response, started):
        if request.method != "GET":  # a HEAD's answer may come without its body
            return None
        kept = super().what_to_keep(request, response, started)
        if kept is not None and hasattr(request, _HOLDS_UNTIL):
            kept["until"] = getattr(request, _HOLDS_UNTIL)
        return kept

    def is_fresh(self, entry):
        return entry.get("until") is None or time.time() < entry["until"]
