"""Admin additions of the site's editorial side: the recycle bin and its history entries."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .editorial import views
from .editorial.permissions import InstanceCheckedPublishRevisionAction
from .editorial.recycle_bin import RESTORE_ACTION


@hooks.register("register_admin_urls")
def recycle_bin_urls():
    return [
        path("recycle-bin/", views.RecycleBinView.as_view(), name="home_recycle_bin"),
        path("recycle-bin/<int:pk>/restore/", views.restore_view, name="home_recycle_bin_restore"),
    ]


class RecycleBinMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_use_recycle_bin(request.user)


@hooks.register("register_reports_menu_item")
def recycle_bin_menu_item():
    return RecycleBinMenuItem(_("Recycle bin"), reverse("home_recycle_bin"), icon_name="bin", order=900)


@hooks.register("register_actions")
def register_instance_checked_publishing(registry):
    from wagtail.models import DraftStateMixin

    registry.register(DraftStateMixin, InstanceCheckedPublishRevisionAction)


@hooks.register("register_log_actions")
def register_restore_action(actions):
    actions.register_action(RESTORE_ACTION, _("Restore from the recycle bin"), _("Restored from the recycle bin"))
