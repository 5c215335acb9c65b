"""The recycle bin in the admin: deleted pages an approver may restore (see ``recycle_bin``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import ListView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import page_permission_policy

from ..models import DeletedPage
from .permissions import RETIRE
from .recycle_bin import RestoreError, restore


def restorable_locale_ids(user):
    """Languages whose deleted pages ``user`` may restore: those where they may take pages down."""
    return {
        permission.page.locale_id
        for permission in page_permission_policy.get_cached_permissions_for_user(user)
        if permission.permission.codename == f"{RETIRE}_page"
    }


def restorable_by(user):
    pages = DeletedPage.objects.select_related("locale", "deleted_by")
    return pages if user.is_superuser else pages.filter(locale_id__in=restorable_locale_ids(user))


def may_use_recycle_bin(user):
    return user.is_active and (user.is_superuser or bool(restorable_locale_ids(user)))


class RecycleBinView(WagtailAdminTemplateMixin, ListView):
    template_name = "home/admin/recycle_bin.html"
    page_title = header_title = gettext_lazy("Recycle bin")
    header_icon = "bin"
    paginate_by = 50
    context_object_name = "deleted_pages"

    def dispatch(self, request, *args, **kwargs):
        if not may_use_recycle_bin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return restorable_by(self.request.user)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


@require_POST
def restore_view(request, pk):
    deleted = get_object_or_404(restorable_by(request.user), pk=pk)
    try:
        page = restore(deleted, request.user)
    except RestoreError as error:
        messages.error(request, str(error))
        return redirect("home_recycle_bin")
    messages.success(
        request,
        _("“%(title)s” is back as a draft. Publish it when it is ready.") % {"title": page.get_admin_display_title()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
