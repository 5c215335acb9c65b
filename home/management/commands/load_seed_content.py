"""``manage.py load_seed_content``: build the site's content from home/seed/content.toml.

Safe to run on every start: what was loaded before is left exactly as editors have left it.
"""

from django.core.management.base import BaseCommand

from home.seed.loader import SeedLoader


class Command(BaseCommand):
    help = "Loads the seed content (pages, snippets, English translations); a second run changes nothing."

    def handle(self, *args, **options):
        report = SeedLoader().load()
        self.stdout.write(self.style.SUCCESS(f"Seed content: {report}."))
