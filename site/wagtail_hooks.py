"""Wagtail hooks of the site: what a served page shows (for the response cache), and the screens of
two-step sign-in."""

from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import two_factor
from .response_cache import tag_response


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


@hooks.register("before_serve_page")
def tag_page_for_the_cache(page, request, serve_args, serve_kwargs):
    """A served page shows itself and its language's header and footer (``itrisk.response_cache``)."""
    tag_response(request, f"page:{page.path}", f"lang:{translation.get_language()}")
