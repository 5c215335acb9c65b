"""The plugin's own public URLs, namespaced ``scenarios``: a project includes them inside its
``i18n_patterns``, under any prefix (``path("cases/", include("scenarios.urls"))``), and links the
finder with ``{% url "scenarios:finder" %}``."""

from django.urls import path

from . import views

app_name = "scenarios"

urlpatterns = [
    path("search/", views.scenario_finder, name="finder"),
]
