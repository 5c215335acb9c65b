"""Which translations wait for a translator: some of their source's text has no translation yet."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from wagtail_localize.models import StringSegment, Translation


@dataclass
class WaitingTranslation:
    translation: Translation
    missing: int
    total: int

    @property
    def source_object(self):
        return self.translation.source.get_source_instance()

    @property
    def edit_url(self):
        return self.translation.get_target_instance_edit_url()


def translations_needing_work(limit=50):
    """Enabled translations with untranslated segments, most recently changed source first.

    One query for the translations and one per target language for the counts.
    """
    translations = list(
        Translation.objects.filter(enabled=True)
        .select_related("source", "target_locale")
        .order_by("-source__last_updated_at")
    )
    by_locale = defaultdict(list)
    for translation in translations:
        by_locale[translation.target_locale].append(translation)

    counts = {}
    for locale, items in by_locale.items():
        rows = (
            StringSegment.objects.filter(source_id__in=[item.source_id for item in items])
            .annotate_translation(locale)
            .values("source_id")
            .annotate(total=Count("pk"), missing=Count("pk", filter=Q(translation__isnull=True)))
        )
        for row in rows:
            counts[(row["source_id"], locale.pk)] = (row["missing"], row["total"])

    waiting = []
    for translation in translations:
        missing, total = counts.get((translation.source_id, translation.target_locale_id), (0, 0))
        if missing:
            waiting.append(WaitingTranslation(translation, missing, total))
    return waiting[:limit]
