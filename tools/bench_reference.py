"""The reference for ``make bench``: Wagtail's demo site (bakerydemo), served and measured as this site is.

The performance target is relative ("an uncached scenario page at 3 times bakerydemo's blog page,
measured the same way in the same run"), so the benchmark needs bakerydemo beside this site: given a
checkout of it (``make bench BAKERYDEMO=path``), this module installs it in its own virtual
environment (kept between runs, one per version of its requirements), loads its demo content into
its own SQLite database in a temporary folder, and serves it with its production settings under the
same gunicorn, on the same number of workers, as this site. bakerydemo redirects plain HTTP to HTTPS
behind a proxy, so every request says it came through one (``X-Forwarded-Proto: https``).

A checkout from 2025 (Wagtail 7.2, Django 5.2) installs on the Python this site uses; newer ones
need Django 6 and Python 3.12.
"""

import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from serving import free_port, wait_until_up

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "itrisk-bench"
HEADERS = {"X-Forwarded-Proto": "https"}
BLOG_PAGE = (
    "from bakerydemo.blog.models import BlogPage; "
    "print(BlogPage.objects.live().public().order_by('path').first().get_url())"
)


# django-tasks 0.9.0 (which Wagtail 7.2 allows) fails on Python 3.11 as soon as a page is saved
# ("super(type, obj): obj must be an instance or subtype of type"); 0.8.1 works.
EXTRA_REQUIREMENTS = ["whitenoise", "django-tasks!=0.9.0"]


def _gunicorn_requirement():
    """The gunicorn this site pins, so that both sites run on the same server."""
    requirements = (Path(__file__).resolve().parent.parent / "requirements.txt").read_text().splitlines()
    return next(line.split("#")[0].strip() for line in requirements if line.startswith("gunicorn=="))


class BakeryDemo:
    """bakerydemo from ``checkout``, prepared in ``workdir`` and served by gunicorn with ``workers``."""

    def __init__(self, checkout, workdir, workers):
        self.checkout = Path(checkout).resolve()
        if not (self.checkout / "bakerydemo" / "settings" / "production.py").exists():
            raise SystemExit(f"{self.checkout} is not a checkout of wagtail/bakerydemo")
        self.project = Path(workdir) / "bakerydemo"
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(workdir) / "bakerydemo.log"
        self.python = None
        self.server = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{Path(workdir) / 'bakerydemo.sqlite3'}",
        }
        for name in ("REDIS_URL", "REDIS_TLS_URL"):  # its local-memory cache, as this site's SQLite run
            self.env.pop(name, None)

    def _virtualenv(self):
        """Its own virtual environment: its requirements, WhiteNoise for its static files (as its
        production settings expect) and this site's gunicorn."""
        requirements = (self.checkout / "requirements" / "base.txt").read_bytes()
        extra = [*EXTRA_REQUIREMENTS, _gunicorn_requirement()]
        key = hashlib.sha256(requirements + " ".join(extra).encode()).hexdigest()[:12]
        venv = CACHE / f"bakerydemo-{key}"
        python = venv / "bin" / "python"
        if not (venv / ".installed").exists():
            shutil.rmtree(venv, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 "-r", str(self.checkout / "requirements" / "base.txt"), *extra],
                check=True,
            )  # fmt: skip
            (venv / ".installed").touch()
        return python

    def manage(self, *args, timeout=600):
        result = subprocess.run(
            [str(self.python), "manage.py", *args], cwd=self.project, env=self.env,
            capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        if result.returncode != 0:
            raise SystemExit(f"bakerydemo: manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def prepare(self):
        """A copy of the checkout (its demo content is loaded into it), migrated and loaded."""
        self.python = self._virtualenv()
        shutil.copytree(self.checkout, self.project, ignore=shutil.ignore_patterns(".git"))
        for made_by_a_run in ("media", "collect_static"):  # the checkout's own, if it was ever run
            shutil.rmtree(self.project / "bakerydemo" / made_by_a_run, ignore_errors=True)
        self.manage("migrate", "--no-input", "--verbosity", "0")
        self.manage("load_initial_data")
        self.manage("collectstatic", "--no-input", "--verbosity", "0")

    def blog_page(self):
        return self.manage("shell", "-c", BLOG_PAGE).strip().splitlines()[-1]

    def serve(self):
        log = open(self.log_path, "a")
        self.server = subprocess.Popen(
            [str(self.python.parent / "gunicorn"), "bakerydemo.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(self.workers), "--timeout", "60"],
            cwd=self.project, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            wait_until_up(self.url, seconds=60, path="/", headers=HEADERS)
        except RuntimeError as error:
            raise SystemExit(f"bakerydemo: {error}; see {self.log_path}") from error

    def get(self, path):
        request = urllib.request.Request(self.url + path, headers=HEADERS)
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def stop(self):
        if self.server is not None:
            self.server.send_signal(signal.SIGTERM)
            self.server.wait(timeout=30)
            self.server = None
