"""When each tag of the page cache last changed: kept in the shared cache, read by every process.

A stored page is served only if none of its tags changed after it was rendered, so serving one
needs its tags' change marks. They are read through the plugin's shared values
(``scenarios.shared_values``): from the shared cache each time, or, where changes are announced on
Redis (``SCENARIOS["ANNOUNCE_URL"]``), from the copy each process keeps, with no round trip.
"""

import time

from scenarios import shared_values

TAG_PREFIX = "page-cache-tag:"


class ChangeMarks:
    def __init__(self, cache_alias):
        self.values = shared_values.for_cache(cache_alias)

    def mark_changed(self, tags):
        changes = {TAG_PREFIX + tag: time.time() for tag in tags}
        self.values.cache.set_many(changes, None)
        self.values.announce(changes)
        return {key.removeprefix(TAG_PREFIX): when for key, when in changes.items()}

    def remember(self, tags):
        """Give each tag a mark, if it has none yet, so that losing it later shows."""
        for tag in tags:
            self.values.cache.add(TAG_PREFIX + tag, 0.0, None)

    def last_change(self, tags):
        """When the latest of ``tags`` changed; infinitely late if the cache lost one of them (a
        tag evicted may have changed, so the page is rendered again)."""
        found = self.values.read([TAG_PREFIX + tag for tag in tags])
        if len(found) < len(tags):
            return float("inf")
        return max(found.values(), default=0.0)


def for_cache(cache_alias):
    return ChangeMarks(cache_alias)
