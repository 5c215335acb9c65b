"""Translators may start an English translation of a new Japanese page or snippet."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation")
    Group.objects.get(name="翻訳者").permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation")
    Group.objects.get(name="翻訳者").permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_editorial_roles"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
