"""The recycle bin keeps deleted pages themselves (moved into a RecycleBinPage), not copies.

The copies the earlier bin kept (``DeletedPage`` with serialized content) could not be saved once
restored; they are dropped with their table.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0008_search_index_title_body_gin"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.DeleteModel(name="DeletedPage"),
        migrations.CreateModel(
            name="RecycleBinPage",
            fields=[
                ("page_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to="wagtailcore.page")),
            ],
            options={"verbose_name": "recycle bin"},
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="DeletedPage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("deletion", models.UUIDField(db_index=True, help_text="Rows deleted together share it.", verbose_name="deletion")),
                ("parent_title", models.CharField(max_length=255, verbose_name="parent page")),
                ("slug", models.SlugField(allow_unicode=True, max_length=255, verbose_name="slug")),
                ("url", models.CharField(blank=True, help_text="Its public address, if it had one.", max_length=2048, verbose_name="address")),
                ("live_page_ids", models.JSONField(default=list, verbose_name="pages that were live")),
                ("descendant_count", models.PositiveIntegerField(default=0, verbose_name="pages under it")),
                ("deleted_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="deleted at")),
                ("deleted_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="deleted by")),
                ("page", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.page", verbose_name="page")),
                ("parent", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.page", verbose_name="parent page")),
                ("previous_sibling", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.page")),
            ],
            options={
                "verbose_name": "deleted page",
                "verbose_name_plural": "deleted pages",
                "ordering": ["-deleted_at", "page__locale_id", "pk"],
            },
        ),
    ]
