"""Generated scenarios written straight into the tables, for measuring the site with 10,000 of them.

Through the seed loader (revisions, wagtail-localize's translation records, one search-index
update per page) a scenario costs about 80 ms per language: 10,000 take half an hour. Here the
same scenarios (same text, titles, addresses, lines, loss types; the English sharing each Japanese
page's translation key) are inserted a batch at a time, live, and indexed in bulk: 10,000 per
language take about a minute. They have no revisions and no translation records, so they are for
measurements, not for editing; ``generate_scenarios --remove`` takes them away like the others.
"""

import functools
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import SeedRecord
from scenarios.models import IncidentScenarioPage, LossType, ScenarioLossType

SCENARIO_FIELDS = ("what_happened", "claim_or_payment", "payout_kind", "caveat")
LANGUAGES = ("ja", "en")


def _recorded(model, key):
    record = SeedRecord.objects.filter(key=key).first()
    return model.objects.filter(pk=record.object_id).first() if record and record.object_id else None


def _loss_types(slug):
    """The loss type of ``slug`` in each language (the English one is the Japanese one's translation)."""
    japanese = _recorded(LossType, f"loss-type:{slug}")
    if japanese is None:
        return None
    english = LossType.objects.filter(translation_key=japanese.translation_key, locale__language_code="en").first()
    return {"ja": japanese, "en": english}


def _path_step(number):
    """One step of a materialised path: ``number`` in treebeard's documented alphabet, ``steplen`` wide."""
    base = len(Page.alphabet)
    digits = ""
    while number:
        number, digit = divmod(number, base)
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def _step_number(step):
    """The number a path step stands for (the inverse of ``_path_step``)."""
    number = 0
    for digit in step:
        number = number * len(Page.alphabet) + Page.alphabet.index(digit)
    return number


class _Line:
    """One line in one language, handing out the tree paths of the children added after its last."""

    def __init__(self, page):
        self.page = page
        last = page.get_last_child()
        self.next_step = (_step_number(last.path[-Page.steplen :]) if last else 0) + 1
        self.added = 0

    def next_path(self):
        path = self.page.path + _path_step(self.next_step)
        self.next_step += 1
        self.added += 1
        return path


@transaction.atomic
def add_scenarios(content):
    """Inserts the scenarios of ``content`` (``generated_content``'s) in both languages; returns how many."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(IncidentScenarioPage)
    loss_types_of = functools.cache(_loss_types)  # a handful of loss types, asked for by every scenario
    pages, details, links, records = [], [], [], []
    lines = {}
    for line_item in content["lines"]:
        japanese = _recorded(Page, f"page:{line_item['key']}")
        english = _recorded(Page, f"page:{line_item['key']}@en")
        if japanese is None or english is None:
            continue  # a line an editor deleted gets no generated scenarios
        lines[line_item["key"]] = {"ja": _Line(japanese), "en": _Line(english)}
        for item in line_item["scenarios"]:
            translation_key = uuid.uuid4()
            loss_types = [found for found in map(loss_types_of, item["loss_types"]) if found]
            link_keys = [uuid.uuid4() for _found in loss_types]
            for language in LANGUAGES:
                line = lines[line_item["key"]][language].page
                text = item[language]
                page = Page(
                    title=text["title"],
                    draft_title=text["title"],
                    slug=item["slug"],
                    path=lines[line_item["key"]][language].next_path(),
                    depth=line.depth + 1,
                    numchild=0,
                    url_path=f"{line.url_path}{item['slug']}/",
                    locale_id=line.locale_id,
                    translation_key=translation_key,
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
                pages.append(page)
                details.append(
                    {
                        "what_happened": text["what_happened"],
                        "claim_or_payment": text["claim_or_payment"],
                        "payout_kind": item["payout_kind"],
                        "caveat": text.get("caveat", ""),
                    }
                )
                pairs = zip(link_keys, loss_types, strict=True)
                links.append([(key, found[language]) for key, found in pairs if found[language]])
                key = f"page:{item['key']}" + ("" if language == "ja" else "@en")
                records.append(SeedRecord(key=key))

    Page.objects.bulk_create(pages, batch_size=500)
    _insert_scenario_rows(pages, details)
    ScenarioLossType.objects.bulk_create(
        [
            ScenarioLossType(
                page_id=page.pk, loss_type=loss_type, sort_order=order, translation_key=key, locale_id=page.locale_id
            )
            for page, page_links in zip(pages, links, strict=True)
            for order, (key, loss_type) in enumerate(page_links)
        ],
        batch_size=500,
    )
    for record, page in zip(records, pages, strict=True):
        record.object_id = page.pk
    SeedRecord.objects.bulk_create(records, batch_size=500)
    for by_language in lines.values():
        for line in by_language.values():
            Page.objects.filter(pk=line.page.pk).update(numchild=F("numchild") + line.added)
    _index([page.pk for page in pages])
    return len(pages) // len(LANGUAGES)


def _insert_scenario_rows(pages, details):
    """The scenario table's own rows (Django's ``bulk_create`` does not write multi-table children)."""
    table = IncidentScenarioPage._meta.db_table
    columns = ["page_ptr_id", *SCENARIO_FIELDS]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    rows = [[page.pk, *(row[name] for name in SCENARIO_FIELDS)] for page, row in zip(pages, details, strict=True)]
    statement = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)


def _index(ids, batch=500):
    backend = get_search_backend()
    for first in range(0, len(ids), batch):
        scenarios = IncidentScenarioPage.objects.filter(pk__in=ids[first : first + batch])
        backend.add_bulk(IncidentScenarioPage, IncidentScenarioPage.with_lines(scenarios))
