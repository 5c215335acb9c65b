"""The site's permission rules, where Wagtail's page permissions cannot say them alone.

Pages. In Wagtail, whoever may publish may also unpublish, delete live pages, move them and set
their privacy. Here those take a live page off the site or change who sees it, so they are for
approvers: they need Django's ``delete_page`` permission on the page's tree as well (granted to
承認者 only, see ``home.editorial.roles``). Translators publish English but never take it down.

Snippets. Wagtail's snippet permissions are per model, not per language. Here a user may change,
publish or delete a snippet of a language only where they may change, publish or delete pages of
that language: the language scope comes from the same page permissions, so one table (the roles)
says who works on which language, pages and snippets alike. The rules hold in the admin (the
plugin's snippet views ask the policy about each instance) and in API v3 (which asks the policy).
"""

from wagtail.actions import PublishRevisionAction
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy, register_permission_policy

RETIRE = "delete"  # the page permission action read as "may take live pages off the site"

# The page permission action that gives a snippet action its language scope.
PAGE_ACTION_FOR_SNIPPET_ACTION = {
    "add": "change",
    "change": "change",
    "lock": "change",
    "unlock": "change",
    "publish": "publish",
    "unpublish": "publish",
    "delete": "delete",
}


class EditorialPagePermissionTester(PagePermissionTester):
    """Wagtail's rules, with taking live pages down and restructuring reserved to approvers."""

    def may_retire(self):
        return self.user.is_active and (self.user.is_superuser or RETIRE in self.permissions)

    def can_unpublish(self):
        if not self.user.is_active or not self.page.live or self.page_is_root or self.page_locked():
            return False
        return self.may_retire()

    def can_delete(self, ignore_bulk=False):
        if self.user.is_superuser:
            return super().can_delete(ignore_bulk)
        if not self.user.is_active or self.page_is_root:
            return False
        if RETIRE in self.permissions:
            return True  # with everything under it: it goes to the recycle bin, whole (recycle_bin)
        if self.page.get_descendants(inclusive=True).live().exists():
            return False  # a live page is taken down by an approver
        return super().can_delete(ignore_bulk)

    def can_move(self):
        """Approvers move pages of the language they publish; moving needs the right to add pages
        where the page goes, which approvers of English (who only take pages down) do not have."""
        return self.may_retire() and (self.user.is_superuser or "publish" in self.permissions) and super().can_move()

    def can_set_view_restrictions(self):
        return self.may_retire() and self.can_publish()

    def can_reorder_children(self):
        return self.may_retire() and super().can_reorder_children()


class LanguageScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited to the languages whose pages the user may work on (see above)."""

    def locale_ids_for(self, user, action):
        page_action = PAGE_ACTION_FOR_SNIPPET_ACTION.get(action, action)
        return {
            permission.page.locale_id
            for permission in page_permission_policy.get_cached_permissions_for_user(user)
            if permission.permission.codename == f"{page_action}_page"
        }

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or instance.locale_id in self.locale_ids_for(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if not user.is_active or user.is_superuser:
            return instances
        locale_ids = set()
        for action in actions:
            if self.user_has_permission(user, action):
                locale_ids |= self.locale_ids_for(user, action)
        return instances.filter(locale_id__in=locale_ids)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, {action})


class InstanceCheckedPublishRevisionAction(PublishRevisionAction):
    """Wagtail's publish action asks only whether the user may publish the model; this also asks
    about the object itself, so API v3's ``actions/publish`` keeps to the user's languages."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if (
            self.user
            and not skip_permission_checks
            and not self.permission_policy.user_has_permission_for_instance(self.user, "publish", self.object)
        ):
            raise PublishPermissionError("You do not have permission to publish this object.")


def register_snippet_policies():
    """Per-language rules for the shared snippets; must run before Wagtail first asks about them."""
    from scenarios.models import ContactHours, LossType, OperatorInfo

    for model in (ContactHours, LossType, OperatorInfo):
        register_permission_policy(model, LanguageScopedPermissionPolicy(model))
