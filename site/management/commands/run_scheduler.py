"""``manage.py run_scheduler``: what must happen with nobody at the keyboard, once a minute.

- ``publish_scheduled`` (Wagtail's): publishes what an editor scheduled and takes down what expired;
- ``purge_recycle_bin``: deletes for good what has waited in the recycle bin past its time.

``make run`` and ``make serve`` start it beside the web server and stop it with it. In production
run it as a service, or run ``manage.py run_scheduler --once`` every minute from cron or a systemd
timer (docs/deployment.md). Each job is idempotent, so two schedulers never do anything twice over.
"""

import logging
import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

logger = logging.getLogger(__name__)

JOBS = ("publish_scheduled", "purge_recycle_bin")


def run_jobs():
    """Run every job once; a job that fails is logged and the others still run."""
    for name in JOBS:
        try:
            call_command(name, verbosity=0)
        except Exception:  # one failing job must not stop the scheduler or the others
            logger.exception("scheduled job %s failed", name)


class Command(BaseCommand):
    help = "Publishes scheduled pages, takes down expired ones and purges the recycle bin, once a minute."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every job once and exit (for cron)")
        parser.add_argument("--interval", type=float, default=60.0, help="seconds between runs (default 60)")

    def handle(self, *args, once, interval, **options):
        if interval <= 0:
            raise CommandError("--interval must be a positive number of seconds.")
        if once:
            run_jobs()
            return
        stopping = threading.Event()
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signal_number, lambda *_args: stopping.set())
        self.stdout.write(f"Scheduler: {', '.join(JOBS)} every {interval:g} s.")
        while not stopping.is_set():
            close_old_connections()  # a connection the database closed in the meantime is opened again
            run_jobs()
            close_old_connections()
            stopping.wait(interval)
