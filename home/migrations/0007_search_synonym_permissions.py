"""Everyone who writes content keeps the search synonyms: editors and approvers (Japanese words)
and translators (English words); a group holds words of both languages."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("編集者", "承認者", "翻訳者")
ACTIONS = ("add", "change", "delete")


def grant(apps, schema_editor):
    scenarios = apps.get_app_config("scenarios")
    scenarios.models_module = True
    create_permissions(scenarios, verbosity=0)
    scenarios.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="scenarios", codename__in=[f"{action}_searchsynonym" for action in ACTIONS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_shared_snippets_in_workflow"),
        ("scenarios", "0006_search_synonyms"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
