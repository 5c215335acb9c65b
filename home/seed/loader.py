"""Builds the site's content from ``content.toml``: the page tree and snippets in Japanese, and their
English translations through wagtail-localize's own records.

Every item the loader creates is written to the ``SeedRecord`` ledger under the seed's key. An item
already in the ledger is never created or changed again, so a second run changes nothing and no
editor's later change (an edit, a new slug, a move, a deletion) is undone. A new item added to
``content.toml`` is created by the next run.

English is written as wagtail-localize would write it after a translator's work: a
TranslationSource for the Japanese object, a Translation to English, one StringTranslation per
segment (title and slug included), then ``save_target``. The translation editor then shows every
segment as translated, and a later change to the Japanese source is tracked for the translator.
An item is translated in the same transaction that creates it, so its Japanese text is still the
seed's; an English translation someone made by other means is never replaced.
"""

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page, Revision, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings

from scenarios.models import (
    ContactHours,
    IncidentScenarioPage,
    InsuranceLineIndexPage,
    LossType,
    OperatorInfo,
    ScenarioLossType,
    SearchSynonym,
)

from ..editorial import follow_source
from ..editorial.roles import grant_page_roles
from ..models import HomePage, SeedRecord, StandardPage

CONTENT_FILE = Path(__file__).with_name("content.toml")
SOURCE_LANGUAGE = "ja"
TARGET_LANGUAGE = "en"


def read_content(path=CONTENT_FILE):
    with open(path, "rb") as content_file:
        return tomllib.load(content_file)


@dataclass
class LoadReport:
    """What one run did, for the command's output and for tests."""

    created: list = field(default_factory=list)
    translated: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    def __str__(self):
        return (
            f"created {len(self.created)}, translated {len(self.translated)}, "
            f"already loaded or left to editors {len(self.skipped)}"
        )


