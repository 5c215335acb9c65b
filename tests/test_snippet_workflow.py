"""A change of the Japanese shared snippets goes through the approvers, like a page, and the people
who must act are told by e-mail in their own language."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from scenarios.models import ContactHours

from .helpers import hours_form

pytestmark = pytest.mark.django_db


def test_an_editor_submits_new_hours_and_the_approver_approves_them(member, client):
    editor = member("編集者", "editor@example.com")
    approver = member("承認者", "approver@example.com")
    japanese = ContactHours.objects.get(locale__language_code="ja")
    edit_url = reverse("wagtailsnippets_scenarios_contacthours:edit", args=[japanese.pk])

    client.force_login(editor)
    editing = client.get(edit_url).content.decode()
    assert "承認依頼" in editing or "提出" in editing
    response = client.post(edit_url, hours_form(japanese, opens_at="10:00", closes_at="17:00", **{"action-submit": "submit"}))
    assert response.status_code == 302, response.content.decode()[-3000:]
    japanese.refresh_from_db()
    assert japanese.opens_at == datetime.time(9) and japanese.has_unpublished_changes  # not live yet
    state = WorkflowState.objects.get(base_content_type__model="contacthours", status="in_progress")
    assert [message.to for message in mail.outbox] == [["approver@example.com"]]
    assert "承認" in mail.outbox[0].subject or "承認" in mail.outbox[0].body

    client.force_login(approver)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert edit_url in dashboard  # waiting for the approver's review
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailsnippets_scenarios_contacthours:workflow_action", args=[japanese.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)

    japanese.refresh_from_db()
    english = ContactHours.objects.get(locale__language_code="en")
    assert (japanese.opens_at, japanese.closes_at) == (datetime.time(10), datetime.time(17))
    assert (english.opens_at, english.closes_at) == (datetime.time(10), datetime.time(17))
    assert not japanese.has_unpublished_changes
    assert "10:00" in client.get("/en/").content.decode()


def test_an_editor_cannot_publish_hours_and_english_needs_no_approval(member, client):
    editor = member("編集者", "editor@example.com")
    japanese = ContactHours.objects.get(locale__language_code="ja")
    english = ContactHours.objects.get(locale__language_code="en")

    client.force_login(editor)
    url = reverse("wagtailsnippets_scenarios_contacthours:edit", args=[japanese.pk])
    refused = client.post(url, hours_form(japanese, opens_at="6:00", **{"action-publish": "publish"}))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")  # "no permission"
    japanese.refresh_from_db()
    assert japanese.opens_at == datetime.time(9)

    # English follows wagtail-localize's translation editor and is published by translators:
    # no approval stands between a finished translation and the site.
    assert english.get_workflow() is None and japanese.get_workflow() is not None
