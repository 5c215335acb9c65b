"""Middleware of the site."""

from django.middleware.locale import LocaleMiddleware


class PublicSiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but the language-prefix redirect is for the public site only.

    Wagtail's catch-all page URL makes every unknown path look valid under /ja/, so a 404 from the
    API or the admin would otherwise become a redirect to /ja/api/…; clients must get the 404.
    """

    unprefixed_paths = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/sitemap.xml", "/robots.txt", "/favicon.ico")

    def process_response(self, request, response):
        if request.path_info.startswith(self.unprefixed_paths):
            return response
        return super().process_response(request, response)
