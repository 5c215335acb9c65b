"""``make loadtest``: the production site under load while an approver publishes, with nothing failing.

For each database (SQLite; PostgreSQL with Redis as the cache), it starts the site as ``make serve``
does (production settings, gunicorn, its own database, media and secret in a temporary folder) and:

- wrk, in its own process, sends a mix of requests on 127.0.0.1 (home, line and scenario pages in both
  languages, finder queries, API v2 and v3 listings and details, a static file) for ``--seconds``
  at ``--connections`` connections;
- meanwhile an approver, signed in to the admin through its login form, publishes a change every
  ``--publish-every`` seconds, alternating the phone line's note and a scenario's caveat, through
  the same edit forms a person submits;
- at the end, every answer must have been 2xx or 3xx (none 5xx, no socket errors), the server's log
  must hold no error, and the last published changes must be on the site.

It prints a table (and writes it to ``--report`` if given) and exits 1 if anything failed. It stops
by itself: wrk runs for a fixed time and every step has a timeout.
"""

import argparse
import html.parser
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import database_templates
from serving import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_SERVER = os.environ.get("LOADTEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ERROR_LINE = re.compile(r"\b(ERROR|CRITICAL)\b|Traceback")

WRK_SCRIPT = """
local paths = {%s}
local index = 0
request = function()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index], {["Accept-Language"] = "ja"})
end
"""


def manage(env, *args, timeout=600):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


class Site:
    """The site under production settings in a temporary folder, served by gunicorn."""

    def __init__(self, database, workdir, workers):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(workdir) / "server.log"
        self.workers = workers
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "itrisk.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "MEDIA_ROOT": str(Path(workdir) / "media"),
            "DATABASE_CONN_MAX_AGE": "600",
            "PUBLIC_BASE_URL": self.url,
        }
        self.database = database
        self.workdir = Path(workdir)
        if database == "postgresql":
            self.env["REDIS_URL"] = REDIS_URL
        self.server = None

    def start(self):
        self.prepare()
        self.serve()

    def prepare(self):
        """The database with the seed content, the static files and an approver's account.

        The database is a copy of the migrated and seeded template the test suite also starts from
        (database_templates: ``migrate`` and ``load_seed_content``, made once per version of the
        code), so that each run measures the site rather than migrating it again."""
        if self.database == "sqlite":
            database_url = f"sqlite:///{database_templates.sqlite_copy(self.workdir / 'db.sqlite3')}"
        else:
            database_url = database_templates.postgres_copy("itrisk_loadtest", f"{PG_SERVER}/postgres")
            flush_redis()
        self.env["DATABASE_URL"] = database_url
        self.approver_password = secrets.token_urlsafe(16)
        manage(
            self.env, "shell", "-c",
            "from django.contrib.auth.models import Group, User; "
            "from django.core.management import call_command as run; "
            "run('migrate', interactive=False, verbosity=0); run('analyze_database'); run('sync_site_url'); "
            "run('collectstatic', interactive=False, verbosity=0); "
            f"u = User.objects.create_user('load-approver', password='{self.approver_password}'); "
            "u.groups.add(Group.objects.get(name='承認者'))",
        )

    def serve(self, **environment):
        """gunicorn on the prepared site, with ``environment`` added to its settings' environment."""
        log = open(self.log_path, "a")
        self.server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "itrisk.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(self.workers), "--timeout", "60"],
            cwd=ROOT, env={**self.env, **environment}, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(self.url)
        except RuntimeError as error:
            raise SystemExit(f"{error}; see {self.log_path}") from error

    def stop(self):
        if self.server is not None:
            self.server.send_signal(signal.SIGTERM)
            self.server.wait(timeout=30)
            self.server = None

    def log_errors(self):
        return [line for line in self.log_path.read_text(errors="replace").splitlines() if ERROR_LINE.search(line)]


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def request_mix(site):
    """The paths wrk cycles through: what visitors and headless clients ask for."""
    pages = get_json(f"{site.url}/api/v2/pages/?limit=100&fields=-title")["items"]
    urls = [urllib.parse.urlsplit(page["meta"]["html_url"]).path for page in pages]
    scenario_ids = [page["id"] for page in pages if page["meta"]["type"] == "scenarios.IncidentScenarioPage"]
    css = re.search(r'href="(/static/css/site\.[^"]+\.css)"', urllib.request.urlopen(f"{site.url}/ja/").read().decode())
    paths = urls + [
        "/ja/search/?q=" + urllib.parse.quote("サーバー"),
        "/ja/search/?loss_type=lost-profits",
        "/en/search/?q=data",
        "/api/v2/pages/?type=scenarios.IncidentScenarioPage&fields=*&locale=ja",
        "/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=en&search=server",
        f"/api/v2/pages/{scenario_ids[0]}/",
        "/api/v2/contact-hours/?locale=ja",
        "/api/v3/pages/?type=scenarios.IncidentScenarioPage",
        f"/api/v3/pages/{scenario_ids[-1]}/",
        css.group(1) if css else "/robots.txt",
    ]
    return paths


