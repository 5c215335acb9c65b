"""``manage.py backup_site [--output FILE]``: the database and the media in one file (see ``itrisk.backup``)."""

from django.core.management.base import BaseCommand, CommandError

from itrisk.backup import BackupError, default_backup_path, make_backup


class Command(BaseCommand):
    help = "Backs up the database and the uploaded media into one .tar.gz file (default: backups/site-<time>.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Where to write the backup.")

    def handle(self, *args, **options):
        path = options["output"] or default_backup_path()
        try:
            manifest = make_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the {manifest['database']} database and {manifest['media_files']} media file(s) to {path}"
        )
