"""Template tags of the admin screens the site changes: what a delete takes, and a page's or
snippet's other language versions."""

from django import template
from wagtail.models import Page

from ..editorial.recycle_bin import deleted_together

register = template.Library()


@register.simple_tag
def pages_deleted_with(page):
    """Each language version one delete of ``page`` takes, with how many pages lie under it."""
    return [
        {"page": version, "descendant_count": version.get_descendant_count()}
        for version in deleted_together(page)
    ]


@register.simple_tag
def other_language_versions(instance):
    """The translations of ``instance`` (a page or a translatable snippet), each with whether it is
    live and, for a live page, its address: every one, not only those the viewer may edit, so an
    approver sees the English version they would take down with a Japanese page."""
    if instance is None or instance.pk is None or not hasattr(instance, "get_translations"):
        return []
    translations = instance.get_translations().select_related("locale").order_by("locale_id")
    versions = []
    for translation in translations:
        live = getattr(translation, "live", True)
        versions.append({
            "locale": translation.locale,
            "live": live,
            "url": translation.get_url() if isinstance(translation, Page) and live else None,
        })
    return versions
