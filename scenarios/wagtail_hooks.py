"""Registers the plugin's snippets in the admin, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import InstancePermissionViewSetMixin
from .choosers import LabelledSnippetChooserViewSet
from .models import ContactHours, LossType, OperatorInfo, SearchSynonym


class LossTypeViewSet(InstancePermissionViewSetMixin, SnippetViewSet):
    model = LossType
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "description"]
    sort_order_field = "sort_order"
    chooser_viewset_class = LabelledSnippetChooserViewSet


class ContactHoursViewSet(InstancePermissionViewSetMixin, SnippetViewSet):
    model = ContactHours
    icon = "mail"
    list_display = ["heading", "phone_number", "opens_at", "closes_at"]


class OperatorInfoViewSet(InstancePermissionViewSetMixin, SnippetViewSet):
    model = OperatorInfo
    icon = "site"
    list_display = ["operator_name", "site_name"]


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    list_display = ["__str__"]
    search_fields = ["terms"]


class ScenarioSnippetsGroup(SnippetViewSetGroup):
    menu_label = _("Shared content")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (ContactHoursViewSet, OperatorInfoViewSet, LossTypeViewSet, SearchSynonymViewSet)


register_snippet(ScenarioSnippetsGroup)
