"""Settings shared by every environment.

``dev`` and ``production`` import this module and change only what differs. Nothing here reads a
secret; the embedded default is SQLite with a local-memory cache so the site runs with nothing but
Python installed. ``DATABASE_URL`` switches the database in any environment.
"""

import datetime
import hashlib
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # The site first, so its templates override those of the apps below.
    "itrisk",
    "home",
    "scenarios",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v2",
    "wagtail_headless_preview",
    "wagtail.api.v3",
    "ninja",  # serves the API documentation page's scripts from this site rather than a CDN
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
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
    "axes",
    "health_check",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Compresses HTML and JSON; public pages carry no secrets, and the only form (search) is a GET.
    "django.middleware.gzip.GZipMiddleware",
    # ETag on every answer, and 304 Not Modified when the client already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the stored answers: an HTTP request is redirected to HTTPS, never answered.
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Stored answers for anonymous visitors and API clients (each still gets its own CORS headers),
    # before anything below touches the session or the database. The headers the next three add
    # are the same on every public answer, so they are stored with it: building the
    # Content-Security-Policy again took 40 % of serving a stored page.
    "itrisk.response_cache.ResponseCacheMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "itrisk.middleware.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "scenarios.api.middleware.APIQueryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "itrisk.middleware.PublicSiteLocaleMiddleware",
    # After the locale middleware: /en/… URLs resolve only with English active.
    "itrisk.middleware.PublicMethodsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "itrisk.two_factor.SecondFactorMiddleware",
    "itrisk.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the lockout flag set by the login views (itrisk.login_protection).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "itrisk.urls"
WSGI_APPLICATION = "itrisk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for a writer (WAL), a writer waits for another instead of failing at once,
    # and a transaction that will write takes its lock when it starts: publishing while the site is
    # busy must not end in "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Security headers (production adds HSTS and secure cookies). Public pages load nothing inline and
# nothing from another origin: the JSON-LD is a data block, the contact-hours script a file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],  # the admin's preview panel shows pages in a frame
    }
}
# The Wagtail admin and the API's documentation page use inline styles and scripts.
EDITING_TOOLS_CSP_PATHS = ("/admin/", "/api/v3/docs/")
EDITING_TOOLS_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
    }
}
# Nothing on the site needs a device API; deny them all, for the site and anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope", "hid",
        "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get", "serial", "usb",
        "xr-spatial-tracking",
    )
}
# No avatars from gravatar.com and no release check against wagtail.org: the admin makes no
# third-party requests either (versions are pinned in requirements.txt and upgraded deliberately).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# A private page's password form, in the site's language and style, showing nothing of the page.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 - a template name
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Password guessing: after AXES_FAILURE_LIMIT wrong passwords for one username from one address, the
# admin login (and a page's password form, see itrisk.login_protection) refuses that pair for
# AXES_COOLOFF_TIME. `manage.py axes_reset_username <name>` lifts it sooner.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "itrisk.login_protection.lockout_response"
AXES_RESET_ON_SUCCESS = True

# A second factor for the admin (itrisk.two_factor: an authenticator app's one-time codes, with
# django-otp). Anyone may add an authenticator under their account and is then asked for a code at
# every sign-in; with STAFF_TWO_FACTOR on (the default in production) superusers must add one.
STAFF_TWO_FACTOR = os.environ.get("STAFF_TWO_FACTOR", "off").strip().lower() in {"1", "true", "yes", "on"}
OTP_TOTP_ISSUER = "IT risk scenarios"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Japanese is the source language and the default, English is a translation.
# The Wagtail admin follows LANGUAGE_CODE unless an editor picks another language in their account.
LANGUAGE_CODE = "ja"
LANGUAGES = [
    ("ja", "日本語"),
    ("en", "English"),
]
# The content languages as editors read them in the admin (英語 in the Japanese admin, e.g. in the
# translation editor's 「日本語から英語への翻訳」); the visitors' language switcher names each language
# in itself (LANGUAGES).
WAGTAIL_CONTENT_LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The site's own catalogs, then the Japanese that wagtail-localize's translation editor lacks.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail", BASE_DIR / "locale" / "wagtail_localize"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

