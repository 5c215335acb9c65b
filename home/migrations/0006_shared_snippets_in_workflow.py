"""Puts the shared snippets (contact hours, operator info) under the approval workflow of pages, on
sites loaded before snippets had one; a new site gets it from the seed loader (grant_page_roles).

Also removes Wagtail's starter workflow "Moderators approval", retired by 0005 and never used
here, so its English name no longer shows in the reports' filters (kept if anything ran in it)."""

from django.db import migrations

WORKFLOW_NAME = "承認者による公開"
STARTER_NAME = "Moderators approval"
SNIPPET_MODELS = ("contacthours", "operatorinfo")


def remove_unused_starter_workflow(apps):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    for workflow in Workflow.objects.filter(name=STARTER_NAME, active=False):
        if not WorkflowState.objects.filter(workflow=workflow).exists() and not workflow.workflow_pages.exists():
            workflow.workflow_tasks.all().delete()
            workflow.delete()
    for task in Task.objects.filter(name=STARTER_NAME):
        if not TaskState.objects.filter(task=task).exists() and not task.workflow_tasks.exists():
            task.delete()


def assign(apps, schema_editor):
    remove_unused_starter_workflow(apps)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return  # no content loaded yet: the seed loader assigns it
    for model in SNIPPET_MODELS:
        content_type, _created = ContentType.objects.get_or_create(app_label="scenarios", model=model)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_retire_wagtail_default_roles"),
        ("scenarios", "0005_number_loss_type_links"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(assign, migrations.RunPython.noop)]
