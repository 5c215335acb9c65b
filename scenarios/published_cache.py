"""Published content that every page shows, kept in Django's cache between requests.

The shared snippets of a language, the operator's linked pages, the view restrictions, the loss
types, the search synonyms, a page's ancestors and translations: a page rendered afresh would
fetch each of them again, though they change only when an editor publishes. ``remember`` keeps
them in the default cache (local memory, a disk cache or Redis, as the project configures it),
under the current *generation* of published content, and each process keeps a copy of those it
used last: only the generation itself is read from the shared cache on every request, and not even
that where changes are announced (``scenarios.shared_values``).

Any save or delete of a page, a snippet, a view restriction, a locale or a site starts a new
generation (``connect``), in every process that shares the cache, so nothing older is read again.
A generation is a number that only grows (``shared_values``: the time on one host, an atomic count
in Redis where several hosts share it).
It is started twice: at once, so the editor's next request in this transaction sees the change,
and again when the transaction commits, so that an entry another process built in between, from
the rows as they were before the commit, is never read either.
"""

import functools
import hashlib
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from . import shared_values
from .process_copies import ProcessCopies
from .request_cache import current_request_memo, forget_current_request_memo, request_cache

GENERATION_KEY = "scenarios:published-generation"
TIMEOUT = 24 * 60 * 60  # entries of old generations are never read again; they expire
_MISSING = object()


def _memo(request):
    """Where one request keeps what it has looked up: the memo of the request being served, which
    Wagtail's hooks called without the request share, else ``request``'s own."""
    current = current_request_memo()
    return current if current is not None else request_cache(request)


def generation(request=None):
    """The current generation (the same for the whole of one request)."""
    memo = _memo(request)
    if "generation" not in memo:
        value = shared_values.for_cache().read([GENERATION_KEY]).get(GENERATION_KEY)
        if value is None:  # the first request, or the cache lost it
            cache.add(GENERATION_KEY, time.time_ns(), None)
            value = cache.get(GENERATION_KEY)
        memo["generation"] = value
    return memo["generation"]


def remember(request, name, build, keep_none=True):
    """``build()``, made once per generation of published content and kept under ``name``.

    ``name`` must say everything the value depends on but the published content (its language,
    the page); a value must not depend on the request: whatever is private to a visitor is
    filtered after (see ``scenarios.visibility``). With ``keep_none=False`` a None is built again
    each time rather than kept: for names a visitor chooses (a URL), which are without number.
    """
    memo = _memo(request)
    if name in memo:
        return memo[name]
    key = f"scenarios:{generation(request)}:{name}"
    value = _local.get(key, _MISSING)
    if value is _MISSING:
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = build()
            if value is not None or keep_none:
                cache.set(key, value, TIMEOUT)
        if value is not None or keep_none:
            _local.put(key, value)
    memo[name] = value
    return value


def kept_in_process(request, name, build):
    """``build()``, kept in this process alone for the generation of published content, under
    ``name``; a None is built again each time. For values too many to share and cheap to build
    once per process: the page a visitor's path routes to (a copy read from Redis would cost
    about what the query does). Callers treat the values as read-only."""
    key = f"{generation(request)}:{name}"
    value = _in_process.get(key)
    if value is None:
        value = build()
        if value is not None:
            _in_process.put(key, value)
    return value


def digest(choices):
    """A short name for what a visitor chose (words, filters, an address), to go in a cache key:
    cache backends cap the length of a key and refuse some characters in it.
    ``choices`` is anything whose repr says all of it (a string, a tuple of strings)."""
    return hashlib.sha256(repr(choices).encode()).hexdigest()[:32]


# A generation's values never change, so each process may keep copies: only the generation itself
# is read from the shared cache on every request. Callers treat the values as read-only.
_local = ProcessCopies(2000)
_in_process = ProcessCopies(1000)  # a page each, a few KB: a few MB at most


def active_locale(request):
    """The Locale of the active language, or None where the site has none for it."""
    return remember(request, f"locale:{translation.get_language()}", _find_active_locale)


def _find_active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def new_generation():
    """Start a new generation, in every process (called on every change, and after the cache is
    cleared: a process's copies of the values it used are then never read again)."""
    shared_values.for_cache().advance(GENERATION_KEY)
    forget_current_request_memo()


def content_changed(sender, instance=None, **kwargs):
    if isinstance(instance, watched_models()):
        new_generation()
        transaction.on_commit(new_generation)


@functools.cache
def watched_models():
    from .models import ClosurePeriod, ContactHours, LossType, OperatorInfo, ScenarioLossType, SearchSynonym

    return (
        Page,
        PageViewRestriction,
        Locale,
        Site,
        ContactHours,
        ClosurePeriod,
        OperatorInfo,
        LossType,
        ScenarioLossType,
        SearchSynonym,
    )


def connect():
    """Start a new generation on every change to what ``remember`` keeps (called by the app config)."""
    for signal, name in ((post_save, "saved"), (post_delete, "deleted"), (post_page_move, "moved")):
        signal.connect(content_changed, dispatch_uid=f"scenarios_published_cache_{name}")
