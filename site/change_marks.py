"""When each tag of the page cache last changed: kept in the shared cache, read by every process.

A stored page is served only if none of its tags changed after it was rendered, so serving one
needs its tags' change marks. ``SharedMarks`` reads them from the shared cache on every request:
one round trip to Redis per page served, the largest part of a cached page's cost.

``AnnouncedMarks`` keeps a copy in each process instead. Whoever marks a tag changed also announces
it on a Redis channel; every process listens, and before each lookup reads, without waiting, what
was announced since (one poll of a socket, no round trip). A mark not yet known is read from the
shared cache once. Missing an announcement would serve a stale page, so a process that is not
listening (not yet, or its connection broke) forgets its copies and reads the shared cache again
until it listens once more. Set ``PAGE_CACHE_ANNOUNCE_URL`` (the Redis of the shared cache).
"""

import functools
import json
import logging
import os
import time

import redis
from django.conf import settings
from django.core.cache import caches
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

TAG_PREFIX = "page-cache-tag:"
CHANNEL = "page-cache-changes"
KNOWN_MARKS = 100_000  # beyond this many tags a process starts its copy afresh (about 10 MB)


class SharedMarks:
    """The change marks in the shared cache, read there each time."""

    def __init__(self, cache_alias):
        self.cache_alias = cache_alias

    @property
    def cache(self):
        return caches[self.cache_alias]

    def mark_changed(self, tags):
        changes = dict.fromkeys(tags, time.time())
        self.cache.set_many({TAG_PREFIX + tag: when for tag, when in changes.items()}, None)
        return changes

    def remember(self, tags):
        """Give each tag a mark, if it has none yet, so that losing it later shows."""
        for tag in tags:
            self.cache.add(TAG_PREFIX + tag, 0.0, None)

    def last_change(self, tags):
        """When the latest of ``tags`` changed; infinitely late if the cache lost one of them (a
        tag evicted may have changed, so the page is rendered again)."""
        found = self._read(tags)
        if len(found) < len(tags):
            return float("inf")
        return max(found.values(), default=0.0)

    def _read(self, tags):
        found = self.cache.get_many([TAG_PREFIX + tag for tag in tags])
        return {key.removeprefix(TAG_PREFIX): when for key, when in found.items()}


class AnnouncedMarks(SharedMarks):
    """The change marks copied in this process while it listens to their announcements."""

    def __init__(self, cache_alias, redis_url):
        super().__init__(cache_alias)
        self.redis_url = redis_url
        self._listener = self._listener_pid = None
        self._client = self._client_pid = None
        self._known = {}

    def mark_changed(self, tags):
        changes = super().mark_changed(tags)
        self._publisher().publish(self._channel(), json.dumps(changes))
        self._known.update(changes)
        return changes

    def last_change(self, tags):
        if not self._listening():
            return super().last_change(tags)
        missing = [tag for tag in tags if tag not in self._known]
        if missing:
            found = self._read(missing)
            if len(found) < len(missing):
                return float("inf")
            if len(self._known) > KNOWN_MARKS:
                self._known = {}
            self._known.update(found)
        return max((self._known[tag] for tag in tags), default=0.0)

    def _channel(self):
        return self.cache.make_key(CHANNEL)

    def _publisher(self):
        if self._client is None or self._client_pid != os.getpid():
            self._client, self._client_pid = redis.Redis.from_url(self.redis_url), os.getpid()
        return self._client

    def _listening(self):
        """Whether this process's copy is complete: listening since it was made, with everything
        announced so far applied. Starts listening if it is not (a new process, a lost connection)."""
        try:
            if self._listener is None or self._listener_pid != os.getpid():
                self._listen()
            self._apply_announcements()
            return True
        except (redis.RedisError, OSError):
            logger.warning("Not listening to page cache changes; reading the shared marks", exc_info=True)
            self._stop_listening()
            return False

    def _stop_listening(self):
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                listener.close()
            except (redis.RedisError, OSError):
                pass  # closing a connection that already broke

    def _listen(self):
        """Subscribe, and wait until Redis confirms it: from then on no change goes unannounced,
        so only from then on may copies be made. Never again after a break on its own (the client
        would by default, and miss what was announced in between): ``_listening`` starts afresh."""
        self._known = {}
        client = redis.Redis.from_url(self.redis_url, socket_timeout=5, retry=Retry(NoBackoff(), 0))
        listener = client.pubsub()
        listener.subscribe(self._channel())
        confirmation = listener.get_message(timeout=5)
        if confirmation is None or confirmation["type"] != "subscribe":
            raise ConnectionError(f"no confirmation of the subscription to {self._channel()}")
        self._listener, self._listener_pid = listener, os.getpid()

    def _apply_announcements(self):
        while (message := self._listener.get_message(timeout=0)) is not None:
            if message["type"] == "message":
                for tag, when in json.loads(message["data"]).items():
                    self._known[tag] = max(when, self._known.get(tag, 0.0))


def for_settings(cache_alias):
    """The marks the settings ask for: announced where ``PAGE_CACHE_ANNOUNCE_URL`` names a Redis."""
    return _marks(cache_alias, settings.PAGE_CACHE_ANNOUNCE_URL)


@functools.cache
def _marks(cache_alias, announce_url):
    return AnnouncedMarks(cache_alias, announce_url) if announce_url else SharedMarks(cache_alias)
