"""A real running copy of the site for tests that talk to it over HTTP (curl, a browser, a subprocess).

It runs as ``make run`` runs it (dev settings, migrated, seed loaded, demo role accounts made, the
scheduler beside the server, here every 2 s instead of every minute) on its own SQLite file and a
free port, in subprocesses, so nothing it does touches the test database.
Migrating and seeding would take most of the start-up: every copy starts from the seeded template
(tools/database_templates.py).
"""

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from tools import database_templates
from tools.serving import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent


def site_env(database_path, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "itrisk.settings.dev",
        "DATABASE_URL": f"sqlite:///{database_path}",
        **extra,
    }
    env.pop("TEST_DATABASE_URL", None)
    return env


def manage(env, *args, timeout=300):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True, capture_output=True,
        timeout=timeout,
    )


def seeded_database(data_dir):
    """A migrated and seeded SQLite database at ``data_dir``/db.sqlite3 (a copy of the seeded template)."""
    return database_templates.sqlite_copy(Path(data_dir) / "db.sqlite3")


_environments = {}  # base URL of a running copy: the environment its processes run with


def manage_running_site(base_url, *args):
    """``manage.py *args`` in another process of the running copy at ``base_url`` (its database,
    its cache), as a management command or the scheduler runs beside the server."""
    return manage(_environments[base_url], *args)


@contextmanager
def running_site(data_dir):
    port = free_port()
    env = site_env(seeded_database(data_dir), PUBLIC_BASE_URL=f"http://127.0.0.1:{port}")
    manage(env, "shell", "-c", "from django.core.management import call_command as run; "
           "run('sync_site_url'); run('ensure_admin')")
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    scheduler = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "run_scheduler", "--interval", "2"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    _environments[base_url] = env
    try:
        wait_until_up(base_url)
        yield base_url
    finally:
        _environments.pop(base_url, None)
        for process in (server, scheduler):
            process.terminate()
            process.wait(timeout=10)
