"""``manage.py ensure_admin``: make sure the development admin account exists and print its login.

For local development only (``make run``): it refuses to run with DEBUG off, so a production
deployment can never get an account with a published password.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin-dev-only"  # noqa: S105 - printed on purpose; development only


class Command(BaseCommand):
    help = "Creates the development admin account if it is missing, and prints its login."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the site is served.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for local development only (DEBUG is off).")
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None:
            user_model.objects.create_superuser(USERNAME, email="admin@localhost", password=PASSWORD)
            note = ""
        else:
            note = " (unless you have changed it)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: {options['url']}/admin/  user: {USERNAME}  password: {PASSWORD}{note}"
            )
        )
