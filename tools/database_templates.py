"""One migrated and seeded database, made once and copied wherever a test needs the seed content.

Migrating Wagtail and loading the seed content cost about 25 s of CPU, and the suite needs that
database in every pytest-xdist worker, in the live site, and in the backup and scale-out tests. So it
is made once, by ``manage.py migrate`` and ``manage.py load_seed_content`` as a deployment makes it,
and then copied: a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL.

A template is named after a fingerprint of everything that decides its content (the project's Python
code, the seed files and the installed packages' versions), so a change to any of them makes a new one
and a template is never stale. A file lock lets the first worker build it while the others wait.
"""

import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The PostgreSQL server the tests that run their own copy of the site make their databases on.
POSTGRES_SERVER = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
CACHE_DIR = Path(tempfile.gettempdir()) / "itrisk-test-databases"
_CONTENT_SOURCES = ("site", "scenarios", "home")
_BUILD = (
    "from django.core.management import call_command; "
    "call_command('migrate', interactive=False, verbosity=0); "
    "call_command('load_seed_content')"
)


@cache
def fingerprint():
    digest = hashlib.sha256()
    for top in _CONTENT_SOURCES:
        for path in sorted((ROOT / top).rglob("*")):
            if path.suffix in {".py", ".toml", ".txt"} and "tests" not in path.parts and path.is_file():
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(name):
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(CACHE_DIR / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build(database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "itrisk.settings.dev", "DATABASE_URL": database_url}
    env.pop("TEST_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", _BUILD], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=600,
    )
    if result.returncode:
        raise RuntimeError(f"could not build the seeded template database:\n{result.stdout}{result.stderr}")


def sqlite_copy(target):
    """Copy the seeded SQLite template to ``target`` (a path) and return it."""
    template = CACHE_DIR / f"seeded-{fingerprint()}.sqlite3"
    with _locked("sqlite"):
        if not template.exists():
            for stale in CACHE_DIR.glob("seeded-*.sqlite3"):
                stale.unlink()
            building = template.with_suffix(".building")
            building.unlink(missing_ok=True)
            _build(f"sqlite:///{building}")
            building.rename(template)
    shutil.copyfile(template, target)
    return Path(target)


def _server_connection(server_url):
    import psycopg

    return psycopg.connect(server_url.replace("postgres://", "postgresql://"), autocommit=True, connect_timeout=3)


def _database_url(server_url, name):
    return server_url.rsplit("/", 1)[0].replace("postgresql://", "postgres://") + f"/{name}"


def postgres_copy(name, server_url=POSTGRES_SERVER):
    """Make database ``name`` on the server of ``server_url`` a fresh copy of the seeded template and
    return its URL. Raises psycopg's OperationalError when the server does not answer."""
    template = f"itrisk_seeded_{fingerprint()}"
    with _locked("postgres"), _server_connection(server_url) as conn:
        seeded = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'itrisk_seeded_%'")
        existing = {row[0] for row in seeded}
        if template not in existing:
            for stale in existing:
                conn.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{template}_building"')
            _build(_database_url(server_url, f"{template}_building"))
            conn.execute(f'ALTER DATABASE "{template}_building" RENAME TO "{template}"')
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return _database_url(server_url, name)


def postgres_drop(name, server_url=POSTGRES_SERVER):
    with _server_connection(server_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
