"""Deleted pages are kept, with all their revisions, and an approver can restore them.

Wagtail deletes a page together with its revisions, so a page deleted by mistake is gone for good.
Here every deletion (from the admin, its bulk actions or API v3: they all end in the same database
delete) first copies each deleted page into ``DeletedPage``: its content, its revisions, where it
was and who deleted it. ``restore()`` puts it back under its old parent as a draft, with the same id,
translation key and revision history, so links, translations and the history work again; the
restorer then publishes it the usual way. ``manage.py purge_recycle_bin`` empties old entries.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.db.models.signals import pre_delete
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import AbstractPage, Page, Revision

from ..models import DeletedPage

RESTORE_ACTION = "home.restore_from_recycle_bin"


class RestoreError(Exception):
    """The page cannot come back (yet); the message says why, for the person restoring it."""


def keep_deleted_page(sender, instance, **kwargs):
    """``pre_delete`` of the base Page model: copy the page before the database forgets it."""
    page = Page.objects.filter(pk=instance.pk).select_related("locale").first()
    if page is None or page.is_root() or DeletedPage.objects.filter(page_id=page.pk).exists():
        return
    if page.specific_class is Page:
        return  # a page of no type of its own (Wagtail's welcome page) holds no content to restore
    specific = page.specific
    parent = page.get_parent()
    revisions = [
        {
            "content": revision.content,
            "created_at": revision.created_at,
            "user_id": revision.user_id,
            "approved_go_live_at": revision.approved_go_live_at,
        }
        for revision in Revision.objects.page_revisions().filter(object_id=str(page.pk)).order_by("created_at", "pk")
    ]
    user = get_active_log_context().user
    DeletedPage.objects.create(
        page_id=page.pk,
        title=page.draft_title or page.title,
        url_path=page.url_path,
        content_type_id=page.content_type_id,
        locale=page.locale,
        parent_page_id=parent.pk,
        parent_title=parent.title,
        was_live=page.live,
        content=specific.serializable_data(),
        revisions=revisions,
        deleted_by=user if user is not None and user.is_authenticated else None,
    )


def connect():
    pre_delete.connect(keep_deleted_page, sender=Page, dispatch_uid="home_keep_deleted_page")


def _free_slug(page, parent):
    slug = page.slug
    number = 1
    while not Page._slug_is_available(slug, parent, page):
        number += 1
        slug = f"{page.slug}-{number}"
    return slug


def _insert_as_last_child(page, parent):
    """Insert ``page`` under ``parent`` keeping its own id.

    Treebeard's ``add_child`` would do, but Wagtail's ``Page.save`` takes a page that has an id for
    one already in the database; so this places it in the tree as ``add_child`` does and inserts it.
    """
    last = parent.get_last_child()
    page.depth = parent.depth + 1
    page.path = last._inc_path() if last else parent._get_path(parent.path, page.depth, 1)
    page.numchild = 0
    page.set_url_path(parent)
    page.full_clean()
    super(AbstractPage, page).save(force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)


@transaction.atomic
def restore(deleted, user):
    """Bring ``deleted`` back under its old parent as an unpublished draft; returns the page."""
    parent = Page.objects.filter(pk=deleted.parent_page_id).first()
    if parent is None:
        raise RestoreError(
            _("Restore “%(parent)s” first: this page was under it.") % {"parent": deleted.parent_title}
        )
    if Page.objects.filter(pk=deleted.page_id).exists():
        raise RestoreError(_("This page is already on the site."))

    model = ContentType.objects.get_for_id(deleted.content_type_id).model_class()
    latest = deleted.revisions[-1]["content"] if deleted.revisions else deleted.content
    page = model.from_serializable_data(latest, check_fks=True, strict_fks=False)
    page.pk = page.id = deleted.page_id
    page._state.adding = True  # a new row, though it carries its old id
    page.live = False
    page.has_unpublished_changes = True
    page.live_revision = page.latest_revision = None
    page.locked, page.locked_by, page.locked_at = False, None, None
    page.go_live_at = page.expire_at = None
    page.slug = _free_slug(page, parent)
    _insert_as_last_child(page, parent)

    authors = {item["user_id"] for item in deleted.revisions}
    user_ids = set(get_user_model().objects.filter(pk__in=authors).values_list("pk", flat=True))
    revision = None
    for item in deleted.revisions:
        revision = Revision.objects.create(
            content_type_id=deleted.content_type_id,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            content=item["content"],
            created_at=item["created_at"],
            user_id=item["user_id"] if item["user_id"] in user_ids else None,
        )
    if revision is not None:
        Page.objects.filter(pk=page.pk).update(latest_revision=revision, latest_revision_created_at=revision.created_at)
    log(instance=page, action=RESTORE_ACTION, user=user)
    deleted.delete()
    return page
