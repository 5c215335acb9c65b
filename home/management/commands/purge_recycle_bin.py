"""``manage.py purge_recycle_bin [--days N]``: delete for good what has waited in the recycle bin
longer than N days (default: the RECYCLE_BIN_DAYS setting, 90), with everything it held. The
scheduler runs it every minute (``manage.py run_scheduler``)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home.editorial.recycle_bin import purge


class Command(BaseCommand):
    help = "Deletes for good the pages that went into the recycle bin more than --days days ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="how long deleted pages are kept (default RECYCLE_BIN_DAYS)")

    def handle(self, *args, days, **options):
        if days is None:
            days = settings.RECYCLE_BIN_DAYS
        if days < 0:
            raise CommandError("--days cannot be negative.")
        purged = purge(timezone.now() - datetime.timedelta(days=days))
        if purged or options["verbosity"] > 1:
            self.stdout.write(f"Deleted {purged} page(s) for good.")
