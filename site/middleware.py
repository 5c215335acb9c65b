"""Middleware of the site."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
