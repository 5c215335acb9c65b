"""Every curl example of docs/api.md runs against a real running copy of the site and gets JSON."""

import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "api.md"
DOC_BASE_URL = "http://127.0.0.1:8000"


def doc_curl_commands():
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("curl ")]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def running_site(tmp_path_factory):
    """The site as ``make run`` serves it: migrated, seeded, on its own SQLite file and port."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "itrisk.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('site') / 'db.sqlite3'}",
    }
    env.pop("TEST_DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--no-input", "-v0"], ["load_seed_content"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, capture_output=True, timeout=300)
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base_url}/api/v2/pages/?limit=1", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the site did not start")
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_guide_has_examples_for_each_task():
    commands = " ".join(doc_curl_commands())
    for needle in ["InsuranceLineIndexPage", "IncidentScenarioPage", "contact-hours", "locale=en", "/api/v3/"]:
        assert needle in commands


@pytest.mark.parametrize("command", doc_curl_commands())
def test_each_curl_example_answers_json(running_site, command):
    args = shlex.split(command.replace(DOC_BASE_URL, running_site))
    result = subprocess.run(args, capture_output=True, text=True, timeout=30, check=True)
    output = result.stdout
    if "-w" in args:  # the example prints the status code after the body
        output, status = output.rstrip("\n").rsplit("\n", 1)
        assert status == "400"
        assert json.loads(output)["message"] == "payout_kind: must be one of liability, own-cost"
        return
    data = json.loads(output)
    items = data.get("items")
    assert items, command
