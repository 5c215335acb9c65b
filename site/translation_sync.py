"""Keeps wagtail-localize's copy of a Japanese source current, so translators see what changed.

wagtail-localize re-reads a source only when someone presses "Sync translated pages". Here,
publishing Japanese content does it: the TranslationSource is updated from the published object,
so every changed segment shows as untranslated in the English translation editor, while the
English of unchanged segments is kept. Nothing is saved to the English page or snippet, and
nothing is published in English: that stays the translator's decision.
"""

from wagtail.models import Locale, TranslatableMixin
from wagtail.signals import page_published, published
from wagtail_localize.models import TranslationSource


def update_translation_source(sender, instance, **kwargs):
    if not isinstance(instance, TranslatableMixin) or instance.locale_id != Locale.get_default().pk:
        return
    instance = instance.specific if hasattr(instance, "specific") else instance
    if TranslationSource.objects.get_for_instance_or_none(instance) is None:
        return  # never submitted for translation: nothing to keep in sync
    TranslationSource.update_or_create_from_instance(instance)


def connect():
    page_published.connect(update_translation_source, dispatch_uid="itrisk_sync_page_source")
    published.connect(update_translation_source, dispatch_uid="itrisk_sync_snippet_source")



