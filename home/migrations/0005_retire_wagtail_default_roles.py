"""Retires Wagtail's starter roles, which cut across the site's languages.

A new Wagtail site comes with groups "Editors" and "Moderators" holding page permissions on the
root (so on both language trees), and a "Moderators approval" workflow on the root (so on English
pages too). The site's roles are per language (home/editorial/roles.py): the starter groups are
removed when nobody is in them, and the root's workflow is taken off the root; the Japanese tree
keeps its own approval workflow.
"""

from django.db import migrations

STARTER_GROUPS = ("Editors", "Moderators")


def retire(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    for group in Group.objects.filter(name__in=STARTER_GROUPS):
        if not group.user_set.exists():
            group.delete()
    WorkflowPage.objects.filter(page__depth=1).delete()
    Workflow.objects.filter(name="Moderators approval", workflow_pages__isnull=True).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_recycle_bin"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
