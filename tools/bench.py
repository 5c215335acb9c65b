"""``make bench``: requests per second, latency and SQL queries of each kind of page, at 21 and 10,000 scenarios.

For each database (SQLite; PostgreSQL with Redis as the cache) it prepares the site as ``make serve``
does (production settings, its own copy of the seeded database in a temporary folder,
``tools/loadtest.py``'s ``Site``), then for each size of catalogue (the seed's 21 scenarios per language, then
``generate_scenarios --bulk`` up to ``--scenarios``) and each mode (the page cache on, then off
with ``PAGE_CACHE=off``) it serves the site with gunicorn on 127.0.0.1 and measures, one URL at a
time, with wrk in its own process: the home page, a line, a scenario, the finder with a query, an
API listing and a static file. For each URL it also counts the SQL queries of one warm request (in
a separate process with the same settings) and the body's size, and for each run the peak memory
of each gunicorn worker. With the page cache on it also measures the first render after a publish:
in process (``FIRST_RENDER``: publish, then the first request for each page, timed and its queries
counted), and under load (an approver publishing every second while wrk runs the load test's mix,
the scenario page timed after each publish).

With ``--reference`` (a checkout of wagtail/bakerydemo; ``make bench BAKERYDEMO=path``), right after
the SQLite runs it measures bakerydemo's home and blog page the same way (``tools/bench_reference.py``),
and gives the uncached scenario page's requests per second as a multiple of the blog page's.

It prints the table and writes it to ``bench/results.md`` (``--output``). Nothing fails here: the
figures are for reading and comparing (the query counts are asserted by tests/test_query_budget.py).
"""

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench_reference import HEADERS, BakeryDemo
from loadtest import ROOT, Approver, Site, edit_targets, get_json, manage, parse_wrk, request_mix, run_wrk

COUNT_QUERIES = """
import json, os
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
headers = json.loads(os.environ["BENCH_HEADERS"])
headers = {"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()}
client, counts = Client(HTTP_HOST="127.0.0.1", **headers), {}
for path in json.loads(os.environ["BENCH_PATHS"]):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts[path] = len(queries)
print(json.dumps(counts))
"""

# The first request for each URL after an approver's publish, in one process with the site's
# settings and its page cache on: the publish marks what it changed, so each of these requests
# renders afresh (X-Cache: miss). Its time and SQL queries are what the first visitor after a
# publish waits for, with nothing warmed by a request before it.
FIRST_RENDER = """
import json, os, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
paths = json.loads(os.environ["BENCH_PATHS"])
scenario = Page.objects.get(pk=int(os.environ["BENCH_SCENARIO"])).specific
client = Client(HTTP_HOST="127.0.0.1")
results = {path: {"ms": [], "queries": [], "hits": 0} for path in paths}
for path in paths:  # the process's own start (imports, templates compiled), not measured
    client.get(path)
for number in range(int(os.environ["BENCH_ROUNDS"])):
    scenario.caveat = f"bench {number}"
    scenario.save_revision().publish()
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = time.perf_counter() - started
        assert response.status_code == 200, (path, response.status_code)
        results[path]["ms"].append(elapsed * 1000)
        results[path]["queries"].append(len(queries))
        results[path]["hits"] += response.get("X-Cache") == "hit"
print(json.dumps(results))
"""


def urls(site):
    """The URL of each kind of page, read from the running site as a visitor and a client find them."""
    scenarios = get_json(f"{site.url}/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=ja&limit=1")
    scenario = urllib.parse.urlsplit(scenarios["items"][0]["meta"]["html_url"]).path
    home = urllib.request.urlopen(f"{site.url}/ja/", timeout=30).read().decode()
    css = next(part.split('"')[0] for part in home.split('href="')[1:] if part.startswith("/static/css/"))
    return {
        "home": "/ja/",
        "line": scenario.rsplit("/", 2)[0] + "/",
        "scenario": scenario,
        "finder, q=サーバー": "/ja/search/?q=" + urllib.parse.quote("サーバー"),
        "API v2 scenario list": "/api/v2/pages/?type=scenarios.IncidentScenarioPage&locale=ja",
        "static CSS": css,
    }


