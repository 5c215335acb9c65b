"""On PostgreSQL, a GIN index on the search index's ``title || body``, the expression Wagtail's
database backend matches a search against.

Wagtail indexes ``title`` and ``body`` apart, so its own match on their concatenation read every
index entry: 65 ms a finder query at 10,000 scenarios per language, 2.5 ms with this index. SQLite
(whose full-text table is its own index) is left alone.
"""

from django.db import migrations

INDEX = "home_search_index_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS {INDEX} ON "{table}" USING gin ((title || body))')


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_search_synonym_permissions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
