"""Preview of drafts in a headless front end, beside the site's own HTML preview.

When ``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]`` names a front end, the admin's preview panel
offers a "headless front end" mode: wagtail-headless-preview stores the draft under a signed
token and shows the front end's preview URL, and the front end reads the draft from
``/api/v2/page_preview/?content_type=…&token=…``. Without that setting nothing changes.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_headless_preview.settings import headless_preview_settings

HEADLESS_MODE = "headless"


def headless_preview_configured():
    return bool(headless_preview_settings.CLIENT_URLS)


class HeadlessPreviewModeMixin(HeadlessPreviewMixin):
    """Adds the headless preview mode to a page type, keeping the default HTML preview first."""

    @property
    def preview_modes(self):
        modes = list(super().preview_modes)
        if headless_preview_configured():
            modes.append((HEADLESS_MODE, _("Headless front end")))
        return modes

    def serve_preview(self, request, preview_mode):
        if preview_mode == HEADLESS_MODE and headless_preview_configured():
            return super().serve_preview(request, preview_mode)
        # Skip HeadlessPreviewMixin: the page's own template renders the default preview.
        return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)
