"""Admin additions of the site: the dashboard panel of translations that wait for a translator."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .translation_status import translations_needing_work


class TranslationsToUpdatePanel(Component):
    name = "translations_to_update"
    order = 110
    template_name = "itrisk/admin/translations_to_update_panel.html"

    def get_context_data(self, parent_context):
        return {"waiting": translations_needing_work(), "heading": _("Translations to update")}


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    panels.append(TranslationsToUpdatePanel())
