"""Production settings pass Django's deployment checks and refuse to start without their secrets."""

import os
import subprocess
import sys

from .live_site import ROOT, seeded_database


def manage(*args, env):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def production_env(**extra):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update({"DJANGO_SETTINGS_MODULE": "itrisk.settings.production", **extra})
    return env


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = production_env(
        SECRET_KEY="k" * 30 + "-production-like-secret-value-4f2a9c",
        ALLOWED_HOSTS="example.com",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_require_a_secret_key():
    result = manage("check", env=production_env(ALLOWED_HOSTS="example.com"))
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


# Each step as the site's operator would take it, in one process (starting Python and Django five
# times took ten seconds): a demo account made, the deployment check, starting as gunicorn does
# (importing itrisk.wsgi), the password changed, starting again.
DEMO_ACCOUNT_STEPS = """
import importlib
import django
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def start():
    try:
        importlib.import_module("itrisk.wsgi")  # a refusal leaves it unimported: the next start runs it again
    except Exception as error:
        return "refused: " + str(error).replace("\\n", " ")
    return "started"


User.objects.create_user("editor", password="editor-dev-only")
try:
    call_command("check", "--deploy")
    print("check: passed")
except SystemCheckError as error:
    print("check:", str(error).replace("\\n", " "))
print("start:", start())
editor = User.objects.get(username="editor")
editor.set_password("a-real-secret-7f3k")
editor.save()
print("start again:", start())
"""


def test_production_refuses_to_start_while_a_demo_account_has_its_published_password(tmp_path):
    env = production_env(
        SECRET_KEY="k" * 30 + "-production-like-secret-value-4f2a9c",
        ALLOWED_HOSTS="example.com",
        DATABASE_URL=f"sqlite:///{seeded_database(tmp_path)}",
    )
    result = subprocess.run(
        [sys.executable, "-c", DEMO_ACCOUNT_STEPS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    check, start, start_again = [line for line in result.stdout.splitlines() if line.startswith(("check", "start"))]
    assert check.startswith("check: ") and "itrisk.E001" in check and "editor" in check
    assert start.startswith("start: refused: ") and "still have the passwords printed by 'make run'" in start
    assert start_again == "start again: started"


def test_make_serve_keeps_its_own_database_and_a_random_secret():
    commands = subprocess.run(
        ["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, timeout=60
    ).stdout
    assert "DATABASE_URL=${DATABASE_URL:-sqlite:///" in commands and "/.serve/db.sqlite3}" in commands
    assert "SECRET_KEY=${SECRET_KEY:-$(cat .serve/secret_key)}" in commands
    assert "date +%s" not in commands


def test_production_keeps_connections_shares_its_cache_and_can_purge_a_cdn(tmp_path):
    env = production_env(
        SECRET_KEY="k" * 30 + "-production-like-secret-value-4f2a9c",
        ALLOWED_HOSTS="example.com",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CACHE_DIR=str(tmp_path / "cache"),
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081/",
    )
    show = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], settings.CACHES['default']['BACKEND'], "
        "'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS, settings.PAGE_CACHE)"
    )
    result = manage("shell", "-c", show, env=env)
    assert result.stdout.strip().splitlines()[-1].split() == ["600", "True", "itrisk.disk_cache.DiskCache", "True", "True"]
    result = manage("shell", "-c", "from django.conf import settings; print(settings.PAGE_CACHE)", env={**env, "PAGE_CACHE": "off"})
    assert result.stdout.strip().splitlines()[-1] == "False"
