"""A bounded, thread-safe store of the values one process used last (least recently used goes first).

For copies that are safe to keep in a process because whatever decides their freshness lives in the
shared cache: the published-content values of a generation (``scenarios.published_cache``), stored
pages checked against their change marks (the site's page cache), template fragments kept under
their generation (``scenarios.fragment_cache``).
"""

import threading
from collections import OrderedDict


class ProcessCopies:
    def __init__(self, size):
        self.size, self.values, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key, default=None):
        with self.lock:
            value = self.values.get(key, default)
            if value is not default:
                self.values.move_to_end(key)
            return value

    def put(self, key, value):
        with self.lock:
            self.values[key] = value
            self.values.move_to_end(key)
            while len(self.values) > self.size:
                self.values.popitem(last=False)

    def discard(self, key):
        with self.lock:
            self.values.pop(key, None)

    def clear(self):
        with self.lock:
            self.values.clear()
