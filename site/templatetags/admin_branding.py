"""The site's name in the admin's own templates (Wagtail's custom branding blocks)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def site_name():
    """``WAGTAIL_SITE_NAME``, in the editor's language."""
    return settings.WAGTAIL_SITE_NAME
