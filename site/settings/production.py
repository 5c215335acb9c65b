"""Production: everything secret or machine-specific comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated). Optional: DATABASE_URL (PostgreSQL in a
real deployment; SQLite when unset, for single-machine measurements), REDIS_URL (shared cache for
several app servers), SECURE_SSL_REDIRECT (off when TLS ends in front of the app and the proxy
does not forward the scheme).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _require(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production settings.")
    return value


def _flag(name, default):
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = _require("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _require("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]

# Several app servers share Redis as their cache (one host shares the disk cache of base.py).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "itrisk",
        },
    }

# A CDN or caching proxy in front: Wagtail purges a page's address there when it is published.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

# Database connections are kept between requests (checked before reuse), not opened per request.
for _database in DATABASES.values():  # noqa: F405
    _database["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "600"))
    _database["CONN_HEALTH_CHECKS"] = True

STAFF_TWO_FACTOR = _flag("STAFF_TWO_FACTOR", "true")

# Workflow notifications (a change waits for approval, was approved or rejected) go out by SMTP.
# Without EMAIL_HOST they are written to the log instead, so nothing fails for want of a server.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _flag("EMAIL_USE_TLS", "true")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", "true")
SESSION_COOKIE_SECURE = _flag("SECURE_COOKIES", "true")
CSRF_COOKIE_SECURE = _flag("SECURE_COOKIES", "true")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", "true")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# One line per request with its timing (itrisk.middleware.RequestLogMiddleware), outermost so that
# it times everything, and every log record to the console with its level for the log collector.
MIDDLEWARE = ["itrisk.middleware.RequestLogMiddleware", *MIDDLEWARE]  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Django logs every 4xx and 5xx itself; the request log already has them.
    "loggers": {"django.request": {"level": "ERROR"}},
}