def query_counts(site, paths, environment, python=sys.executable, project=ROOT, headers=None):
    """The SQL queries of one warm request to each path, in a separate process with the site's settings."""
    env = {**site.env, **environment, "BENCH_PATHS": json.dumps(paths), "BENCH_HEADERS": json.dumps(headers or {})}
    result = subprocess.run(
        [str(python), "manage.py", "shell", "-c", COUNT_QUERIES],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def first_render_in_process(site, database, scenarios, paths, rounds):
    """``FIRST_RENDER`` for every page but the static file, ``rounds`` publishes."""
    pages = {name: path for name, path in paths.items() if not path.startswith("/static/")}
    scenario = get_json(f"{site.url}/api/v2/pages/find/?html_path={urllib.parse.quote(paths['scenario'])}")["id"]
    env = {**site.env, "BENCH_PATHS": json.dumps(list(pages.values())), "BENCH_SCENARIO": str(scenario),
           "BENCH_ROUNDS": str(rounds)}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", FIRST_RENDER],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    rows = []
    for name, path in pages.items():
        figures = measured[path]
        rows.append(
            {
                "database": database, "scenarios": scenarios, "page": name, "where": "in process",
                "renders": len(figures["ms"]) - figures["hits"], "hits": figures["hits"],
                "queries": sorted(set(figures["queries"])), "p50": statistics.median(figures["ms"]),
                "p99": percentile(figures["ms"], 0.99), "max": max(figures["ms"]),
            }
        )  # fmt: skip
    return rows


class TimingApprover(Approver):
    """The load test's approver, who after each publish asks for the scenario page and times it."""

    def __init__(self, site, path):
        super().__init__(site)
        self.path = path
        self.first_renders = []  # (ms, X-Cache)

    def publish(self, edit_path, field, value):
        super().publish(edit_path, field, value)
        started = time.perf_counter()
        response = urllib.request.urlopen(self.site.url + self.path, timeout=30)
        response.read()
        self.first_renders.append(((time.perf_counter() - started) * 1000, response.headers.get("X-Cache")))


def first_render_under_load(site, database, scenarios, paths, args):
    """The scenario page's first render after each publish (every second, through the admin's
    forms, alternating the phone line's note and a scenario's caveat, both shown on the page) while
    wrk sends the load test's mix of requests to the cached site."""
    targets, _shown_on = edit_targets(site)
    approver = TimingApprover(site, paths["scenario"])
    stop = threading.Event()
    publisher = threading.Thread(target=approver.run, args=(stop, 1.0, targets))
    publisher.start()
    try:
        load = run_wrk(site, request_mix(site), args.load_seconds, args.connections, site.workdir)
    finally:
        stop.set()
        publisher.join(timeout=120)
    times = [ms for ms, _marker in approver.first_renders]
    if approver.failures or not times:
        raise SystemExit(f"the approver could not publish: {approver.failures[:3]}")
    return {
        "database": database, "scenarios": scenarios, "page": "scenario", "where": "under load",
        "renders": sum(marker == "miss" for _ms, marker in approver.first_renders),
        "hits": sum(marker == "hit" for _ms, marker in approver.first_renders), "queries": [],
        "p50": statistics.median(times), "p99": percentile(times, 0.99), "max": max(times),
        "load": f"{load['requests_per_second']:.0f} req/s, p99 {load['p99']}, "
                f"{load['non_2xx_3xx'] + load['socket_errors']} errors",
    }  # fmt: skip


def body_size(site, path):
    body = urllib.request.urlopen(site.url + path, timeout=30).read()
    return len(body), len(gzip.compress(body))


def wrk(site, path, seconds, connections, headers=None):
    header_options = [option for name, value in (headers or {}).items() for option in ("--header", f"{name}: {value}")]
    result = subprocess.run(
        ["wrk", "--threads", "2", "--connections", str(connections), "--duration", f"{seconds}s",
         "--timeout", "10s", "--latency", *header_options, site.url + path],
        capture_output=True, text=True, timeout=seconds + 60,
    )  # fmt: skip
    return parse_wrk(result.stdout)


def worker_peak_memory(site):
    """The highest peak resident memory (VmHWM) among the gunicorn workers, in MB."""
    children = subprocess.run(["pgrep", "-P", str(site.server.pid)], capture_output=True, text=True).stdout.split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status")
        if status.exists():
            line = next(line for line in status.read_text().splitlines() if line.startswith("VmHWM"))
            peaks.append(int(line.split()[1]) / 1024)
    return max(peaks, default=0.0)


def measure(site, database, scenarios, args):
    rows, first_renders = [], []
    for mode, environment in (("cached", {}), ("uncached", {"PAGE_CACHE": "off"})):
        site.serve(**environment)
        try:
            paths = urls(site)
            counts = query_counts(site, list(paths.values()), environment)
            for name, path in paths.items():
                for _warm in range(3):
                    urllib.request.urlopen(site.url + path, timeout=30).read()
                load = wrk(site, path, args.seconds, args.connections)
                size, compressed = body_size(site, path)
                rows.append(
                    {
                        "database": database, "scenarios": scenarios, "page": name, "mode": mode,
                        "rps": load["requests_per_second"], "p50": load["p50"], "p99": load["p99"],
                        "errors": load["non_2xx_3xx"] + load["socket_errors"],
                        "queries": "-" if path.startswith("/static/") else counts[path],
                        "size": size, "compressed": compressed,
                    }
                )  # fmt: skip
                print(f"  {database}, {scenarios} scenarios, {mode}: {name} {load['requests_per_second']:.0f} req/s")
            rows[-1]["memory"] = worker_peak_memory(site)
            if mode == "cached":
                first_renders += first_render_in_process(site, database, scenarios, paths, args.rounds)
                first_renders.append(first_render_under_load(site, database, scenarios, paths, args))
                print(f"  {database}, {scenarios} scenarios: first render after a publish measured")
        finally:
            site.stop()
    return rows, first_renders


def measure_reference(args):
    """bakerydemo's home and blog page, uncached (it has no page cache), as this site's pages are measured."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-bakerydemo-") as workdir:
        demo = BakeryDemo(args.reference, workdir, args.workers)
        demo.prepare()
        paths = {"home": "/", "blog page": demo.blog_page()}
        counts = query_counts(demo, list(paths.values()), {}, demo.python, demo.project, HEADERS)
        demo.serve()
        try:
            for name, path in paths.items():
                for _warm in range(3):
                    demo.get(path)  # and its images' renditions are made
                load = wrk(demo, path, args.seconds, args.connections, HEADERS)
                body = demo.get(path)
                rows.append(
                    {
                        "database": "bakerydemo (SQLite)", "scenarios": 0, "page": name, "mode": "uncached",
                        "rps": load["requests_per_second"], "p50": load["p50"], "p99": load["p99"],
                        "errors": load["non_2xx_3xx"] + load["socket_errors"], "queries": counts[path],
                        "size": len(body), "compressed": len(gzip.compress(body)),
                    }
                )  # fmt: skip
                print(f"  bakerydemo: {name} {load['requests_per_second']:.0f} req/s")
        finally:
            demo.stop()
    return rows


def run_database(database, args):
    label = "SQLite" if database == "sqlite" else "PostgreSQL + Redis"
    with tempfile.TemporaryDirectory(prefix=f"bench-{database}-") as workdir:
        site = Site(database, workdir, args.workers)
        site.prepare()
        rows, first_renders = measure(site, label, 21, args)
        started = time.monotonic()
        manage(site.env, "generate_scenarios", str(args.scenarios - 21), "--bulk", timeout=3600)
        print(f"  generated {args.scenarios - 21} scenarios per language in {time.monotonic() - started:.0f} s")
        more_rows, more_first_renders = measure(site, label, args.scenarios, args)
    return rows + more_rows, first_renders + more_first_renders


def machine():
    """e.g. "2 × Intel(R) Xeon(R) … CPU, 4.0 GB RAM, Linux 6.1"."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    models = [line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")]
    model = models[0] if models else ""
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else "MemTotal: 0 kB"
    memory = int(meminfo.split("MemTotal:")[1].split()[0]) / 1024 / 1024
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} × {model or platform.machine()} CPU, {memory:.1f} GB RAM, {system}"


