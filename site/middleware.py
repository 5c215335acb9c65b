"""Middleware of the site."""

import logging
import time

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve
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
        "/health/",
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


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's Content-Security-Policy, with a second policy for the editing tools.

    Public pages get ``CONTENT_SECURITY_POLICY``: nothing inline, nothing from elsewhere. The
    Wagtail admin and the API's documentation page need inline styles and scripts, so paths in
    ``EDITING_TOOLS_CSP_PATHS`` get ``EDITING_TOOLS_CONTENT_SECURITY_POLICY`` instead.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.EDITING_TOOLS_CSP_PATHS):
            parts.config = settings.EDITING_TOOLS_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PublicMethodsMiddleware:
    """Public views answer GET and HEAD only (and POST where a form needs it): anything else is a 405.

    Wagtail serves a page for any method, so without this TRACE, PUT or DELETE on a page would render
    it. The admin and the API decide their own methods.
    """

    own_methods_paths = ("/admin/", "/api/")
    forms = {"wagtailcore_authenticate_with_password"}  # the page-password form

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") or request.path_info.startswith(self.own_methods_paths):
            return self.get_response(request)
        if request.method == "POST" and self.url_name(request) in self.forms:
            return self.get_response(request)
        allowed = ["GET", "HEAD", "POST"] if self.url_name(request) in self.forms else ["GET", "HEAD"]
        return HttpResponseNotAllowed(allowed)

    @staticmethod
    def url_name(request):
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None


request_log = logging.getLogger("itrisk.requests")


class RequestLogMiddleware:
    """One log line per request with its status and how long it took, for production's logs.

    ``GET /ja/ 200 12.3ms 5120B``: the path without its query string (which may carry what a
    visitor searched for), so the log holds no personal data beyond what the server's own log has.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        size = len(response.content) if not response.streaming else "-"
        request_log.info(
            "%s %s %s %.1fms %sB", request.method, request.path, response.status_code, elapsed_ms, size,
            extra={"status_code": response.status_code, "duration_ms": round(elapsed_ms, 1)},
        )
        return response
