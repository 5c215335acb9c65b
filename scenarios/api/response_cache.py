"""Stored API answers for anonymous clients, kept for one generation of published content.

Every anonymous client that asks the same URL of the API gets the same answer until an editor
changes what is published: any save or delete of a page, a snippet, a view restriction, a locale or
a site starts a new generation (``scenarios.published_cache``). So an answer is stored under the
current generation, the host, the full path and the ``Accept`` header, and served again (no query,
no serializer) until the next change; the answers of older generations are never read again.

Never stored: a request with a session cookie (a signed-in editor, or a visitor who entered a page
password, who may see more) or an ``Authorization`` header; an answer other than a 200, one that
sets a cookie or streams, and one marked private, no-store or no-cache (a draft being previewed,
``page_preview``, is marked no-store by its view).

Add ``"scenarios.api.response_cache.APIResponseCacheMiddleware"`` below CORS and the API middleware
(each client gets its own CORS headers) and above the session middleware.
``SCENARIOS["API_CACHE"] = False`` turns it off.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from ..conf import scenarios_settings
from ..process_copies import ProcessCopies
from ..published_cache import TIMEOUT, generation

# Answers each process also keeps, besides the shared cache: the small ones only, so that a client
# asking for many large listings (``fields=*&limit=…``) cannot fill a worker's memory (20 MB at most).
LOCAL_COPIES = 300
LOCAL_COPY_MAX_BYTES = 64 * 1024
_local = ProcessCopies(LOCAL_COPIES)


class APIResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_candidate(request):
            return self.get_response(request)
        key = _key(request)
        entry = _local.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                _keep_locally(key, entry)
        if entry is not None:
            return _response(entry)
        response = self.get_response(request)
        if request.method == "GET" and _is_storable(response):  # a HEAD's answer may come without its body
            # Any cache may keep it, and must ask again each time (a 304 when the ETag still matches).
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            entry = {"status": response.status_code, "content": response.content, "headers": list(response.items())}
            cache.set(key, entry, TIMEOUT)
            _keep_locally(key, entry)
            response["X-API-Cache"] = "miss"
        return response


def _keep_locally(key, entry):
    if len(entry["content"]) <= LOCAL_COPY_MAX_BYTES:
        _local.put(key, entry)


def _is_candidate(request):
    return (
        scenarios_settings.API_CACHE
        and request.method in ("GET", "HEAD")
        and request.path_info.startswith(tuple(scenarios_settings.API_PREFIXES))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _is_storable(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


def _key(request):
    address = f"{request.get_host()}{request.get_full_path()}\n{request.META.get('HTTP_ACCEPT', '')}"
    return f"scenarios:{generation(request)}:api:{hashlib.sha256(address.encode()).hexdigest()}"


def _response(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    response["X-API-Cache"] = "hit"
    return response
