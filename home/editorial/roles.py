"""The editorial roles: who may write Japanese, who translates into English, who publishes.

| group      | Japanese pages                                  | English pages                 |
|------------|-------------------------------------------------|-------------------------------|
| 編集者     | add, change; submit for approval                 | —                             |
| 承認者     | add, change, publish, lock; approve;             | unpublish, delete ("delete")  |
|            | unpublish, delete, move, privacy ("delete")     |                               |
| 翻訳者     | —                                                | add, change, publish          |

"delete" here is Django's ``delete_page`` permission, which Wagtail's own rules do not use; the
site's rules (``home.editorial.permissions``) read it as "may take live pages off the site".
Shared snippets follow the same languages: a group may change, publish or delete a snippet of a
language where it may change, publish or delete pages (and holds the model permission).

The groups and their model permissions are made by a migration (``0002_editorial_roles``). Page
permissions and the approval workflow hang on the home page of each language (the workflow also
on the shared snippets ContactHours and OperatorInfo), which exists only
once content is loaded, so ``grant_page_roles()`` sets them then (the seed loader calls it).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from scenarios.models import ContactHours, OperatorInfo

EDITORS = "編集者"
TRANSLATORS = "翻訳者"
APPROVERS = "承認者"
WORKFLOW_NAME = "承認者による公開"

PAGE_PERMISSIONS = {
    # (group, language of the home page): page permission codenames
    (EDITORS, "ja"): ["add_page", "change_page"],
    (APPROVERS, "ja"): ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "delete_page"],
    (APPROVERS, "en"): ["delete_page"],
    (TRANSLATORS, "en"): ["add_page", "change_page", "publish_page"],
}

# Shared snippets whose Japanese changes go through the same approval as pages (their English
# translations do not: see ``scenarios.models.snippets.SourceLanguageWorkflowMixin``).
SNIPPETS_IN_WORKFLOW = (ContactHours, OperatorInfo)


def grant_page_roles(home_by_language):
    """Page permissions on each language's home page, and the approval workflow on the Japanese one
    and on the shared snippets.

    Idempotent: running it again adds nothing. ``home_by_language`` maps "ja"/"en" to home pages.
    """
    for (group_name, language), codenames in PAGE_PERMISSIONS.items():
        home = home_by_language.get(language)
        if home is None:
            continue
        group = Group.objects.get(name=group_name)
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)

    japanese_home = home_by_language.get("ja")
    if japanese_home is None:
        return
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task, _created = GroupApprovalTask.objects.get_or_create(name="承認者による確認")
    task.groups.add(Group.objects.get(name=APPROVERS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=Page.objects.get(pk=japanese_home.pk), defaults={"workflow": workflow})
    for model in SNIPPETS_IN_WORKFLOW:
        content_type = ContentType.objects.get_for_model(model)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})
