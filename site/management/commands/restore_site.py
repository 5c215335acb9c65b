"""``manage.py restore_site FILE``: put the site back as it was when FILE was made (see ``itrisk.backup``).

The current state is backed up first (backups/before-restore-<time>.tar.gz), so a restore can itself
be undone; then the database and the media are replaced and the database is migrated forward.
"""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from itrisk.backup import BackupError, make_backup, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Restores the database and the media from a backup made by backup_site."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup to restore.")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument("--no-safety-backup", action="store_true", help="Do not back up the current state first.")

    def handle(self, *args, **options):
        try:
            manifest = read_manifest(options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not options["no_input"]:
            answer = input(
                f"Replace this site's database and media with the backup of {manifest['created_at']}? [y/N] "
            )
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("Nothing restored.")
        try:
            if not options["no_safety_backup"]:
                stamp = f"{datetime.datetime.now():%Y%m%d-%H%M%S}"
                safety = settings.BASE_DIR / "backups" / f"before-restore-{stamp}.tar.gz"
                make_backup(safety)
                self.stdout.write(f"The state before restoring is saved in {safety}")
            restore_backup(options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        call_command("migrate", "--no-input", verbosity=0)
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} ({manifest['media_files']} media file(s))."
        )
