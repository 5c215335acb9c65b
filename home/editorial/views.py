"""The recycle bin in the admin: deleted pages an approver may restore (see ``recycle_bin``)."""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
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


def deletions_restorable_by(user):
    """The deletions ``user`` may undo, newest first, each a list of its language versions (the page
    that was deleted first, then its translations): a user restores a deletion only if they may
    restore every version. The versions of one deletion are written one after the other."""
    entries = DeletedPage.objects.select_related("page__locale", "deleted_by").order_by("-deleted_at")
    locale_ids = None if user.is_superuser else restorable_locale_ids(user)
    deletions = []
    for _deletion, versions in groupby(entries, key=lambda entry: entry.deletion):
        versions = sorted(versions, key=lambda entry: entry.pk)
        if locale_ids is None or all(version.page.locale_id in locale_ids for version in versions):
            deletions.append(versions)
    return deletions


def may_use_recycle_bin(user):
    return user.is_active and (user.is_superuser or bool(restorable_locale_ids(user)))


class RecycleBinView(WagtailAdminTemplateMixin, ListView):
    template_name = "home/admin/recycle_bin.html"
    page_title = header_title = gettext_lazy("Recycle bin")
    header_icon = "bin"
    paginate_by = 50
    context_object_name = "deletions"

    def dispatch(self, request, *args, **kwargs):
        if not may_use_recycle_bin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return deletions_restorable_by(self.request.user)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


@require_POST
def restore_view(request, deletion):
    versions = next((d for d in deletions_restorable_by(request.user) if d[0].deletion == deletion), None)
    if versions is None:
        raise Http404
    title = versions[0].page.get_admin_display_title()
    try:
        pages = restore(deletion, request.user)
    except RestoreError as error:
        messages.error(request, str(error))
        return redirect("home_recycle_bin")
    also = sum(version.descendant_count for version in versions) + len(versions) - 1
    message = _("“%(title)s” is back as a draft.") % {"title": title}
    if also:
        message += " " + ngettext(
            "So is %(count)d more page deleted with it.", "So are %(count)d more pages deleted with it.", also
        ) % {"count": also}
    messages.success(request, message + " " + _("Publish them when they are ready."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[pages[0].pk]))
