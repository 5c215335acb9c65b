"""A host that mounts the plugin under a prefix of its own, beside its own view named ``search``."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls


def host_search(request):
    return HttpResponse("the host's own search")


urlpatterns = i18n_patterns(
    path("search/", host_search, name="search"),
    path("cases/", include("scenarios.urls")),
    path("", include(wagtail_urls)),
)