class FormReader(html.parser.HTMLParser):
    """The values a browser would submit from the form with ``form_id`` (without running scripts)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields, self.textarea, self.select = form_id, False, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and "name" in attrs and attrs.get("type") not in ("submit", "button", "file", "image"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if attrs.get("type") == "checkbox" else ""
            self.fields.append([attrs["name"], attrs.get("value", default)])
        elif tag == "textarea" and "name" in attrs:
            self.textarea = [attrs["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select" and "name" in attrs:
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append([self.select, attrs.get("value", "")])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


class Approver:
    """Signs in to the admin through its login form and publishes through the edit forms."""

    def __init__(self, site):
        self.site = site
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.published = []  # (field, value), in order
        self.failures = []

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.site.url + path, data=body, headers={"Referer": self.site.url + path})
        return self.opener.open(request, timeout=60)

    def csrf(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def sign_in(self):
        self.open("/admin/login/")
        self.open(
            "/admin/login/",
            {"csrfmiddlewaretoken": self.csrf(), "username": "load-approver", "password": self.site.approver_password},
        )

    def publish(self, edit_path, field, value):
        """Open the edit form, change one field, press "publish"; Wagtail redirects away on success."""
        reader = FormReader("page-edit-form" if edit_path.startswith("/admin/pages/") else "w-editor-form")
        reader.feed(self.open(edit_path).read().decode())
        if not reader.fields:
            raise RuntimeError("no edit form found")
        data = [(name, text) for name, text in reader.fields if name != field]
        data += [(field, value), ("action-publish", "action-publish")]
        response = self.open(edit_path, data)
        if urllib.parse.urlsplit(response.url).path == edit_path:
            raise RuntimeError(f"the form came back instead of publishing {field}")
        self.published.append((field, value))

    def run(self, stop, every, targets):
        self.sign_in()
        number = 0
        while not stop.wait(every):
            number += 1
            edit_path, field = targets[number % len(targets)]
            try:
                self.publish(edit_path, field, f"負荷試験の変更 {number}")
            except Exception as error:  # noqa: BLE001 - every failure is reported at the end
                self.failures.append(f"{edit_path}: {error}")


def edit_targets(site):
    hours = get_json(f"{site.url}/api/v2/contact-hours/?locale=ja")["items"][0]["id"]
    scenario = get_json(f"{site.url}/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=ja&limit=1")["items"][0]
    return [
        (f"/admin/snippets/scenarios/contacthours/edit/{hours}/", "note"),
        (f"/admin/pages/{scenario['id']}/edit/", "caveat"),
    ], {"note": "/ja/", "caveat": urllib.parse.urlsplit(scenario["meta"]["html_url"]).path}


def changes_visible(site, published, shown_on):
    """True if the last value published for each field is on the public page that shows it."""
    for field, path in shown_on.items():
        values = [value for published_field, value in published if published_field == field]
        if not values or values[-1] not in urllib.request.urlopen(site.url + path, timeout=30).read().decode():
            return False
    return True


def run_wrk(site, paths, seconds, connections, workdir):
    script = Path(workdir) / "mix.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(path) for path in paths))
    result = subprocess.run(
        ["wrk", "--threads", "2", "--connections", str(connections), "--duration", f"{seconds}s",
         "--timeout", "10s", "--latency", "--script", str(script), site.url],
        capture_output=True, text=True, timeout=seconds + 60,
    )
    return parse_wrk(result.stdout)


def parse_wrk(output):
    def number(pattern, default="0"):
        match = re.search(pattern, output)
        return match.group(1) if match else default

    socket_errors = number(r"Socket errors: (.*)", "")
    return {
        "requests": int(number(r"(\d+) requests in")),
        "requests_per_second": float(number(r"Requests/sec:\s+([\d.]+)")),
        "p50": number(r"(?m)^\s+50%\s+(\S+)", "-"),
        "p99": number(r"(?m)^\s+99%\s+(\S+)", "-"),
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", socket_errors)),
        "raw": output,
    }


def run_one(database, args):
    with tempfile.TemporaryDirectory(prefix=f"loadtest-{database}-") as workdir:
        site = Site(database, workdir, args.workers)
        try:
            site.start()
            paths = request_mix(site)
            targets, shown_on = edit_targets(site)
            approver = Approver(site)
            stop = threading.Event()
            publisher = threading.Thread(target=approver.run, args=(stop, args.publish_every, targets))
            publisher.start()
            load = run_wrk(site, paths, args.seconds, args.connections, workdir)
            stop.set()
            publisher.join(timeout=120)
            visible = changes_visible(site, approver.published, shown_on)
            errors = site.log_errors()
        finally:
            site.stop()
    return {
        "database": "SQLite" if database == "sqlite" else "PostgreSQL + Redis",
        **load,
        "paths": len(paths),
        "publishes": len(approver.published),
        "publish_failures": approver.failures,
        "changes_visible": visible,
        "log_errors": errors,
    }


def report(results, args):
    lines = [
        f"Load test: {args.seconds} s, {args.connections} connections, {args.workers} gunicorn workers, "
        f"a publish every {args.publish_every} s",
        "",
        "| database | requests | req/s | p50 | p99 | non-2xx/3xx | socket errors | publishes | failed publishes "
        "| changes visible | log errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        lines.append(
            f"| {result['database']} | {result['requests']} | {result['requests_per_second']:.0f} | {result['p50']} | "
            f"{result['p99']} | {result['non_2xx_3xx']} | {result['socket_errors']} | {result['publishes']} | "
            f"{len(result['publish_failures'])} | {'yes' if result['changes_visible'] else 'NO'} "
            f"| {len(result['log_errors'])} |"
        )
    for result in results:
        for problem in result["publish_failures"][:5] + result["log_errors"][:10]:
            lines.append(f"- {result['database']}: {problem}")
    return "\n".join(lines)


def passed(result):
    return (
        result["requests"] > 0
        and result["non_2xx_3xx"] == 0
        and result["socket_errors"] == 0
        and result["publishes"] > 0
        and not result["publish_failures"]
        and result["changes_visible"]
        and not result["log_errors"]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--publish-every", type=float, default=3.0)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--report", help="Also write the table to this file.")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk; make loadtest installs it).")
    databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    results = [run_one(database, args) for database in databases]
    table = report(results, args)
    print(table)
    if args.report:
        Path(args.report).write_text(table + "\n")
    sys.exit(0 if all(passed(result) for result in results) else 1)


if __name__ == "__main__":
    main()
