"""The cache every worker shares on one host without Redis: diskcache's, kept open between requests.

Django closes every cache when a request finishes (``close_caches``); for diskcache that closes
the SQLite connection of each of its shards, and the next request opens them again: a fifth of a
cached page's time. A connection belongs to its thread and stays valid, so here it is kept.
"""

from diskcache import DjangoCache


class DiskCache(DjangoCache):
    def close(self, **kwargs):
        """Keep the connections: Django calls this after every request (see the module's docstring)."""
