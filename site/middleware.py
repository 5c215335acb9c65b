"""Middleware of the site."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.models import PageViewRestriction


class PublicSiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, adjusted for a site whose public pages carry a language prefix.

    - The language-prefix redirect is for the public site only. Wagtail's catch-all page URL makes
      every unknown path look valid under /ja/, so a 404 from the API or the admin would otherwise
      become a redirect to /ja/api/…; clients must get the 404.
    - The admin starts in the site's default language (Japanese), not the browser's: Wagtail uses
      the active language unless an editor has chosen one in their account.
    """

    unprefixed_paths = (
        "/api/", "/admin/", "/documents/", "/static/", "/media/", "/sitemap.xml", "/robots.txt", "/favicon.ico",
    )

    def process_request(self, request):
        if request.path_info.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(self.unprefixed_paths):
            return response
        return super().process_response(request, response)


class PrivateResponsesMiddleware:
    """Marks every response to a signed-in user, or to a visitor who has entered a page password, as
    ``Cache-Control: private``, so no shared cache (a CDN, a proxy, the page cache) ever stores a page
    or a listing that shows private content, or an editor's view of the site.

    A request without a session cookie can be neither, and is left alone without touching the session
    (which would add ``Vary: Cookie`` to every anonymous response).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_privileged(request):
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def is_privileged(request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            return True
        return bool(request.session.get(PageViewRestriction.passed_view_restrictions_session_key))
