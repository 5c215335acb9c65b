"""Local development: DEBUG on, a fixed throwaway key, any loopback host."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-2c7f9e1a"  # noqa: S105 - never used outside local development
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
