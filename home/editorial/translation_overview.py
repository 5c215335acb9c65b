"""Which content lacks its translation, or has one that is out of date: pages and shared snippets
in one list, and who may start or continue each translation.

A translator works from this list, not from the Japanese pages (which they may not open): a row
says what the English lacks, and its button starts the translation (wagtail-localize's own records,
as its "Translate" menu would) or opens the translation editor. The list is computed in a fixed
number of queries however many pages there are: one per model for the sources and their
translations, and one per target language for the untranslated segments.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import StringSegment, Translation

from scenarios.models import ContactHours, LossType, OperatorInfo

SNIPPET_MODELS = (ContactHours, OperatorInfo, LossType)

MISSING = "missing"
OUTDATED = "outdated"
UNPUBLISHED = "unpublished"
CURRENT = "current"
STATUS_LABELS = {
    MISSING: _("No translation yet"),
    OUTDATED: _("Out of date"),
    UNPUBLISHED: _("Translated, not published"),
    CURRENT: _("Up to date"),
}
NEEDS_WORK = (MISSING, OUTDATED, UNPUBLISHED)


@dataclass
class Row:
    source: object
    target: object | None
    status: str
    untranslated: int = 0
    segments: int = 0

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def type_label(self):
        model = self.source.specific_class if isinstance(self.source, Page) else type(self.source)
        return model._meta.verbose_name if model else _("page")

    @property
    def content_type_id(self):
        if isinstance(self.source, Page):
            return self.source.content_type_id
        return ContentType.objects.get_for_model(type(self.source)).pk

    @property
    def title(self):
        return self.source.get_admin_display_title() if isinstance(self.source, Page) else str(self.source)


def overview(target_locale, statuses=NEEDS_WORK):
    """Rows for every source-language page (below the language root) and shared snippet whose
    translation into ``target_locale`` has one of ``statuses``: pages first, in tree order."""
    source_locale = Locale.get_default()
    pages = Page.objects.filter(locale=source_locale, depth__gt=2).order_by("path")
    groups = [(Page, pages)] + [
        (model, model.objects.filter(locale=source_locale).order_by("pk")) for model in SNIPPET_MODELS
    ]
    untranslated = _untranslated_counts(target_locale)
    rows = []
    for model, sources in groups:
        sources = list(sources)
        targets = {
            target.translation_key: target
            for target in model.objects.filter(
                locale=target_locale, translation_key__in=[source.translation_key for source in sources]
            )
        }
        for source in sources:
            row = _row(source, targets.get(source.translation_key), untranslated)
            if row.status in statuses:
                rows.append(row)
    return rows


def _row(source, target, untranslated):
    missing, total = untranslated.get(source.translation_key, (0, 0))
    if target is None:
        status = MISSING
    elif missing:
        status = OUTDATED
    elif getattr(source, "live", True) and not getattr(target, "live", True):
        status = UNPUBLISHED
    else:
        status = CURRENT
    return Row(source, target, status, missing, total)


def _untranslated_counts(target_locale):
    """{translation key of the source: (untranslated segments, all segments)} for enabled
    translations into ``target_locale``."""
    translations = Translation.objects.filter(enabled=True, target_locale=target_locale).values_list(
        "source_id", "source__object_id"
    )
    key_by_source = dict(translations)
    rows = (
        StringSegment.objects.filter(source_id__in=list(key_by_source))
        .annotate_translation(target_locale)
        .values("source_id")
        .annotate(total=Count("pk"), missing=Count("pk", filter=Q(translation__isnull=True)))
    )
    return {key_by_source[row["source_id"]]: (row["missing"], row["total"]) for row in rows}


def may_translate(user, source, target_locale):
    """Whether ``user`` may start or continue the translation of ``source`` into ``target_locale``:
    pages where they may add pages under the translated parent, snippets where they may change
    snippets of that language (``home.editorial.permissions``)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    if isinstance(source, Page):
        parent = source.get_parent().get_translation_or_none(target_locale)
        return parent is not None and parent.permissions_for_user(user).can_add_subpage()
    policy = policy_registry.get_by_type(type(source))
    if not policy.user_has_permission(user, "change"):
        return False
    return not hasattr(policy, "locale_ids_for") or target_locale.pk in policy.locale_ids_for(user, "change")
