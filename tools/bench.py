"""``make bench``: requests per second, latency and SQL queries of each kind of page, at 21 and 10,000 scenarios.

For each database (SQLite; PostgreSQL with Redis as the cache) it prepares the site as ``make serve``
does (production settings, its own copy of the seeded database in a temporary folder,
``tools/loadtest.py``'s ``Site``), then for each size of catalogue (the seed's 21 scenarios per language, then
``generate_scenarios --bulk`` up to ``--scenarios``) and each mode (the page cache on, then off
with ``PAGE_CACHE=off``) it serves the site with gunicorn on 127.0.0.1 and measures, one URL at a
time, with wrk in its own process: the home page, a line, a scenario, the finder with a query, an
API listing and a static file. For each URL it also counts the SQL queries of one warm request (in
a separate process with the same settings) and the body's size, and for each run the peak memory
of each gunicorn worker.

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
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench_reference import HEADERS, BakeryDemo
from loadtest import ROOT, Site, get_json, manage, parse_wrk

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
    rows = []
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
        finally:
            site.stop()
    return rows


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
        rows = measure(site, label, 21, args)
        started = time.monotonic()
        manage(site.env, "generate_scenarios", str(args.scenarios - 21), "--bulk", timeout=3600)
        print(f"  generated {args.scenarios - 21} scenarios per language in {time.monotonic() - started:.0f} s")
        rows += measure(site, label, args.scenarios, args)
    return rows


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
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk; make bench installs it).")
    databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    rows = []
    for database in databases:
        rows += run_database(database, args)
        if args.reference and database == databases[0]:
            rows += measure_reference(args)
    text = table(rows, args)
    print(text)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(text + "\n")


if __name__ == "__main__":
    main()
