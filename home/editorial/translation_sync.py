"""Keeps translations in step with their Japanese source where they must never differ.

Text: publishing Japanese content refreshes wagtail-localize's copy of the source, so translators
see what changed. Privacy: a view restriction set on a Japanese page is copied to its translations
at once, so the English version of a private page is never public.


wagtail-localize re-reads a source only when someone presses "Sync translated pages". Here,
publishing Japanese content does it: the TranslationSource is updated from the published object,
so every changed segment shows as untranslated in the English translation editor, while the
English of unchanged segments is kept. Nothing is saved to the English page or snippet, and
nothing is published in English: that stays the translator's decision.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, TranslatableMixin
from wagtail.signals import page_published, published
from wagtail_localize.models import TranslationSource

from . import follow_source


def update_translation_source(sender, instance, **kwargs):
    if not isinstance(instance, TranslatableMixin) or instance.locale_id != Locale.get_default().pk:
        return
    instance = instance.specific if hasattr(instance, "specific") else instance
    if TranslationSource.objects.get_for_instance_or_none(instance) is None:
        return  # never submitted for translation: nothing to keep in sync
    TranslationSource.update_or_create_from_instance(instance)


def copy_view_restrictions_to_translations(page):
    """Make the view restrictions of each translation of ``page`` equal to the page's own.

    Existing restrictions are updated in place (so a visitor who entered an English password keeps
    access while it stays the same), extra ones deleted, missing ones created.
    """
    source = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups").order_by("pk"))
    for translation in page.get_translations():
        existing = list(PageViewRestriction.objects.filter(page=translation).order_by("pk"))
        for restriction in existing[len(source) :]:
            restriction.delete()
        for index, original in enumerate(source):
            copy = existing[index] if index < len(existing) else PageViewRestriction(page=translation)
            copy.restriction_type = original.restriction_type
            copy.password = original.password
            copy.save()
            copy.groups.set(original.groups.all())


def _sync_from(restriction):
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is not None and page.locale_id == Locale.get_default().pk:
        copy_view_restrictions_to_translations(page)


def view_restriction_saved(sender, instance, **kwargs):
    _sync_from(instance)


def view_restriction_deleted(sender, instance, origin=None, **kwargs):
    if origin is instance:  # not when its page is being deleted: the translations keep theirs
        _sync_from(instance)


def view_restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        _sync_from(instance)


def connect():
    page_published.connect(follow_source.copy_to_translations, dispatch_uid="itrisk_follow_page_source")
    published.connect(follow_source.copy_to_translations, dispatch_uid="itrisk_follow_snippet_source")
    page_published.connect(update_translation_source, dispatch_uid="itrisk_sync_page_source")
    published.connect(update_translation_source, dispatch_uid="itrisk_sync_snippet_source")
    post_save.connect(view_restriction_saved, sender=PageViewRestriction, dispatch_uid="itrisk_privacy_saved")
    post_delete.connect(view_restriction_deleted, sender=PageViewRestriction, dispatch_uid="itrisk_privacy_deleted")
    m2m_changed.connect(
        view_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="itrisk_privacy_groups",
    )
