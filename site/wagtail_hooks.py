"""Admin additions of the site: the dashboard panel of translations that wait for a translator, and
the screens of two-step sign-in."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import two_factor

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


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", two_factor.setup, name="two_factor_setup"),
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
        path("two-factor/qr.svg", two_factor.qr_code, name="two_factor_qr"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-step sign-in"),
        "help_text": _("Ask for a code from an authenticator app after the password."),
    }
