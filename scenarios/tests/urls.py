"""The URLs a project adds for the plugin (see scenarios/README.md): admin, API v2 and v3 (Wagtail 8),
and the finder and pages inside each language."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter

from scenarios.api import v2 as scenarios_v2
from scenarios.compat import HAS_API_V3

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", scenarios_v2.ScenarioPagesAPIViewSet)
scenarios_v2.register_endpoints(api_v2)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_v2.urls),
]
if HAS_API_V3:
    from wagtail.api.v3.api import api as api_v3

    from scenarios.api.openapi import openapi_view

    urlpatterns += [path("api/v3/openapi.json", openapi_view), path("api/v3/", api_v3.urls)]
urlpatterns += i18n_patterns(path("", include("scenarios.urls")), path("", include(wagtail_urls)))
