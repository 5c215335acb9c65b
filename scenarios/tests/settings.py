"""A minimal Wagtail project with the scenarios plugin and nothing of the site that ships it.

Used by the plugin's own tests (``pytest scenarios/tests --ds=scenarios.tests.settings``) to show
that the plugin installs into any Wagtail project.
"""

import hashlib
import importlib.util
import tempfile
from pathlib import Path

import django
import wagtail

SECRET_KEY = "plugin-tests-only"  # noqa: S105
DEBUG = True
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "scenarios",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
]
# The optional extras' apps, where they are installed (the suite skips their tests otherwise).
INSTALLED_APPS[3:3] = [name for name in ("wagtail_headless_preview",) if importlib.util.find_spec(name)]
MIDDLEWARE = [
    "scenarios.api.middleware.APIQueryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    f"{__package__}.middleware.PrefixedPagesLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = f"{__package__}.urls"  # this package, wherever the suite is copied to
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
# The test database is a file named after the plugin's migrations and the Wagtail and Django they
# run on, so that ``pytest --reuse-db`` (as the checkout's ``make test`` runs this suite) migrates it
# once and then only checks it, a changed migration gets a database of its own, and so does each
# end of the version ranges (``make plugin-check`` runs both at once). Without ``--reuse-db`` it is
# made and removed each run.
_MIGRATIONS = sorted((Path(importlib.util.find_spec("scenarios").origin).parent / "migrations").glob("*.py"))
_VERSIONS = f"wagtail {wagtail.__version__} django {django.__version__}".encode()
_SCHEMA = hashlib.sha256(b"".join(path.read_bytes() for path in _MIGRATIONS) + _VERSIONS).hexdigest()[:12]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
        "TEST": {"NAME": str(Path(tempfile.gettempdir()) / f"scenarios-plugin-tests-{_SCHEMA}.sqlite3")},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ja", "Japanese")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_TZ = True
TIME_ZONE = "Europe/London"
# Not Japan: the plugin's own project answers a phone line in England.
# Tests change content without publishing it and read the API again: its store of answers is on
# only in the tests about it (test_api_cache.py).
SCENARIOS = {"COUNTRY": "GB", "HOLIDAY_SUBDIVISION": "ENG"}
STATIC_URL = "/static/"
WAGTAIL_SITE_NAME = "Plugin test project"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Wagtail 7 updates the search index in a task queued for after the commit; a test's transaction
# never commits, so the immediate backend runs it at once (newer django-tasks drop the option).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "ENQUEUE_ON_COMMIT": False}}
