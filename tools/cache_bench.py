"""What one write and one read cost in the cache every worker shares on one host, as it fills.

Compares Django's FileBasedCache, which lists its whole folder on every write (to decide whether to
cull), with diskcache's DjangoCache (production's choice without Redis, see site/settings/production.py),
at a small and a large number of entries of 3 KB (a stored page is 5 to 20 KB, a finder result 1 KB).
Prints milliseconds per operation; asserts nothing.

    .venv/bin/python tools/cache_bench.py [--entries 1000 20000]
"""

import argparse
import tempfile
import time

from django.conf import settings

settings.configure()

from diskcache import DjangoCache  # noqa: E402
from django.core.cache.backends.filebased import FileBasedCache  # noqa: E402

BACKENDS = {
    "FileBasedCache": lambda folder: FileBasedCache(folder, {"OPTIONS": {"MAX_ENTRIES": 50_000}}),
    "diskcache.DjangoCache": lambda folder: DjangoCache(folder, {"OPTIONS": {"size_limit": 2**30}}),
}
VALUE = b"x" * 3000
SAMPLE = 200


def fill(cache, start, stop):
    """Entries ``start``…``stop``, written without FileBasedCache's folder listing (else filling
    20,000 takes minutes): the listing is what is measured afterwards, on the real ``set``."""
    cache._cull = lambda: None  # an instance attribute over the class's method, removed below
    for number in range(start, stop):
        cache.set(f"fill:{number}", VALUE, 3600)
    del cache._cull


def per_operation(operation):
    started = time.perf_counter()
    for number in range(SAMPLE):
        operation(number)
    return (time.perf_counter() - started) / SAMPLE * 1000


def write_and_read(cache, entries):
    """Milliseconds for one new entry written, and for one read, in a cache of ``entries``."""
    write = per_operation(lambda number: cache.set(f"new:{entries}:{number}", VALUE, 3600))
    read = per_operation(lambda number: cache.get(f"new:{entries}:{number}"))
    return write, read


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[1000, 20000])
    args = parser.parse_args()
    for name, make in BACKENDS.items():
        cache, filled = make(tempfile.mkdtemp()), 0
        for entries in sorted(args.entries):
            fill(cache, filled, entries)
            filled = entries
            write, read = write_and_read(cache, entries)
            print(f"{name:22} {entries:7,} entries: write {write:6.2f} ms, read {read:.3f} ms")

if __name__ == "__main__":
    main()
