"""Values every process reads on every request, copied in each process while it listens to their
announcements (``scenarios.shared_values``), against a real Redis: a change made by another process
is seen at once, a known value costs no round trip, and a process that missed announcements never
trusts its copy. The generation of published content goes through them.

Two ``AnnouncedValues`` stand for two worker processes. Needs Redis (skips without it, fails on CI).
"""

import os
import uuid

import pytest
import redis
from django.core.cache import caches

from scenarios import published_cache, shared_values
from scenarios.shared_values import AnnouncedValues

REDIS_URL = os.environ.get("TEST_REDIS_URL_ANNOUNCED", "redis://127.0.0.1:6379/14")
KEYS = ["page:00010001", "lang:ja"]


@pytest.fixture
def redis_cache(settings):
    """A cache alias on Redis with a prefix of its own, so its channel is this test's alone."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"required on CI: Redis does not answer at {REDIS_URL}: {error}")
        pytest.skip(f"Redis does not answer at {REDIS_URL}: {error}")
    settings.CACHES = {
        **settings.CACHES,
        "announced": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        },
    }
    return "announced"


class ReadCounter:
    """Counts the reads of the shared cache that ``values`` makes (each one a round trip to Redis)."""

    def __init__(self, values):
        self.reads, self._read = 0, values._read_shared
        values._read_shared = self

    def __call__(self, keys):
        self.reads += 1
        return self._read(keys)


def process(alias):
    values = AnnouncedValues(alias, REDIS_URL)
    caches[alias].set_many(dict.fromkeys(KEYS, 0), None)
    return values


def change(values, key):
    when = values.read([key]).get(key, 0) + 1
    values.cache.set(key, when, None)
    values.announce({key: when})
    return when


def test_a_change_in_one_process_is_seen_in_another_without_a_read(redis_cache):
    first, second = process(redis_cache), process(redis_cache)
    assert first.read(KEYS) == {"page:00010001": 0, "lang:ja": 0}
    reads = ReadCounter(first)

    when = change(second, "lang:ja")

    assert first.read(KEYS)["lang:ja"] == when
    assert first.read(KEYS)["lang:ja"] == when
    assert reads.reads == 0


def test_a_value_not_yet_known_is_read_once(redis_cache):
    values = process(redis_cache)
    values.read(["lang:ja"])  # listening from here; the other key was written before, unannounced
    reads = ReadCounter(values)

    assert values.read(KEYS)["page:00010001"] == 0
    assert values.read(KEYS)["page:00010001"] == 0
    assert reads.reads == 1


def test_announcements_out_of_order_keep_the_larger_value(redis_cache):
    first, second = process(redis_cache), process(redis_cache)
    first.read(KEYS)

    second.announce({"lang:ja": 5})
    second.announce({"lang:ja": 3})

    assert first.read(KEYS)["lang:ja"] == 5


def test_a_lost_value_is_absent(redis_cache):
    values = process(redis_cache)
    caches[redis_cache].delete("lang:ja")

    assert values.read(KEYS) == {"page:00010001": 0}


def test_announcements_missed_while_disconnected_are_read_from_the_shared_cache(redis_cache):
    first, second = process(redis_cache), process(redis_cache)
    assert first.read(KEYS)["lang:ja"] == 0
    port = first._listener.connection._sock.getsockname()[1]
    server = redis.Redis.from_url(REDIS_URL)
    listener = next(client for client in server.client_list() if client["addr"].endswith(f":{port}"))
    server.client_kill_filter(_id=listener["id"])

    when = change(second, "lang:ja")  # announced while the first is not listening

    assert first.read(KEYS)["lang:ja"] == when
    later = change(second, "page:00010001")
    assert first.read(KEYS)["page:00010001"] == later


def test_without_redis_the_shared_cache_is_read(redis_cache, caplog):
    values = AnnouncedValues(redis_cache, "redis://127.0.0.1:1/0")  # nothing listens there
    when = change(process(redis_cache), "lang:ja")

    assert values.read(KEYS)["lang:ja"] == when
    assert "Not listening to announced changes" in caplog.text


def test_a_new_generation_reaches_a_process_that_kept_the_old_one(redis_cache, settings):
    """The generation of published content, announced: a process that read it once keeps it, and
    sees the next one at once, even after the cache was cleared (a restore does)."""
    settings.CACHES = {**settings.CACHES, "default": settings.CACHES[redis_cache]}
    settings.SCENARIOS = {**getattr(settings, "SCENARIOS", {}), "ANNOUNCE_URL": REDIS_URL}
    other = AnnouncedValues("default", REDIS_URL)
    before = published_cache.generation()
    assert other.read([published_cache.GENERATION_KEY]) == {published_cache.GENERATION_KEY: before}

    caches["default"].clear()
    published_cache.new_generation()

    after = other.read([published_cache.GENERATION_KEY])[published_cache.GENERATION_KEY]
    assert after > before
    assert published_cache.generation() == after
    assert isinstance(shared_values.for_cache(), AnnouncedValues)


@pytest.fixture(autouse=True)
def forget_the_values_of_each_test():
    """``for_cache`` keeps one listener per alias and URL for the process; each test here has a
    channel of its own."""
    yield
    shared_values._values.cache_clear()
