"""WSGI entry point; gunicorn serves ``itrisk.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itrisk.settings.dev")

application = get_wsgi_application()
