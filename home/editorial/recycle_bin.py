"""Deleting a page puts it in the recycle bin, whole, and an approver can bring it back.

Wagtail deletes a page with its revisions, comments and privacy settings, so a page deleted by
mistake is gone for good. Here "delete" (the admin's delete and bulk delete, and API v3's) moves the
page instead, with everything under it and with its translations, into its language's
``RecycleBinPage``: a page outside every site, so nothing in it has an address. The pages are
unpublished on the way in (so every cache and listing forgets them, as on any unpublish) and their
rows stay as they were: fields, loss types, revisions, translations and history. ``restore()`` moves
them back under their old parent, in their old place, as drafts that publish through the normal
buttons. A page deleted from inside the bin, and ``manage.py purge_recycle_bin``, delete for good.
"""

import uuid

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction, DeletePagePermissionError
from wagtail.actions.move_page import MovePageAction
from wagtail.log_actions import LogContext, log
from wagtail.models import Page, Revision

from ..models import DeletedPage, RecycleBinPage

DELETE_ACTION = "home.move_to_recycle_bin"
RESTORE_ACTION = "home.restore_from_recycle_bin"


class RestoreError(Exception):
    """The pages cannot come back (yet); the message says why, for the person restoring them."""


def bin_for(locale):
    """The recycle bin of ``locale``'s pages, made the first time one is deleted."""
    recycle_bin = RecycleBinPage.objects.filter(locale=locale).first()
    if recycle_bin is None:
        code = locale.language_code
        title = f"{_('Recycle bin')} ({code})"
        recycle_bin = RecycleBinPage(title=title, slug=f"recycle-bin-{code}", locale=locale, live=False)
        Page.get_first_root_node().add_child(instance=recycle_bin)
    return recycle_bin


def recycle_bins():
    return RecycleBinPage.objects.all()


def in_recycle_bin(page):
    """True if ``page`` is a recycle bin or lies in one."""
    return RecycleBinPage.objects.filter(path__in=page_and_ancestor_paths(page)).exists()


def page_and_ancestor_paths(page):
    return [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]


def deleted_together(page):
    """The pages one delete of ``page`` takes: the page and its translations (aliases follow the
    page they copy, as in Wagtail), each with the pages under it."""
    return [page, *page.get_translations().filter(alias_of__isnull=True).order_by("locale_id")]


class MoveToRecycleBinAction(DeletePageAction):
    """Wagtail's delete, keeping what it deletes: the page and its translations go to the bin.

    Registered as the "delete" action of pages (``register_actions``), so API v3 deletes this way;
    the admin's delete and bulk delete call it through their hooks (``home.wagtail_hooks``).
    """

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.user and not skip_permission_checks:
            for translation in deleted_together(self.page)[1:]:
                if not translation.permissions_for_user(self.user).can_delete():
                    raise DeletePagePermissionError(
                        _("You may not delete the %(language)s version, which would be deleted with this page.")
                        % {"language": translation.locale.get_display_name()}
                    )

    def execute(self, skip_permission_checks=False):
        self.check(skip_permission_checks=skip_permission_checks)
        if in_recycle_bin(self.page):
            return DeletePageAction(self.page, user=self.user).execute(skip_permission_checks=True)
        deletion = uuid.uuid4()
        with transaction.atomic():
            for page in deleted_together(self.page):
                with LogContext(user=self.user):
                    move_to_bin(page, deletion, self.user)
        return deletion


def log_on_each(pages, action, user):
    """One history entry on each of ``pages``, each in a log context of its own: Wagtail's history
    shows one entry per action and log context (``latest_by_uuid_and_action``), whichever page it is on."""
    for page in pages:
        with LogContext(user=user):
            log(instance=page, action=action, user=user)


def move_to_bin(page, deletion, user):
    subtree = page.get_descendants(inclusive=True)
    parent = page.get_parent()
    previous = page.get_prev_sibling()
    live_ids = list(subtree.live().values_list("pk", flat=True))
    DeletedPage.objects.create(
        page=page,
        deletion=deletion,
        parent=parent,
        parent_title=parent.get_admin_display_title(),
        previous_sibling=previous,
        slug=page.slug,
        url=(page.get_url() or "") if page.live else "",
        live_page_ids=live_ids,
        descendant_count=subtree.count() - 1,
        deleted_by=user if user is not None and user.is_authenticated else None,
    )
    for descendant in subtree.specific():
        state = descendant.current_workflow_state
        if state is not None:
            state.cancel(user=user)
        if descendant.live:
            descendant.unpublish(user=user, log_action=False)
    log_on_each(subtree.specific(), DELETE_ACTION, user)
    # Nothing scheduled may go live from the bin.
    page_ids = [str(pk) for pk in subtree.values_list("pk", flat=True)]
    Revision.objects.page_revisions().filter(object_id__in=page_ids).exclude(approved_go_live_at=None).update(
        approved_go_live_at=None
    )
    subtree.update(go_live_at=None, expire_at=None)
    # Deleted pages of one language may share a slug: in the bin each carries its id.
    Page.objects.filter(pk=page.pk).update(slug=f"{page.pk}-{page.slug}"[:255])
    MovePageAction(Page.objects.get(pk=page.pk), bin_for(page.locale), pos="last-child", user=user).execute(
        skip_permission_checks=True
    )


def free_slug(slug, parent, page):
    """``slug``, or ``slug-2``, ``slug-3``…, whichever no other child of ``parent`` has."""
    taken = set(parent.get_children().exclude(pk=page.pk).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


@transaction.atomic
def restore(deletion, user):
    """Bring back every language version deleted together as ``deletion``, with the pages under
    them, in their old places, as unpublished drafts; returns the restored pages."""
    entries = list(
        DeletedPage.objects.filter(deletion=deletion).select_related("page", "parent", "previous_sibling")
        .order_by("pk")
    )
    if not entries:
        raise RestoreError(_("These pages are no longer in the recycle bin."))
    for entry in entries:
        if entry.parent is None or in_recycle_bin(entry.parent):
            raise RestoreError(
                _("Restore “%(parent)s” first: this page was under it.") % {"parent": entry.parent_title}
            )
    restored = []
    for entry in entries:
        page, parent = entry.page, entry.parent
        slug = free_slug(entry.slug, parent, page)
        Page.objects.filter(pk=page.pk).update(slug=slug)
        previous = entry.previous_sibling
        if previous is not None and previous.get_parent() == parent:
            target, position = previous, "right"
        elif parent.get_children().exists():
            target, position = parent.get_first_child(), "left"
        else:
            target, position = parent, "last-child"
        with LogContext(user=user):
            MovePageAction(Page.objects.get(pk=page.pk), target, pos=position, user=user).execute(
                skip_permission_checks=True
            )
        page = Page.objects.get(pk=page.pk).specific
        if slug != entry.slug:
            draft = page.get_latest_revision_as_object()
            draft.slug = slug
            draft.save_revision(user=user, log_action=False)
        log_on_each(page.get_descendants(inclusive=True).specific(), RESTORE_ACTION, user)
        entry.delete()
        restored.append(page)
    return restored


def purge(deleted_before):
    """Delete for good what went into the bin before ``deleted_before``; returns how many pages."""
    purged = 0
    for entry in DeletedPage.objects.filter(deleted_at__lt=deleted_before).select_related("page"):
        purged += 1 + entry.page.get_descendant_count()
        DeletePageAction(entry.page.specific).execute(skip_permission_checks=True)
    return purged
