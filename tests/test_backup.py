"""make backup / make restore: a filled site, backed up, damaged and restored, is exactly as it was.

Runs a separate copy of the site (its own database and media folder) in subprocesses, on SQLite
and on PostgreSQL: every row of every table, every rendered page and every media file is compared.
"""

import json
import os
import subprocess
import sys

import pytest

from tools import database_templates

from .helpers import unavailable
from .live_site import ROOT, seeded_database

PG_DATABASE = "itrisk_backup_roundtrip"


def seeded_postgres_database():
    """A fresh copy of the seeded template on PostgreSQL for the round trip, or a skip (a failure on CI)."""
    try:
        return database_templates.postgres_copy(PG_DATABASE)
    except Exception as error:  # the server is not there: say so
        unavailable(f"PostgreSQL does not answer at {database_templates.POSTGRES_SERVER}: {error}")


@pytest.fixture(params=["sqlite", "postgresql"])
def site_env(request, tmp_path):
    if request.param == "sqlite":
        database_url = f"sqlite:///{seeded_database(tmp_path)}"
    else:
        database_url = seeded_postgres_database()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "itrisk.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        # Its own cache: the PostgreSQL copy has the same name on every run, and a folder named after
        # it would still hold the last run's pages (served without rendering, so no rendition).
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    env.pop("TEST_DATABASE_URL", None)
    return env


def run(env, *args):
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def helper(env, *steps):
    """The results of ``steps`` (tests.backup_roundtrip), run one after the other in one process."""
    lines = run(env, "-m", "tests.backup_roundtrip", *steps).strip().splitlines()
    return [json.loads(line) for line in lines[-len(steps) :]]


def test_a_restored_backup_is_the_site_exactly_as_it_was(site_env, tmp_path):
    backup = tmp_path / "backups" / "site.tar.gz"
    _filled, before, backed_up, _changed, changed, restored, after = helper(
        site_env, "fill", "fingerprint", f"backup={backup}", "change", "fingerprint", f"restore={backup}", "fingerprint"
    )
    assert before["counts"]["media files"] >= 2  # the image and its rendition
    assert f"to {backup}" in backed_up and backup.stat().st_mode & 0o077 == 0  # readable by its owner only
    assert changed["rows"] != before["rows"] and changed["rendered"] != before["rendered"]
    assert changed["media"] != before["media"]
    assert "Restored the backup" in restored
    assert after["counts"] == before["counts"]
    assert after["media"] == before["media"]
    assert after["rendered"] == before["rendered"]
    assert {label for label in before["rows"] if after["rows"][label] != before["rows"][label]} == set()


def test_restoring_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "not-a-backup.tar.gz"
    bogus.write_bytes(b"hello")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "itrisk.settings.dev", "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_site", "--no-input", str(bogus)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0 and "is not a readable backup" in result.stderr
    assert not (tmp_path / "db").exists()  # nothing was touched
