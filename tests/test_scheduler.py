"""What is scheduled happens with nobody at the keyboard: the scheduler (``manage.py run_scheduler``,
started by ``make run`` and ``make serve``) publishes what is due and takes down what expired."""

import datetime
import logging

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from .helpers import press, scenarios_in

pytestmark = pytest.mark.django_db


def local(moment):
    """A time as the schedule dialog's fields take it (the admin's time zone, to the minute)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def test_a_page_scheduled_in_the_admin_goes_live_and_expires_when_the_scheduler_runs(admin_client, client):
    page = scenarios_in("ja").live().first()
    page.specific.unpublish()
    go_live = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(hours=2)
    expire = go_live + datetime.timedelta(days=1)
    response = press(admin_client, page, "action-publish", go_live_at=local(go_live), expire_at=local(expire))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().approved_go_live_at == go_live

    with time_machine.travel(go_live - datetime.timedelta(minutes=1)):
        call_command("run_scheduler", once=True)
    page.refresh_from_db()
    assert not page.live and client.get(page.url).status_code == 404

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("run_scheduler", once=True)
    page.refresh_from_db()
    assert page.live and client.get(page.url).status_code == 200

    with time_machine.travel(expire + datetime.timedelta(minutes=1)):
        call_command("run_scheduler", once=True)
    page.refresh_from_db()
    assert not page.live and page.expired


def test_a_failing_job_is_logged_and_the_others_still_run(monkeypatch, caplog):
    from itrisk.management.commands import run_scheduler

    ran = []

    def fake_call_command(name, **options):
        ran.append(name)
        if name == run_scheduler.JOBS[0]:
            raise RuntimeError("broken")

    monkeypatch.setattr(run_scheduler, "call_command", fake_call_command)
    with caplog.at_level(logging.ERROR):
        call_command("run_scheduler", once=True)
    assert ran == list(run_scheduler.JOBS)
    assert "scheduled job publish_scheduled failed" in caplog.text
