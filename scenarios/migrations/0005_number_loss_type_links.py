"""Loss-type links saved without a position (the first seed loader gave none) are numbered in the
order they were made, so every database lists a scenario's loss types in the same order."""

from django.db import migrations


def number_unordered_links(apps, schema_editor):
    ScenarioLossType = apps.get_model("scenarios", "ScenarioLossType")
    page_ids = ScenarioLossType.objects.filter(sort_order__isnull=True).values_list("page_id", flat=True).distinct()
    for page_id in list(page_ids):
        for order, link in enumerate(ScenarioLossType.objects.filter(page_id=page_id).order_by("sort_order", "pk")):
            if link.sort_order != order:
                link.sort_order = order
                link.save(update_fields=["sort_order"])


class Migration(migrations.Migration):
    dependencies = [("scenarios", "0004_english_wording")]
    operations = [migrations.RunPython(number_unordered_links, migrations.RunPython.noop)]
