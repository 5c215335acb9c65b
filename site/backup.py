"""Backups of the whole site in one file, and restoring one: the database and the uploaded media.

The database is copied by its own tools, never re-serialised through Django (``dumpdata`` and
``loaddata`` renumber content types and break on references to deleted pages): SQLite through its
online backup API, which copies a consistent snapshot while the site keeps serving, PostgreSQL with
``pg_dump``/``pg_restore`` (custom format). Media files are read and written through the default
storage, so the same code backs up a local folder or an S3 bucket.

The file is a gzipped tar:
    manifest.json         format, time, database vendor, the migrations it was made at
    database.sqlite3 or database.pgdump
    media/<name>          every file of the default storage
"""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MEDIA_PREFIX = "media/"


class BackupError(Exception):
    """The backup cannot be made or restored; the message says why."""


def default_backup_path(now=None):
    now = now or datetime.datetime.now()
    return Path(settings.BASE_DIR) / "backups" / f"site-{now:%Y%m%d-%H%M%S}.tar.gz"


def _vendor():
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def _applied_migrations():
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _pg_env():
    """libpq environment for pg_dump/pg_restore from Django's connection settings (no password on argv)."""
    params = connection.settings_dict
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if params.get(key):
            env[name] = str(params[key])
    env["PGDATABASE"] = params["NAME"]
    return env


def _dump_database(workdir):
    if _vendor() == "sqlite":
        target = Path(workdir) / "database.sqlite3"
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        with sqlite3.connect(target) as copy:
            source.backup(copy)
        source.close()
        return target
    target = Path(workdir) / "database.pgdump"
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"], _pg_env())
    return target


def _run(command, env):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _media_names(storage, folder=""):
    """Every file name in ``storage``, recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += _media_names(storage, f"{folder}{sub}/")
    return sorted(names)


def make_backup(path):
    """Write the database and the media to ``path`` (a .tar.gz); returns what it holds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    media = _media_names(default_storage)
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "database": _vendor(),
        "migrations": _applied_migrations(),
        "media_files": len(media),
    }
    with tempfile.TemporaryDirectory() as workdir:
        database = _dump_database(workdir)
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
            archive.add(database, arcname=database.name)
            for name in media:
                with default_storage.open(name, "rb") as media_file:
                    _add_bytes(archive, MEDIA_PREFIX + name, media_file.read())
        os.chmod(partial, 0o600)
        partial.replace(path)  # never leave a half-written file under the final name
    return manifest


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def read_manifest(path):
    try:
        with tarfile.open(path, "r:gz") as archive:
            return json.load(archive.extractfile("manifest.json"))
    except (OSError, KeyError, ValueError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a readable backup: {error}") from error


def restore_backup(path):
    """Replace the database and the media with those of the backup at ``path``; returns its manifest.

    Refuses a backup made by a newer version of the site (migrations this code does not know) or
    for another database; an older one is restored and then migrated forward by the caller.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    manifest = read_manifest(path)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path.name} is not a backup this site can read (format {manifest.get('format')}).")
    if manifest["database"] != _vendor():
        raise BackupError(f"{path.name} is a {manifest['database']} backup; this site runs on {_vendor()}.")
    unknown = set(manifest["migrations"]) - set(_known_migrations())
    if unknown:
        raise BackupError(f"{path.name} was made by a newer version of the site ({len(unknown)} unknown migrations).")

    with tempfile.TemporaryDirectory() as workdir, tarfile.open(path, "r:gz") as archive:
        members = {member.name: member for member in archive.getmembers()}
        database = "database.sqlite3" if manifest["database"] == "sqlite" else "database.pgdump"
        archive.extract(members[database], workdir, filter="data")
        _restore_database(Path(workdir) / database)
        _restore_media(archive, [name for name in members if name.startswith(MEDIA_PREFIX)])
    for cache in caches.all():
        cache.clear()  # nothing stored before the restore is served after it
    return manifest


def _known_migrations():
    from django.db.migrations.loader import MigrationLoader

    return [f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations]


def _restore_database(dump):
    connections.close_all()
    if _vendor() == "sqlite":
        with sqlite3.connect(dump) as source, sqlite3.connect(settings.DATABASES["default"]["NAME"]) as target:
            source.backup(target)
        return
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
         f"--dbname={connection.settings_dict['NAME']}", str(dump)],
        _pg_env(),
    )


def _restore_media(archive, member_names):
    wanted = {name.removeprefix(MEDIA_PREFIX) for name in member_names}
    for name in _media_names(default_storage):
        if name not in wanted:
            default_storage.delete(name)
    for member_name in member_names:
        name = member_name.removeprefix(MEDIA_PREFIX)
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(archive.extractfile(member_name).read()))
        if saved != name:
            raise BackupError(f"The storage renamed {name} to {saved} while restoring.")
