"""Which stored answers each change makes stale (the tags of ``itrisk.response_cache``; every change
makes every API answer stale too).

- A scenario published, unpublished or deleted: the scenario, the pages above it (its line lists
  it, the home page lists every scenario) and the finder, in its language and in the languages of
  its translations (their language switchers link it).
- Any other page (a line, a standard page, the home page): every page of its languages, whose
  headers and footers may link it.
- A move or a change of privacy: every page of the languages concerned (listings, links, search).
- A shared snippet published (contact hours, operator info) or a loss type saved: every page of
  its language and of its translations' (the Japanese source's hours reach English at once).
- A search synonym saved or deleted: the finder in every language.
- A site's address changed or a language added: everything.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move, published

from .response_cache import mark_changed


def language_codes(instance):
    """The language of ``instance`` and of its translations."""
    if not isinstance(instance, TranslatableMixin):
        return set()
    model = type(instance)
    translations = model.objects.filter(translation_key=instance.translation_key)
    return set(translations.values_list("locale__language_code", flat=True)) | {instance.locale.language_code}


def tags_for_page(page):
    from scenarios.models import IncidentScenarioPage

    codes = language_codes(page)
    if not isinstance(page.specific_deferred, IncidentScenarioPage):
        return {f"lang:{code}" for code in codes}
    pages = Page.objects.filter(translation_key=page.translation_key).only("path")
    paths = {page.path} | {translation.path for translation in pages}
    ancestors = {path[:end] for path in paths for end in range(Page.steplen, len(path) + 1, Page.steplen)}
    return {f"page:{path}" for path in ancestors} | {f"search:{code}" for code in codes}


def page_changed(sender, instance, **kwargs):
    mark_changed(*tags_for_page(instance))
    if Site.objects.filter(root_page__translation_key=instance.translation_key).exists():
        # Saving a site's root page empties Wagtail's cache of the site root paths, which every URL
        # needs: filled again here, once committed, rather than by the next visitor.
        transaction.on_commit(Site.get_site_root_paths)


def page_deleted(sender, instance, origin=None, **kwargs):
    if isinstance(instance, Page) and type(instance) is Page:  # once per page, for its base row
        mark_changed(f"lang:{instance.locale.language_code}", f"search:{instance.locale.language_code}")


def page_moved(sender, instance, **kwargs):
    mark_changed(*{f"lang:{code}" for code in language_codes(instance)})


def privacy_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        mark_changed(*{f"lang:{code}" for code in language_codes(page)})


def snippet_changed(sender, instance, **kwargs):
    from scenarios.models import SearchSynonym

    if isinstance(instance, Page):
        return
    if isinstance(instance, SearchSynonym):
        mark_changed(*(f"search:{code}" for code, _name in settings.LANGUAGES))
    elif isinstance(instance, TranslatableMixin):
        mark_changed(*{f"lang:{code}" for code in language_codes(instance)})


def every_language_changed(sender, instance, **kwargs):
    mark_changed(*(f"{tag}:{code}" for tag in ("lang", "search") for code, _name in settings.LANGUAGES))


def connect():
    from scenarios.models import LossType, SearchSynonym

    page_published.connect(page_changed, dispatch_uid="itrisk_cache_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="itrisk_cache_page_unpublished")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="itrisk_cache_page_deleted")
    post_page_move.connect(page_moved, dispatch_uid="itrisk_cache_page_moved")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid=f"itrisk_cache_privacy_{name}")
        signal.connect(snippet_changed, sender=LossType, dispatch_uid=f"itrisk_cache_loss_type_{name}")
        signal.connect(snippet_changed, sender=SearchSynonym, dispatch_uid=f"itrisk_cache_synonym_{name}")
    published.connect(snippet_changed, dispatch_uid="itrisk_cache_snippet_published")
    for model in (Site, Locale):
        post_save.connect(every_language_changed, sender=model, dispatch_uid=f"itrisk_cache_{model.__name__}_saved")
