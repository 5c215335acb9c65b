"""The page cache's change marks, copied in each process while it listens to their announcements
(``itrisk.change_marks``), against a real Redis: a change made by another process is seen at once,
a known mark costs no round trip, and a process that missed announcements never trusts its copy.

Two ``AnnouncedMarks`` stand for two worker processes. Needs Redis (skips without it, fails on CI).
"""

import os
import uuid

import pytest
import redis

from itrisk.change_marks import AnnouncedMarks

from .helpers import unavailable

REDIS_URL = os.environ.get("TEST_REDIS_URL_MARKS", "redis://127.0.0.1:6379/14")
TAGS = ["page:00010001", "lang:ja"]


@pytest.fixture
def redis_cache(settings):
    """A cache alias on Redis with a prefix of its own, so its channel is this test's alone."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        unavailable(f"Redis does not answer at {REDIS_URL}: {error}")
    settings.CACHES = {
        **settings.CACHES,
        "marks": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        },
    }
    return "marks"


class ReadCounter:
    """Counts the reads of the shared marks that ``marks`` makes (each one a round trip to Redis)."""

    def __init__(self, marks):
        self.reads, self._read = 0, marks._read
        marks._read = self

    def __call__(self, tags):
        self.reads += 1
        return self._read(tags)


def process(alias):
    marks = AnnouncedMarks(alias, REDIS_URL)
    marks.remember(TAGS)
    return marks


def test_a_change_in_one_process_is_seen_in_another_without_a_read(redis_cache):
    first, second = process(redis_cache), process(redis_cache)
    assert first.last_change(TAGS) == 0.0
    reads = ReadCounter(first)

    changes = second.mark_changed(["lang:ja"])

    assert first.last_change(TAGS) == changes["lang:ja"]
    assert first.last_change(TAGS) == changes["lang:ja"]
    assert reads.reads == 0


def test_a_mark_not_yet_known_is_read_once(redis_cache):
    first, second = process(redis_cache), process(redis_cache)
    changes = second.mark_changed(["page:00010001"])
    reads = ReadCounter(first)

    assert first.last_change(TAGS) == changes["page:00010001"]
    assert first.last_change(TAGS) == changes["page:00010001"]
    assert reads.reads == 1


def test_a_lost_mark_makes_the_page_stale(redis_cache):
    marks = process(redis_cache)
    redis.Redis.from_url(REDIS_URL).delete(*redis.Redis.from_url(REDIS_URL).keys("*page-cache-tag:lang:ja"))

    assert marks.last_change(TAGS) == float("inf")


def test_announcements_missed_while_disconnected_are_read_from_the_shared_marks(redis_cache):
    first, second = process(redis_cache), process(redis_cache)
    assert first.last_change(TAGS) == 0.0
    port = first._listener.connection._sock.getsockname()[1]
    server = redis.Redis.from_url(REDIS_URL)
    listener = next(client for client in server.client_list() if client["addr"].endswith(f":{port}"))
    server.client_kill_filter(_id=listener["id"])

    changes = second.mark_changed(["lang:ja"])  # announced while the first is not listening

    assert first.last_change(TAGS) == changes["lang:ja"]
    later = second.mark_changed(["page:00010001"])
    assert first.last_change(TAGS) == later["page:00010001"]


def test_without_redis_the_shared_marks_are_read(redis_cache, caplog):
    marks = AnnouncedMarks(redis_cache, "redis://127.0.0.1:1/0")  # nothing listens there
    other = process(redis_cache)
    changes = other.mark_changed(["lang:ja"])

    assert marks.last_change(TAGS) == changes["lang:ja"]
    assert "Not listening to page cache changes" in caplog.text
