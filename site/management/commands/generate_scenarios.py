"""``manage.py generate_scenarios N``: N more scenarios in each language, to measure the site at scale.

Each generated scenario copies a seed scenario's text word for word under a numbered headline and
address (``generated-<n>``), the lines taking turns, and is loaded by the seed loader: the Japanese
page published, the English written through wagtail-localize's translation records as the seed's
own English is. Running it again adds N more. ``--bulk`` writes the same scenarios straight into
the tables, without revisions or translation records (``home.seed.bulk``): 10,000 in a minute
rather than half an hour, for measurements. ``--remove`` deletes every generated scenario in both
languages (measurement data: not kept in the recycle bin) and its loader records.
"""

import copy
import itertools

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from home.models import SeedRecord
from home.seed.bulk import add_scenarios as bulk_add
from home.seed.loader import SeedLoader, read_content
from itrisk.response_cache import mark_changed

PREFIX = "generated-"
BATCH = 200  # scenarios per loader transaction
BULK_BATCH = 2000  # scenarios per transaction with --bulk
REMOVE_BATCH = 500  # pages per delete


class Command(BaseCommand):
    help = "Adds N generated scenarios per language (spread over the lines), or removes them with --remove."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, nargs="?", default=0, help="scenarios to add in each language")
        parser.add_argument("--remove", action="store_true", help="delete every generated scenario")
        parser.add_argument(
            "--bulk", action="store_true", help="write them straight into the tables (for measurements; no revisions)"
        )

    def handle(self, *args, count, remove, bulk, **options):
        if remove:
            self.stdout.write(f"Removed {remove_generated()} generated scenario page(s).")
            return
        if count < 1:
            raise CommandError("Say how many scenarios to add, e.g. generate_scenarios 1000.")
        start = SeedRecord.objects.filter(key__startswith=f"page:{PREFIX}").exclude(key__contains="@").count()
        batch = BULK_BATCH if bulk else BATCH
        for first in range(start, start + count, batch):
            content = generated_content(first, min(batch, start + count - first))
            if bulk:
                bulk_add(content)
            else:
                SeedLoader(content).load()
            self.stdout.write(f"{min(first + batch, start + count) - start} of {count} added")
        call_command("analyze_database", stdout=self.stdout)
        # Written without Wagtail's signals (--bulk): every stored answer of every language is stale.
        mark_changed(*(f"{tag}:{code}" for tag in ("lang", "search") for code, _name in settings.LANGUAGES))
        self.stdout.write(f"Added {count} scenarios in each language ({start + count} generated in all).")


def generated_content(first, count):
    """The seed content with, in place of the seed scenarios, ``count`` copies numbered from ``first``."""
    content = read_content()
    seeds = [scenario for line in content["lines"] for scenario in line["scenarios"]]
    for line in content["lines"]:
        line["scenarios"] = []
    lines = itertools.cycle(content["lines"])
    for _skip in range(first % len(content["lines"])):
        next(lines)
    for number in range(first, first + count):
        item = copy.deepcopy(seeds[number % len(seeds)])
        item["key"] = item["slug"] = f"{PREFIX}{number}"
        item["ja"]["title"] = f"{item['ja']['title']}（例 {number}）"
        item["en"]["title"] = f"{item['en']['title']} (example {number})"
        next(lines)["scenarios"].append(item)
    return content


def remove_generated():
    with transaction.atomic():
        records = SeedRecord.objects.filter(key__startswith=f"page:{PREFIX}")
        ids = [record.object_id for record in records if record.object_id is not None]
        removed = 0
        for first in range(0, len(ids), REMOVE_BATCH):
            pages = Page.objects.filter(pk__in=ids[first : first + REMOVE_BATCH])
            removed += pages.count()
            pages.delete()
        records.delete()
    return removed
