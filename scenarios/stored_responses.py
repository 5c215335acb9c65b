"""Whole responses kept in a shared cache and served again: what the site's page cache and the
plugin's store of API answers (``scenarios.api.response_cache``) have in common.

Each decides for itself which requests it serves, when a stored response is fresh and what else it
keeps with one (``StoringMiddleware``'s hooks); this says which responses may be stored at all,
what is kept of them, how one is served again, and keeps a copy in the process of those it used
last, so that serving one again reads nothing shared.
"""

import time
from abc import ABC, abstractmethod

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from .process_copies import ProcessCopies


def is_storable(response):
    """A 200 that sets no cookie, does not stream and is not marked private, no-store or no-cache."""
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


def entry_for(response, **extra):
    """What is kept of ``response``, marked first so that any cache may keep it and must ask again
    each time (a 304 while the ETag still matches); ``extra`` is the caller's own bookkeeping."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return {"status": response.status_code, "content": response.content, "headers": list(response.items()), **extra}


def response_from(entry, marker):
    """A fresh response from ``entry`` (the middlewares above may change its headers), with the
    header ``marker`` saying it was served from the store."""
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    response[marker] = "hit"
    return response


class StoredResponses:
    """Entries in a shared cache, with copies of those this process used last (at most ``copies``,
    each of at most ``max_copy_bytes`` of content when given)."""

    def __init__(self, copies, max_copy_bytes=None):
        self._local = ProcessCopies(copies)
        self.max_copy_bytes = max_copy_bytes

    def get(self, cache, key):
        entry = self._local.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                self._keep(key, entry)
        return entry

    def put(self, cache, key, entry, timeout):
        cache.set(key, entry, timeout)
        self._keep(key, entry)

    def last_used(self):
        """The entry this process used last (for tests)."""
        return next(reversed(self._local.values.values()))

    def _keep(self, key, entry):
        if self.max_copy_bytes is None or len(entry["content"]) <= self.max_copy_bytes:
            self._local.put(key, entry)


class StoringMiddleware(ABC):
    """Serves a stored response while it is fresh, else lets the view answer and stores what it
    may. Subclasses give ``marker`` (the header saying hit or miss), ``stored``, ``timeout`` and
    the hooks below."""

    marker = stored = timeout = None

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_candidate(request):
            return self.get_response(request)
        key = self.key(request)
        entry = self.stored.get(self.cache(), key)
        if entry is not None and self.is_fresh(entry):
            return response_from(entry, self.marker)
        started = time.time()
        response = self.get_response(request)
        kept = self.what_to_keep(request, response, started)
        if kept is not None:
            self.stored.put(self.cache(), key, entry_for(response, **kept), self.timeout)
            response[self.marker] = "miss"
        return response

    @abstractmethod
    def is_candidate(self, request):
        """Whether ``request`` may be answered from the store (and its answer stored)."""

    @abstractmethod
    def key(self, request):
        """The key of ``request``'s answer in the store."""

    @abstractmethod
    def cache(self):
        """The shared cache the store lives in."""

    def is_fresh(self, entry):
        return True

    def what_to_keep(self, request, response, started):
        """What to store with ``response`` besides itself (a dict), or None not to store it."""
        return {} if is_storable(response) else None
