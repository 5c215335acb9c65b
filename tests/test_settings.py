"""Production settings pass Django's deployment checks and refuse to start without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, env):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def production_env(**extra):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update({"DJANGO_SETTINGS_MODULE": "itrisk.settings.production", **extra})
    return env


def test_check_deploy_is_clean_with_production_settings():
    env = production_env(SECRET_KEY="k" * 30 + "-production-like-secret-value-4f2a9c", ALLOWED_HOSTS="example.com")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_require_a_secret_key():
    result = manage("check", env=production_env(ALLOWED_HOSTS="example.com"))
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr
