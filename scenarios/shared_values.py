"""Small values that every process reads on every request, kept in the shared cache.

The generation of published content (``scenarios.published_cache``) and a project's own marks of
change (the site's page cache keeps when each of its tags last changed) decide whether what a
process has kept is still fresh, so they are read on every request: with Redis, a round trip each
time, the largest part of serving a stored answer.

``SharedValues`` reads them from the shared cache each time. ``AnnouncedValues`` keeps a copy in
each process instead: whoever changes one also announces it on a Redis channel; every process
listens, and before each read applies, without waiting, what was announced since (one poll of a
socket, no round trip). A value not yet known is read from the shared cache once. Missing an
announcement would serve stale content, so a process that is not listening (not yet, or its
connection broke) forgets its copies and reads the shared cache until it listens again.

Values only ever grow (times, counters): a process keeps the largest it has seen of each, so two
changes announced in the other order than they were written still leave the later one.
Set ``SCENARIOS["ANNOUNCE_URL"]`` to the Redis of the shared cache; one listener serves every user
of a cache alias in a process.
"""

import functools
import json
import logging
import os
import time

from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from .conf import scenarios_settings

try:  # optional (the "announce" extra): only AnnouncedValues needs it
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry
except ImportError:
    redis = None

logger = logging.getLogger(__name__)

CHANNEL = "scenarios:changes"
KNOWN_VALUES = 100_000  # beyond this many a process starts its copy afresh (about 10 MB)


class SharedValues:
    """The values in the shared cache, read there each time."""

    def __init__(self, cache_alias):
        self.cache_alias = cache_alias

    @property
    def cache(self):
        return caches[self.cache_alias]

    def read(self, keys):
        """The values of those of ``keys`` the shared cache holds (a lost one is simply absent)."""
        return self._read_shared(keys)

    def _read_shared(self, keys):
        return self.cache.get_many(keys)

    def announce(self, values):
        """Tell every process of ``values``, already written to the shared cache by the caller."""

    def advance(self, key):
        """Give ``key`` a value larger than any it had, and return it: the time, in nanoseconds
        (one clock: the processes of one host)."""
        value = time.time_ns()
        self.cache.set(key, value, None)
        return value


class AnnouncedValues(SharedValues):
    """The values copied in this process while it listens to the announcements of their changes."""

    def __init__(self, cache_alias, redis_url):
        super().__init__(cache_alias)
        self.redis_url = redis_url
        self._listener = self._listener_pid = None
        self._client = self._client_pid = None
        self._known = {}

    def read(self, keys):
        if not self._listening():
            return self._read_shared(keys)
        missing = [key for key in keys if key not in self._known]
        if missing:
            if len(self._known) > KNOWN_VALUES:
                self._known = {}
            self._keep(self._read_shared(missing))
        return {key: self._known[key] for key in keys if key in self._known}

    def announce(self, values):
        self._publisher().publish(self._channel(), json.dumps(values))
        self._keep(values)

    def advance(self, key):
        """Count ``key`` up by one, atomically in Redis (processes on several hosts, whose clocks
        may differ, never take it back), starting from the time when it has no value yet."""
        self.cache.add(key, time.time_ns(), None)
        try:
            value = self.cache.incr(key)
        except ValueError:  # lost between the two
            value = super().advance(key)
        self.announce({key: value})
        return value

    def _keep(self, values):
        for key, value in values.items():
            self._known[key] = max(value, self._known.get(key, value))

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
            while (message := self._listener.get_message(timeout=0)) is not None:
                if message["type"] == "message":
                    self._keep(json.loads(message["data"]))
            return True
        except (redis.RedisError, OSError):
            logger.warning("Not listening to announced changes; reading the shared cache", exc_info=True)
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


def for_cache(cache_alias="default"):
    """The values of ``cache_alias``: announced where ``SCENARIOS["ANNOUNCE_URL"]`` names a Redis."""
    return _values(cache_alias, scenarios_settings.ANNOUNCE_URL)


@functools.cache
def _values(cache_alias, announce_url):
    if announce_url and redis is None:
        raise ImproperlyConfigured('SCENARIOS["ANNOUNCE_URL"] needs the redis package (the "announce" extra).')
    return AnnouncedValues(cache_alias, announce_url) if announce_url else SharedValues(cache_alias)
