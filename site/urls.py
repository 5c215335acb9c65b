"""URLs: the admin and documents outside the language prefix, every public page under /ja/ or /en/.

A request for ``/`` has no language prefix; LocaleMiddleware redirects it to the visitor's language.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from health_check.views import HealthCheckView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.api import api as api_v3
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.api.v2.views import ImagesAPIViewSet

from scenarios.api import v2 as scenarios_api_v2
from scenarios.api.openapi import openapi_view

from .login_protection import authenticate_with_password
from .sitemaps import MultilingualSitemap
from .views import favicon, robots_txt

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", scenarios_api_v2.ScenarioPagesAPIViewSet)
api_v2.register_endpoint("images", ImagesAPIViewSet)
scenarios_api_v2.register_endpoints(api_v2)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_v2.urls),
    # The corrected OpenAPI document (scenarios.api.openapi), in front of Wagtail's own.
    path("api/v3/openapi.json", openapi_view),
    path("api/v3/", api_v3.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("robots.txt", robots_txt),
    path("favicon.ico", favicon),
    # For load balancers: 200 while the database, the cache and the media storage answer, else 500.
    path(
        "health/",
        HealthCheckView.as_view(
            checks=["health_check.checks.Database", "health_check.checks.Cache", "health_check.checks.Storage"]
        ),
        name="health",
    ),
]

handler500 = "itrisk.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.DEBUG:
    from django.views.defaults import page_not_found

    # The site's own "page not found", as visitors get it with DEBUG off (DEBUG shows Django's
    # technical page instead): for working on its design and for the accessibility checks.
    urlpatterns += i18n_patterns(
        path("_debug/404/", page_not_found, {"exception": None}), prefix_default_language=True
    )

urlpatterns += i18n_patterns(
    # Wagtail's page-password form, with the lockout of itrisk.login_protection in front.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include("scenarios.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
