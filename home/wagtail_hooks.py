"""Admin additions of the site's editorial side: the translation overview (menu and dashboard),
the recycle bin (deleting moves pages there) and its history entries."""

from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction

from .editorial import guide, translation_overview, translation_views, views
from .editorial.permissions import InstanceCheckedPublishRevisionAction
from .editorial.recycle_bin import DELETE_ACTION, RESTORE_ACTION, MoveToRecycleBinAction, recycle_bins


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("guide/", guide.EditorGuideView.as_view(), name="home_editor_guide"),
        path("guide/images/guide/<str:name>", guide.guide_image, name="home_editor_guide_image"),
        path("translations/", translation_views.TranslationOverviewView.as_view(), name="home_translations"),
        path(
            "translations/start/<int:content_type_id>/<int:pk>/<str:locale_code>/",
            translation_views.start_translation,
            name="home_translations_start",
        ),
        path("recycle-bin/", views.RecycleBinView.as_view(), name="home_recycle_bin"),
        path("recycle-bin/<uuid:deletion>/restore/", views.restore_view, name="home_recycle_bin_restore"),
    ]


class RecycleBinMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_use_recycle_bin(request.user)


@hooks.register("construct_main_menu")
def translate_the_help_label(request, menu_items):
    """Wagtail 8.0 labels its Help menu once, at start-up, so it stays English: label it per request."""
    for item in menu_items:
        if item.name == "help":
            item.label = _("Help")


@hooks.register("construct_help_menu")
def help_menu_points_at_the_site_guide(request, menu_items):
    """The Help menu opens the site's own Japanese guide instead of Wagtail's English ones."""
    menu_items[:] = [item for item in menu_items if item.name not in {"editor-guide"} and not
                     item.name.startswith("whats-new-in-wagtail")]
    menu_items.insert(0, MenuItem(_("Editor guide"), reverse("home_editor_guide"), icon_name="help", order=100))


@hooks.register("register_admin_menu_item")
def translations_menu_item():
    return MenuItem(_("Translations"), reverse("home_translations"), icon_name="globe", order=250)


class TranslationsPanel(Component):
    """The dashboard's summary of the overview: how much needs work, and the first items."""

    name = "translations"
    order = 110
    template_name = "home/admin/translations_panel.html"
    shown_rows = 8

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        locale = translation_views.target_locales().first()
        if locale is None:
            return {"locale": None}
        rows = translation_overview.overview(locale)
        counts = dict.fromkeys(translation_overview.NEEDS_WORK, 0)
        for row in rows:
            counts[row.status] += 1
        shown = rows[: self.shown_rows]
        translation_views.annotate_actions(self.request.user, shown, locale)
        return {
            "csrf_token": get_token(self.request),  # a component renders without the request
            "locale": locale,
            "language": locale.get_display_name(),
            "rows": shown,
            "more": len(rows) - len(shown),
            "counts": [(translation_overview.STATUS_LABELS[status], count) for status, count in counts.items()],
            "overview_url": reverse("home_translations"),
        }


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    panels.append(TranslationsPanel(request))


@hooks.register("register_reports_menu_item")
def recycle_bin_menu_item():
    return RecycleBinMenuItem(_("Recycle bin"), reverse("home_recycle_bin"), icon_name="bin", order=900)


@hooks.register("register_actions")
def register_editorial_actions(registry):
    from wagtail.models import DraftStateMixin, Page

    registry.register(DraftStateMixin, InstanceCheckedPublishRevisionAction)
    registry.register(Page, MoveToRecycleBinAction)  # API v3's delete


@hooks.register("after_edit_page")
def say_what_the_approval_did(request, page):
    """After 「承認と公開」 or 「修正を依頼」, Wagtail's edit screen says only that the page was saved;
    this says what happened too: published, approved for the next step, or sent back."""
    action = request.POST.get("workflow-action-name")
    if not request.POST.get("action-workflow-action") or action not in ("approve", "reject"):
        return None
    title = page.get_admin_display_title()
    page.refresh_from_db()
    if action == "reject":
        text = _("Changes to “%(title)s” were requested; the editor is told by e-mail.")
    elif page.live and not page.has_unpublished_changes:
        text = _("“%(title)s” is approved and published.")
    else:
        text = _("“%(title)s” is approved and goes on to the next step of approval.")
    messages.success(request, text % {"title": title}, buttons=[
        messages.button(page.url, gettext("View live"), new_window=True)
    ] if page.live and page.url else None)
    return None


@hooks.register("before_delete_page")
def delete_into_the_recycle_bin(request, page):
    """The admin's delete: Wagtail's confirmation page, then the pages go to the bin instead."""
    if request.method != "POST":
        return None
    parent_id = page.get_parent().pk
    MoveToRecycleBinAction(page, user=request.user).execute()
    messages.success(
        request,
        _("“%(title)s” is in the recycle bin (Reports → Recycle bin), from where it can be restored.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore", args=[parent_id]))


class DeleteIntoRecycleBinBulkAction(DeleteBulkAction):
    """Bulk delete in the page listing, into the recycle bin as a single delete is."""

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        parents, children = 0, 0
        for page in objects:
            parents += 1
            children += page.get_descendant_count()
            MoveToRecycleBinAction(page.specific, user=user).execute()
        return parents, children


# After Wagtail's own (hooks without an order come first), so that it replaces Wagtail's delete.
hooks.register("register_bulk_action", DeleteIntoRecycleBinBulkAction, order=100)


@hooks.register("construct_explorer_page_queryset")
def hide_the_recycle_bins_from_the_explorer(parent_page, pages, request):
    for recycle_bin in recycle_bins():
        pages = pages.not_descendant_of(recycle_bin, inclusive=True)
    return pages


@hooks.register("construct_page_chooser_queryset")
def never_link_to_a_deleted_page(pages, request):
    for recycle_bin in recycle_bins():
        pages = pages.not_descendant_of(recycle_bin, inclusive=True)
    return pages


@hooks.register("register_log_actions")
def register_recycle_bin_actions(actions):
    actions.register_action(DELETE_ACTION, _("Move to the recycle bin"), _("Moved to the recycle bin"))
    actions.register_action(RESTORE_ACTION, _("Restore from the recycle bin"), _("Restored from the recycle bin"))
