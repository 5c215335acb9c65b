"""Settings for the test suite: dev settings with fast hashing and plain static storage.

``TEST_DATABASE_URL`` (e.g. the local PostgreSQL server) overrides the SQLite default so the same
suite runs on both databases.
"""

import os

import dj_database_url

from .dev import *  # noqa: F403

if os.environ.get("TEST_DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["TEST_DATABASE_URL"])}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]

# Each test process keeps its own cache in memory (a live site started by a test has its own
# disk cache, tests/live_site.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "itrisk-tests",
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    },
}

# Tests change content directly (without publishing) and then read pages: the response cache is on
# only in the tests that are about it (tests/test_response_cache.py), and in the browser tests' site.
PAGE_CACHE = False

# Each test's client builds its own middleware chain, and WhiteNoise would index every static file
# again each time (pytest-django turns DEBUG off, and with it WhiteNoise's autorefresh): a third of
# the suite's time. Looking each static request up as it comes serves the same files and headers.
WHITENOISE_AUTOREFRESH = True
