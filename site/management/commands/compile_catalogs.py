"""``manage.py compile_catalogs``: compile the project's and its apps' .po files to .mo.

Django's own ``compilemessages`` needs GNU gettext's msgfmt, which a fresh machine with only Python
does not have; polib (already required by wagtail-localize) writes the same .mo files. Only
catalogs whose .mo is missing or older than the .po are compiled.
"""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

OWN_APPS = ("itrisk", "home", "scenarios")


def catalog_dirs():
    dirs = [Path(path) for path in settings.LOCALE_PATHS]
    dirs += [Path(config.path) / "locale" for config in apps.get_app_configs() if config.label in OWN_APPS]
    return [path for path in dirs if path.is_dir()]


class Command(BaseCommand):
    help = "Compiles the project's gettext catalogs (.po to .mo) without needing GNU gettext."

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in catalog_dirs():
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalog(s).")
