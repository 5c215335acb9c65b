"""Preview of drafts in a headless front end, beside the site's own HTML preview. Optional.

With ``wagtail_headless_preview`` in INSTALLED_APPS and ``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]``
naming a front end, the admin's preview panel offers a "headless front end" mode:
wagtail-headless-preview stores the draft under a signed token and shows the front end's preview
URL, and the front end reads the draft from ``/api/v2/page_preview/?content_type=…&token=…`` (or
``/api/v3/page_preview/``). Without the app, the page types keep Wagtail's own preview and those
endpoints answer 404 with the reason.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.utils.translation import gettext_lazy as _

HEADLESS_MODE = "headless"
HEADLESS_PREVIEW_INSTALLED = apps.is_installed("wagtail_headless_preview")

if HEADLESS_PREVIEW_INSTALLED:
    from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
    from wagtail_headless_preview.settings import headless_preview_settings

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

else:

    def headless_preview_configured():
        return False

    class HeadlessPreviewModeMixin:
        """Without wagtail-headless-preview a page type keeps Wagtail's own preview."""


class PreviewNotFound(Exception):
    """The request names no preview of this site: ``status`` is 400 (malformed) or 404 (expired)."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def previewed_page(content_type_name, token):
    """The draft stored for a headless preview, as a page object, for either API version.

    Only a token signed by this site and stored by the preview gives access.
    """
    if not HEADLESS_PREVIEW_INSTALLED:
        raise PreviewNotFound(404, "Headless preview is not enabled here (wagtail_headless_preview is not installed).")
    if content_type_name.count(".") != 1 or not token:
        raise PreviewNotFound(400, "content_type (app_label.model) and token are required")
    app_label, model_name = content_type_name.split(".")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name.lower()).first()
    model = content_type.model_class() if content_type else None
    if model is None or not issubclass(model, HeadlessPreviewMixin):
        raise PreviewNotFound(400, f"content_type: {content_type_name!r} has no headless preview")
    try:
        model.get_preview_signer().unsign(token)
    except BadSignature:
        raise PreviewNotFound(400, "token: not a preview token of this site") from None
    preview = PagePreview.objects.filter(content_type=content_type, token=token).first()
    if preview is None:
        raise PreviewNotFound(404, "This preview has expired; preview the page again.")
    page = preview.as_page()
    if page.pk is None:
        page.pk = 0  # a page being created has no id yet
    return page
