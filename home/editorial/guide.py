"""The editor guide in the admin: docs/editor-guide.ja.md, rendered, behind the Help menu.

The guide is kept as Markdown in the repository, next to the code whose screens it describes (its
steps are the browser test's steps), and served from there, so editors read the guide of the
version they run, in Japanese, without leaving the admin.
"""

import re
from functools import lru_cache
from pathlib import Path

import markdown
from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE = Path(settings.BASE_DIR) / "docs" / "editor-guide.ja.md"
IMAGES = GUIDE.parent / "images" / "guide"
IMAGE_NAME = re.compile(r"^[a-z0-9-]+\.png$")


@lru_cache(maxsize=1)
def _rendered(modified):
    text = GUIDE.read_text(encoding="utf-8")
    return mark_safe(markdown.markdown(text, extensions=["tables", "toc"], output_format="html"))  # noqa: S308 - our own file


def guide_html():
    """The guide as HTML; read again when the file changes. The file is the project's own, never
    user input, so its HTML is trusted."""
    return _rendered(GUIDE.stat().st_mtime)


def guide_image(request, name):
    """A screenshot of the guide (``images/guide/<name>.png`` relative to the guide's page)."""
    path = IMAGES / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/editor_guide.html"
    page_title = header_title = gettext_lazy("Editor guide")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"guide": guide_html()}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]
