"""Each editorial role can do its job and nothing more; Japanese goes live through an approver."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from scenarios.models import ContactHours

from .helpers import scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def can(user, page):
    permissions = page.permissions_for_user(user)
    return {"edit": permissions.can_edit(), "publish": permissions.can_publish()}


def test_editors_write_japanese_but_cannot_publish_or_touch_english(member):
    editor = member("編集者")
    assert can(editor, scenarios_in("ja").first()) == {"edit": True, "publish": False}
    assert can(editor, scenarios_in("en").first()) == {"edit": False, "publish": False}
    assert editor.has_perm("scenarios.change_contacthours")
    assert not editor.has_perm("scenarios.publish_contacthours")


def test_translators_edit_and_publish_english_only(member):
    translator = member("翻訳者")
    assert can(translator, scenarios_in("en").first()) == {"edit": True, "publish": True}
    assert can(translator, scenarios_in("ja").first()) == {"edit": False, "publish": False}
    assert not translator.has_perm("scenarios.add_contacthours")


def test_approvers_publish_japanese(member):
    approver = member("承認者")
    assert can(approver, scenarios_in("ja").first()) == {"edit": True, "publish": True}
    assert approver.has_perm("scenarios.publish_contacthours")
    assert can(approver, scenarios_in("en").first())["publish"] is False


def test_every_role_reaches_the_admin(client, member):
    for group_name in ("編集者", "翻訳者", "承認者"):
        client.force_login(member(group_name))
        assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_editors_change_goes_live_only_when_an_approver_approves(member, client):
    editor, approver = member("編集者"), member("承認者")
    page = scenarios_in("ja").first()
    workflow = page.get_workflow()
    assert workflow == Workflow.objects.get(name="承認者による公開")

    page.title = "編集者が直した見出し"
    revision = page.save_revision(user=editor)
    state = workflow.start(page, editor)
    assert client.get(page.url).content.decode().count("編集者が直した見出し") == 0

    task_state = state.current_task_state
    actions = [name for name, _label, _modal in task_state.task.specific.get_actions(page, editor)]
    assert actions == []  # the editor cannot approve their own submission
    task_state.task.specific.on_action(task_state, approver, "approve")

    page.refresh_from_db()
    assert page.live_revision_id == revision.pk
    assert "編集者が直した見出し" in client.get(page.url).content.decode()


def test_revisions_can_be_compared_and_rolled_back(admin_client, client):
    page = scenarios_in("ja").first()
    first = page.latest_revision
    original_title = page.title
    page.title = "一時的な見出し"
    second = page.save_revision()
    second.publish()
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    comparison = admin_client.get(compare).content.decode()
    assert original_title in comparison and "一時的な見出し" in comparison

    revert = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    form = admin_client.get(revert).content.decode()
    assert f'value="{original_title}"' in form  # the edit form holds the earlier revision
    first.publish()  # what "publish" on that form does: the earlier content goes live again
    page.refresh_from_db()
    assert page.title == original_title
    assert original_title in client.get(page.url).content.decode()


def test_scheduled_publishing_goes_live_at_the_set_time(client):
    page = scenarios_in("ja").first()
    page.title = "予約公開の見出し"
    page.go_live_at = go_live = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()  # a go-live time in the future schedules instead of publishing
    page.refresh_from_db()
    assert page.title != "予約公開の見出し"

    with time_machine.travel(go_live - datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.title != "予約公開の見出し"  # not before its time

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.title == "予約公開の見出し" and page.live
    assert "予約公開の見出し" in client.get(page.url).content.decode()


def test_snippet_edits_need_publish_permission_to_go_live(member):
    editor = member("編集者")
    hours = ContactHours.objects.get(locale__language_code="ja")
    from wagtail.snippets.permissions import get_permission_name

    assert editor.has_perm(get_permission_name("change", ContactHours))
    assert not editor.has_perm(get_permission_name("publish", ContactHours))
    assert hours.live


def test_make_run_creates_a_demo_account_per_role(capsys, django_user_model, settings):
    from django.core.management import call_command

    settings.DEBUG = True  # as under make run

    call_command("ensure_admin")
    out = capsys.readouterr().out
    for username, group_name in (("editor", "編集者"), ("translator", "翻訳者"), ("approver", "承認者")):
        assert django_user_model.objects.get(username=username).groups.filter(name=group_name).exists()
        assert f"{username}-dev-only" in out
    call_command("ensure_admin")  # a second run changes nothing
    assert django_user_model.objects.filter(username__in=["admin", "editor", "translator", "approver"]).count() == 4


def test_demo_accounts_are_never_made_without_debug(settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_admin")


def test_translators_may_start_a_translation(member):
    assert member("翻訳者").has_perm("wagtail_localize.submit_translation")
