"""The editorial groups and their model permissions (see home/editorial/roles.py for the whole picture)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SNIPPETS = ("contacthours", "operatorinfo", "losstype")
PUBLISHABLE_SNIPPETS = ("contacthours", "operatorinfo")  # LossType has no drafts
GROUPS = {
    "編集者": ["access_admin", "add_image", "choose_image"]
    + [f"{action}_{model}" for model in SNIPPETS for action in ("add", "change")],
    "承認者": ["access_admin", "add_image", "choose_image"]
    + [f"{action}_{model}" for model in SNIPPETS for action in ("add", "change")]
    + [f"publish_{model}" for model in PUBLISHABLE_SNIPPETS],
    "翻訳者": ["access_admin", "change_losstype"]
    + [f"{action}_{model}" for model in PUBLISHABLE_SNIPPETS for action in ("change", "publish")],
}
APPS = {"access_admin": "wagtailadmin", "add_image": "wagtailimages", "choose_image": "wagtailimages"}


def create_groups(apps, schema_editor):
    # Model permissions are normally made after all migrations; make them now so they can be granted.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Wagtail adds the publish permissions of snippets with drafts after migrating; add them now.
    for model in PUBLISHABLE_SNIPPETS:
        content_type, _created = ContentType.objects.get_or_create(app_label="scenarios", model=model)
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"publish_{model}", defaults={"name": f"Can publish {model}"}
        )
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for codename in codenames:
            app_label = APPS.get(codename, "scenarios")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("scenarios", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
