"""The plugin's own public URLs; a project includes them inside its ``i18n_patterns``."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.scenario_finder, name="scenario_finder"),
]
