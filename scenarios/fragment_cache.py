"""A cache for values whose keys name the generation of published content they show: a copy in
each process in front of the shared cache.

The home, line and finder pages keep their rendered listings with ``{% wagtailcache %}`` under
``{% published_version %}`` (``scenarios.published_cache``): once written, the fragment under a key
never changes, since any publish moves the generation and so every key on. Each process may then
keep a copy of the fragments it served last, as it does the other values of a generation, and a
page rendered afresh reads its listing without asking the shared cache (Redis in production: a
round trip and 20–60 KB each time).

Configure it as Django's ``template_fragments`` cache, which Wagtail's and Django's fragment tags
use when it exists, in front of the shared cache::

    CACHES["template_fragments"] = {
        "BACKEND": "scenarios.fragment_cache.ProcessCopiesCache",
        "OPTIONS": {"SHARED": "default"},
    }

Only for values whose keys say everything they depend on, the generation included: a value
cached under a fixed key would be served from a process's copy after it changed. The plugin's API
keeps its listing items the same way (``scenarios.api.kept_items``).
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

from .process_copies import ProcessCopies

_MISSING = object()


class ProcessCopiesCache(BaseCache):
    def __init__(self, location, params):
        options = dict(params.get("OPTIONS", {}))
        self.shared_alias = options.pop("SHARED", "default")
        self.copies = ProcessCopies(options.pop("COPIES", 200))  # 20–60 KB each
        super().__init__({**params, "OPTIONS": options})

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        return self.get_many([key], version=version).get(key, default)

    def get_many(self, keys, version=None):
        """This process's copies, then the others from the shared cache in one request (copied here)."""
        found, missing = {}, []
        for key in keys:
            value = self.copies.get(self.make_and_validate_key(key, version=version), _MISSING)
            if value is _MISSING:
                missing.append(key)
            else:
                found[key] = value
        if missing:
            from_shared = self.shared.get_many(missing, version=version)
            for key, value in from_shared.items():
                self.copies.put(self.make_and_validate_key(key, version=version), value)
            found.update(from_shared)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.set_many({key: value}, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed = self.shared.set_many(data, timeout, version=version)
        for key, value in data.items():
            if key not in failed:
                self.copies.put(self.make_and_validate_key(key, version=version), value)
        return failed

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.add(key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout, version=version)

    def delete(self, key, version=None):
        self.copies.discard(self.make_and_validate_key(key, version=version))
        return self.shared.delete(key, version=version)

    def clear(self):
        self.copies.clear()
        self.shared.clear()