def table(rows, args):
    static = {
        (row["database"], row["scenarios"], row["mode"]): row["rps"] for row in rows if row["page"] == "static CSS"
    }
    memory = {(row["database"], row["scenarios"], row["mode"]): row["memory"] for row in rows if "memory" in row}
    lines = [
        f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')})",
        "",
        f"Machine: {machine()}, Python {platform.python_version()}. "
        f"gunicorn {args.workers} workers (production settings) and wrk on the same machine, "
        f"{args.connections} connections, {args.seconds} s per URL, one URL at a time. "
        "`cached`: the page cache on (as in production); `uncached`: `PAGE_CACHE=off`. Queries: one warm request.",
        "",
        "| database | scenarios/lang | page | mode | req/s | × static | p50 | p99 | errors | queries | KB (gzip) "
        "| worker peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        key = (row["database"], row["scenarios"], row["mode"])
        ratio = f"{row['rps'] / static[key]:.2f}" if static.get(key) else "-"
        scenarios = f"{row['scenarios']:,}" if row["scenarios"] else "-"
        lines.append(
            f"| {row['database']} | {scenarios} | {row['page']} | {row['mode']} | {row['rps']:.0f} | {ratio} "
            f"| {row['p50']} | {row['p99']} | {row['errors']} | {row['queries']} "
            f"| {row['size'] / 1024:.1f} ({row['compressed'] / 1024:.1f}) | {memory.get(key, 0):.0f} |"
        )
    return "\n".join(lines + reference_summary(rows))


def first_render_table(first_renders, args):
    """The first request for each page after a publish: its time and its SQL queries."""
    lines = [
        "",
        "## First render after a publish",
        "",
        f"In process: the scenario's caveat published {args.rounds} times through Wagtail's API (revision, "
        "publish, the commit hooks that mark what changed), each time followed by the first request for each "
        "page (Django's test client, production settings, the page cache on), in a process that has served "
        "each page once before the first publish. Under load: an approver "
        "publishes through the admin's forms every second (the phone line's note and a scenario's caveat "
        f"in turn) while wrk sends the load test's mix for {args.load_seconds} s at {args.connections} "
        "connections; after each publish the scenario page is requested and timed.",
        "",
        "| database | scenarios/lang | page | where | renders (X-Cache: miss) | hits | SQL queries | p50 ms | p99 ms "
        "| max ms | the load meanwhile |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in first_renders:
        queries = ", ".join(map(str, row["queries"])) or "-"
        lines.append(
            f"| {row['database']} | {row['scenarios']:,} | {row['page']} | {row['where']} | {row['renders']} "
            f"| {row['hits']} | {queries} | {row['p50']:.1f} | {row['p99']:.1f} | {row['max']:.1f} "
            f"| {row.get('load', '-')} |"
        )
    return "\n".join(lines)


def reference_summary(rows):
    """The uncached scenario page against bakerydemo's blog page, when bakerydemo was measured."""
    blog = next((row["rps"] for row in rows if row["page"] == "blog page"), None)
    if not blog:
        return []
    lines = ["", f"Uncached scenario page against bakerydemo's blog page ({blog:.0f} requests/s in the same run):", ""]
    for row in rows:
        if row["page"] == "scenario" and row["mode"] == "uncached":
            lines.append(f"- {row['database']}, {row['scenarios']:,} scenarios/lang: {row['rps'] / blog:.2f} ×")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scenarios", type=int, default=10_000, help="scenarios per language for the large runs")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.md"))
    parser.add_argument("--reference", metavar="BAKERYDEMO", help="a checkout of wagtail/bakerydemo to measure beside")
    parser.add_argument("--rounds", type=int, default=100, help="publishes for the first render in process")
    parser.add_argument("--load-seconds", type=int, default=30, help="wrk's run while an approver publishes")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk; make bench installs it).")
    databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    rows, first_renders = [], []
    for database in databases:
        database_rows, database_first_renders = run_database(database, args)
        rows += database_rows
        first_renders += database_first_renders
        if args.reference and database == databases[0]:
            rows += measure_reference(args)
    text = table(rows, args) + "\n" + first_render_table(first_renders, args)
    print(text)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(text + "\n")


if __name__ == "__main__":
    main()