# Publishing a Japanese page must not publish its English translation: English goes live only when
# a translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Optional machine translation in the translation editor: off unless a DeepL key is given.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", BASE_DIR / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The cache is shared by every process of the site on this host (web workers, the scheduler, a
# management command): a disk cache, so that what one process publishes every other one shows at
# once (production uses Redis across hosts). It is diskcache's, kept in SQLite: Django's
# FileBasedCache lists its whole folder on every write: 35–50 ms a write at 20,000 entries, against
# 0.1–0.15 ms here (tools/cache_bench.py).
# Its folder is named after the database it caches, so two sites on one checkout (make run, make
# serve, a test's copy of the site) never read each other's pages.
_database_identity = "|".join(str(DATABASES["default"].get(key, "")) for key in ("ENGINE", "HOST", "PORT", "NAME"))
CACHE_DIR = os.environ.get("CACHE_DIR") or str(
    BASE_DIR / "cache" / hashlib.sha256(_database_identity.encode()).hexdigest()[:16]
)
CACHES = {
    "default": {
        "BACKEND": "itrisk.disk_cache.DiskCache",
        "LOCATION": CACHE_DIR,
        # Past this size the entries stored longest ago go first.
        "OPTIONS": {"size_limit": int(os.environ.get("CACHE_SIZE_LIMIT", 2**30))},
    },
}

# Days a deleted page waits in the recycle bin before the scheduler deletes it for good.
RECYCLE_BIN_DAYS = int(os.environ.get("RECYCLE_BIN_DAYS", "90"))

# Wagtail's page editor can post many fields for a page with many scenarios or translations.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The site's name in the admin (its window title, the dashboard's welcome): the operator's site.
WAGTAIL_SITE_NAME = _("Reducing Liability Risk with Insurance")
# The site's public address (scheme, host, port), e.g. https://www.example.jp. `make run` and
# `make serve` set it from PORT; `manage.py sync_site_url` writes it into the Wagtail Site record,
# from which every absolute URL is built (sitemap, html_url and detail_url in the API).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL or "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# Headless clients. CORS is off unless CORS_ALLOWED_ORIGINS names origins (comma-separated), and
# then only for the API.
CORS_ALLOWED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if origin.strip()
]
CORS_URLS_REGEX = r"^/api/.*$"
WAGTAILAPI_LIMIT_MAX = 100

# Preview of drafts in a headless front end: off unless HEADLESS_PREVIEW_URL names the front end's
# preview page (it receives ?content_type=…&token=… and reads /api/v2/page_preview/).
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": (
        {"default": os.environ["HEADLESS_PREVIEW_URL"]} if os.environ.get("HEADLESS_PREVIEW_URL") else {}
    ),
    "ENFORCE_TRAILING_SLASH": False,
}

# The cache of whole responses for anonymous visitors and API clients (itrisk.response_cache);
# PAGE_CACHE=off turns it off. A stored answer lives at most RESPONSE_CACHE_SECONDS.
PAGE_CACHE = os.environ.get("PAGE_CACHE", "on").strip().lower() != "off"
RESPONSE_CACHE_SECONDS = int(os.environ.get("RESPONSE_CACHE_SECONDS", "60"))

# The scenarios plugin (scenarios/conf.py): the phone line is in Japan (its free-dial number, Tokyo
# time, closed on Japanese public holidays); insurance-line pages live directly under the site's home
# page; the operator info links to the site's standard pages; approvers alone may unpublish, delete
# and move pages (home/editorial/permissions.py).
SCENARIOS = {
    "COUNTRY": "JP",
    "TIME_ZONE": "Asia/Tokyo",
    "LINE_PARENT_PAGE_TYPES": ["home.HomePage"],
    "OPERATOR_PAGE_TYPES": ["home.StandardPage"],
    "PAGE_PERMISSION_TESTER": "home.editorial.permissions.EditorialPagePermissionTester",
}

# Workflow notifications: who they come from, and that they are sent at all (Wagtail's defaults,
# written out because the approval workflow of pages and shared snippets relies on them).
DEFAULT_FROM_EMAIL = "no-reply@localhost"
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_USER_LOGIN_FORM = "itrisk.admin_login.SignInForm"
