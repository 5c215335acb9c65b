"""``manage.py ensure_admin``: make sure the development accounts exist and print their logins.

The admin, and one demo account per editorial role (editor, translator, approver). For local
development only (``make run``): it refuses to run with DEBUG off, and production refuses to start
while such an account exists (``itrisk.demo_accounts``).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from itrisk.demo_accounts import ADMIN, ROLE_ACCOUNTS


class Command(BaseCommand):
    help = "Creates the development admin and demo role accounts if they are missing, and prints their logins."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the site is served.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for local development only (DEBUG is off).")
        user_model = get_user_model()
        lines = [f"Admin: {options['url']}/admin/"]
        username, password = ADMIN
        if not user_model.objects.filter(username=username).exists():
            user_model.objects.create_superuser(username, email="admin@localhost", password=password)
        lines.append(f"  {username:<11} {password:<22} superuser")
        for username, password, group_name in ROLE_ACCOUNTS:
            user = user_model.objects.filter(username=username).first()
            if user is None:
                user = user_model.objects.create_user(username, email=f"{username}@localhost", password=password)
            user.groups.add(Group.objects.get(name=group_name))
            lines.append(f"  {username:<11} {password:<22} {group_name}")
        lines.append("  (passwords as created; a password you changed stays changed)")
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