class SeedLoader:
    def __init__(self, content=None):
        self.content = content if content is not None else read_content()
        self.report = LoadReport()
        self.source_locale = None
        self.target_locale = None
        # Instances created or found by key in this run, for parents, links and translations.
        self.instances = {}
        # (key, instance, English field values) in the order translations must be made.
        self.to_translate = []

    @transaction.atomic
    def load(self):
        self.source_locale = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)[0]
        self.target_locale = Locale.objects.get_or_create(language_code=TARGET_LANGUAGE)[0]
        home = self._load_home(self.content["home"])
        for item in self.content.get("standard_pages", []):
            self._load_page(item, home, StandardPage, body=RichText(item["ja"]["body"]).source)
        for item in self.content.get("loss_types", []):
            self._load_loss_type(item)
        for line_item in self.content.get("lines", []):
            line = self._load_page(
                line_item, home, InsuranceLineIndexPage, coverage_summary=line_item["ja"]["coverage_summary"]
            )
            for scenario_item in line_item.get("scenarios", []):
                self._load_scenario(scenario_item, line)
        for item in self.content.get("search_synonyms", []):
            self._load_search_synonym(item)
        self._load_contact_hours(self.content["contact_hours"])
        self._load_operator_info(self.content["operator_info"])
        for key, instance, english in self.to_translate:
            self._translate(key, instance, english)
        self._grant_page_roles(home)
        return self.report

    def _grant_page_roles(self, home):
        """Editorial page permissions and the approval workflow, once both home pages exist."""
        key = "roles:page-permissions"
        if home is None or self._is_loaded(key):
            return
        home_by_language = {
            page.locale.language_code: page for page in home.get_translations(inclusive=True).select_related("locale")
        }
        if {SOURCE_LANGUAGE, TARGET_LANGUAGE} <= set(home_by_language):
            grant_page_roles(home_by_language)
            self._record(key)
            self.report.created.append(key)

    # --- the ledger --------------------------------------------------------------------------

    def _is_loaded(self, key):
        if SeedRecord.objects.filter(key=key).exists():
            self.report.skipped.append(key)
            return True
        return False

    def _record(self, key, instance=None):
        SeedRecord.objects.create(key=key, object_id=getattr(instance, "pk", None))

    def _recorded_instance(self, key, model):
        """The object an earlier run created for ``key``, if it still exists."""
        record = SeedRecord.objects.filter(key=key).first()
        if record is None or record.object_id is None:
            return None
        return model.objects.filter(pk=record.object_id).first()

    # --- Japanese content ----------------------------------------------------------------------

    def _load_home(self, item):
        key = f"page:{item['key']}"
        if self._is_loaded(key):
            return self._recorded_instance(key, HomePage)
        root = Page.get_first_root_node()
        self._remove_wagtail_welcome_page(root)
        home = HomePage(
            title=item["ja"]["title"], slug=item["slug"], intro=item["ja"]["intro"], locale=self.source_locale
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        # The site's name, as the dashboard greets editors with it (else the host name).
        site_name = self.content["operator_info"]["ja"]["site_name"]
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name
            )
        else:
            site.root_page = home
            site.site_name = site.site_name or site_name
            site.save()
        self._created(key, home, item["en"])
        return home

    @staticmethod
    def _remove_wagtail_welcome_page(root):
        """Wagtail's migrations leave a plain "Welcome" page as the site root; the home page replaces it."""
        for page in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            if page.numchild == 0:
                Site.objects.filter(root_page=page).update(root_page=root)
                page.delete()

    def _load_page(self, item, parent, model, **fields):
        key = f"page:{item['key']}"
        if self._is_loaded(key):
            page = self._recorded_instance(key, model)
            if page is not None:
                self.instances[item["key"]] = page
            return page
        if parent is None:
            self.report.skipped.append(key)  # its parent was deleted by an editor
            return None
        page = model(title=item["ja"]["title"], slug=item["slug"], locale=self.source_locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.instances[item["key"]] = page
        self._created(key, page, item["en"])
        return page

    def _load_scenario(self, item, line):
        key = f"page:{item['key']}"
        if self._is_loaded(key):
            return
        if line is None:
            self.report.skipped.append(key)  # its line was deleted by an editor
            return
        loss_types = LossType.objects.filter(slug__in=item["loss_types"], locale=self.source_locale)
        loss_types_by_slug = {loss_type.slug: loss_type for loss_type in loss_types}
        page = IncidentScenarioPage(
            title=item["ja"]["title"],
            slug=item["slug"],
            locale=self.source_locale,
            what_happened=item["ja"]["what_happened"],
            claim_or_payment=item["ja"]["claim_or_payment"],
            payout_kind=item["payout_kind"],
            caveat=item["ja"].get("caveat", ""),
        )
        slugs = [slug for slug in item["loss_types"] if slug in loss_types_by_slug]
        page.loss_type_links = [
            ScenarioLossType(loss_type=loss_types_by_slug[slug], sort_order=order) for order, slug in enumerate(slugs)
        ]
        line.add_child(instance=page)
        page.save_revision().publish()
        self._created(key, page, item["en"])

    def _load_loss_type(self, item):
        key = f"loss-type:{item['slug']}"
        if self._is_loaded(key):
            return
        loss_type = LossType.objects.create(
            name=item["ja"]["name"],
            slug=item["slug"],
            description=item["ja"].get("description", ""),
            locale=self.source_locale,
        )
        self._created(key, loss_type, item["en"])

    def _load_search_synonym(self, item):
        key = f"search-synonym:{item['key']}"
        if self._is_loaded(key):
            return
        synonym = SearchSynonym.objects.create(terms=", ".join(item["terms"]))
        self._record(key, synonym)
        self.report.created.append(key)

    def _load_contact_hours(self, item):
        key = f"snippet:{item['key']}"
        if self._is_loaded(key):
            return
        hours = ContactHours(
            heading=item["ja"]["heading"],
            phone_label=item["ja"].get("phone_label", ""),
            phone_number=item["phone_number"],
            open_weekdays=item["open_weekdays"],
            opens_at=datetime.time.fromisoformat(item["opens_at"]),
            closes_at=datetime.time.fromisoformat(item["closes_at"]),
            closed_on_national_holidays=item["closed_on_national_holidays"],
            note=item["ja"].get("note", ""),
            locale=self.source_locale,
        )
        self._save_and_publish_snippet(hours)
        self._created(key, hours, item["en"])

    def _load_operator_info(self, item):
        key = f"snippet:{item['key']}"
        if self._is_loaded(key):
            return
        operator = OperatorInfo(
            operator_name=item["ja"]["operator_name"],
            site_name=item["ja"]["site_name"],
            site_manager_name=item["ja"].get("site_manager_name", ""),
            scenario_disclaimer=item["ja"]["scenario_disclaimer"],
            operator_page=self._page_for_key(item.get("operator_page")),
            site_manager_page=self._page_for_key(item.get("site_manager_page")),
            privacy_policy_page=self._page_for_key(item.get("privacy_policy_page")),
            locale=self.source_locale,
        )
        self._save_and_publish_snippet(operator)
        self._created(key, operator, item["en"])

    def _page_for_key(self, key):
        if key is None:
            return None
        return self.instances.get(key) or self._recorded_instance(f"page:{key}", Page)

    @staticmethod
    def _save_and_publish_snippet(snippet):
        snippet.live = False
        snippet.save()
        snippet.save_revision().publish()

    def _created(self, key, instance, english):
        self._record(key, instance)
        self.report.created.append(key)
        self.to_translate.append((key, instance, english))

    # --- English, through wagtail-localize -----------------------------------------------------

    def _translate(self, key, instance, english):
        translation_key = f"{key}@{TARGET_LANGUAGE}"
        if self._is_loaded(translation_key):
            return
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, created = Translation.objects.get_or_create(
            source=source, target_locale=self.target_locale, defaults={"enabled": True}
        )
        if created:
            self._write_string_translations(source, instance, english)
            # Objects without drafts can only be saved live; the others are published just below.
            translation.save_target(publish=not isinstance(instance, DraftStateMixin))
            self._publish_latest_revision(translation.get_target_instance())
            # What follows the source (the operator's pages: the English ones) follows it as on a publish.
            follow_source.copy_to_translations(type(instance), instance=instance)
        self._record(translation_key, translation.get_target_instance())
        self.report.translated.append(translation_key)

    @staticmethod
    def _publish_latest_revision(target):
        """Publishes the translation now, from a revision read back from the database.

        ``save_target(publish=True)`` defers publishing to the end of the transaction, with the
        page as it was in memory then: inside one loader transaction that would publish pages with
        a stale child count and break the English tree.
        """
        if isinstance(target, DraftStateMixin):
            Revision.objects.get(pk=target.latest_revision_id).publish()

    def _write_string_translations(self, source, instance, english):
        """One StringTranslation per segment whose Japanese text is still the seed's."""
        segments_by_path = {}
        for segment in (
            StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
        ):
            segments_by_path.setdefault(segment.context.path, []).append(segment)

        for path, segments in segments_by_path.items():
            english_strings = self._english_strings(instance, path, english)
            if english_strings is None or len(english_strings) != len(segments):
                continue
            for segment, text in zip(segments, english_strings, strict=True):
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=self.target_locale,
                    context=segment.context,
                    defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
                )

    @staticmethod
    def _english_strings(instance, path, english):
        """The English segment texts for a field, or None where the seed has none to give."""
        if path == "slug":
            return [StringValue.from_plaintext(instance.slug).data]
        if path not in english:
            return None
        value = english[path]
        if value.lstrip().startswith("<"):  # rich text: one segment per block, as wagtail-localize splits it
            _template, strings = extract_strings(value)
            return [string.data for string, _attrs in strings]
        return [StringValue.from_plaintext(value).data]
