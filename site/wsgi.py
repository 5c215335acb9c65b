"""WSGI entry point; gunicorn serves ``itrisk.wsgi:application``.

Without DEBUG it refuses to start while a development account still has its published password.
"""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itrisk.settings.dev")

application = get_wsgi_application()

if not settings.DEBUG:
    from .demo_accounts import accounts_with_published_passwords, refusal_message

    if usernames := accounts_with_published_passwords():
        raise ImproperlyConfigured(refusal_message(usernames))
