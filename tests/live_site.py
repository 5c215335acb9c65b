"""A real running copy of the site for tests that talk to it over HTTP (curl, a browser).

It runs as ``make run`` runs it (dev settings, migrated, seed loaded, demo role accounts made) on
its own SQLite file and a free port, in a subprocess, so nothing it does touches the test database.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_site(data_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "itrisk.settings.dev",
        "DATABASE_URL": f"sqlite:///{Path(data_dir) / 'db.sqlite3'}",
    }
    env.pop("TEST_DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--no-input", "-v0"], ["load_seed_content"], ["ensure_admin"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, capture_output=True, timeout=300)
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{base_url}/api/v2/pages/?limit=1", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the site did not start")
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)
