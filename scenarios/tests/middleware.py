"""The one adjustment a project with language-prefixed pages needs for the API (see scenarios/README.md)."""

from django.middleware.locale import LocaleMiddleware


class PrefixedPagesLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without its redirect of a 404 to ``/<language>/…`` for the API and the
    admin: Wagtail's catch-all page URL makes every path look valid under a language prefix, and an API
    client must get the 404 itself."""

    def process_response(self, request, response):
        if request.path_info.startswith(("/api/", "/admin/")):
            return response
        return super().process_response(request, response)
