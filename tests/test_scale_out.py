"""Two app servers on different ports, sharing one PostgreSQL and one Redis, serve the same content,
and hours an approver publishes through one are on the other's (cached) pages at once.

Runs the production settings under gunicorn in subprocesses; needs PostgreSQL and Redis (skips
without them, fails on CI).
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager

import pytest

from tools import database_templates
from tools.serving import free_port, wait_until_up

from .helpers import unavailable
from .live_site import ROOT

PG_DATABASE = "itrisk_scale_out"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def services_or_skip():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).flushdb()
        return database_templates.postgres_copy(PG_DATABASE)
    except Exception as error:
        unavailable(f"PostgreSQL or Redis does not answer: {error}")


def production_env(database_url, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "itrisk.settings.production",
        "SECRET_KEY": "scale-out-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("TEST_DATABASE_URL", None)
    return env


def manage(env, *args, stdin=None):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@contextmanager
def app_server(env, log):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "itrisk.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("X-Cache"), response.read().decode()


class Browser:
    """An approver's browser: cookies, and the CSRF token of each form it posts."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.base_url + path, timeout=10) as response:
            return response.read().decode()

    def post(self, path, data):
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path)).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(self.base_url + path, body, headers={"Referer": self.base_url + path})
        with self.opener.open(request, timeout=10) as response:
            return response.geturl()


def input_value(html, name):
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    return re.search(r'value="([^"]*)"', tag).group(1)


@pytest.mark.postgres
def test_a_publish_through_one_server_is_seen_through_the_other_at_once(tmp_path):
    env = production_env(services_or_skip(), tmp_path)
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "shell", "-c", (
        "from django.contrib.auth.models import Group, User; "
        "u = User.objects.create_user('approver-one', password='a-long-test-password'); "
        "u.groups.add(Group.objects.get(name='承認者'))"
    ))
    with ExitStack() as stack:
        log = stack.enter_context((tmp_path / "servers.log").open("w"))
        first = stack.enter_context(app_server(env, log))
        second = stack.enter_context(app_server(env, log))
        for path in ("/ja/", "/en/it-work-liability/"):
            # The same content (absolute links name the server they came from).
            assert fetch(first + path)[1].replace(first, "") == fetch(second + path)[1].replace(second, "")
        fetch(second + "/en/")
        assert fetch(second + "/en/")[0] == "hit" and "17:00" not in fetch(second + "/en/")[1]

        approver = Browser(first)
        approver.post("/admin/login/", {"username": "approver-one", "password": "a-long-test-password"})
        edit = re.search(r'href="(/admin/snippets/scenarios/contacthours/edit/\d+/)"',
                         approver.get("/admin/snippets/scenarios/contacthours/")).group(1)
        form = approver.get(edit)
        assert "受付" in form
        approver.post(edit, {
            "heading": input_value(form, "heading"),
            "phone_label": input_value(form, "phone_label"),
            "phone_number": "0120-347-277",
            "open_weekdays": ["0", "1", "2", "3", "4"],
            "opens_at": "10:00", "closes_at": "17:00", "closed_on_national_holidays": "on", "note": "",
            "action-publish": "publish",
            **{f"closures-{name}": input_value(form, f"closures-{name}")  # the closure periods: none
               for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")},
        })
        cache_state, english_home = fetch(second + "/en/")
        assert cache_state == "miss" and "17:00" in english_home
        assert "17:00" in fetch(second + "/ja/it-work-liability/")[1]
