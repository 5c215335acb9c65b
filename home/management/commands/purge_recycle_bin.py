"""``manage.py purge_recycle_bin [--days N]``: delete for good what has waited in the recycle bin
longer than N days (default 90), with everything it held. Meant for cron or a systemd timer."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home.editorial.recycle_bin import purge


class Command(BaseCommand):
    help = "Deletes for good the pages that went into the recycle bin more than --days days ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90, help="how long deleted pages are kept (default 90)")

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days cannot be negative.")
        purged = purge(timezone.now() - datetime.timedelta(days=days))
        self.stdout.write(f"Deleted {purged} page(s) for good.")
