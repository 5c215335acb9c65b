"""A free port for a copy of the site, and waiting until that copy answers.

Shared by the load test and the benchmark (run as scripts from tools/, which import it as
``serving``) and by the tests that start a copy of the site (which import ``tools.serving``).
"""

import socket
import time
import urllib.request


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base_url, seconds=30, path="/health/", headers=None):
    """Wait until the site at ``base_url`` answers ``path`` (its health check); RuntimeError if it
    never does. ``headers`` go with each request (a site behind a proxy wants to hear of it)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(urllib.request.Request(base_url + path, headers=headers or {}), timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the site at {base_url} did not start within {seconds} s")
