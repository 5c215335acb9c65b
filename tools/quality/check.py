"""Runs the page-quality checkers against a running site and prints their figures.

    make serve PORT=8080 &          # the site with production settings
    make quality URL=http://127.0.0.1:8080

For the home page, a line page and a scenario page in Japanese and English it prints:
axe-core violations (WCAG 2.1 A/AA, in Debian's chromium via Playwright), Nu Html Checker errors
(vnu-jar, needs Java) and the four Lighthouse category scores (lighthouse 12.2.3 on chromium).
Exits non-zero if any page has a violation, an error or a score under 100.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
AXE = ROOT / "tests" / "browser" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
VNU = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PAGES = ["/{lang}/", "/{lang}/it-work-liability/", "/{lang}/it-work-liability/undersized-server-outage/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def axe_violations(urls):
    from playwright.sync_api import sync_playwright

    counts = {}
    source = AXE.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        page = browser.new_page()
        for url in urls:
            page.goto(url)
            page.add_script_tag(content=source)
            result = page.evaluate(
                "() => axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            )
            counts[url] = len(result["violations"])
        browser.close()
    return counts


def vnu_errors(urls):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *urls],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    counts = dict.fromkeys(urls, 0)
    for message in messages:
        if message.get("type") == "error":
            counts[message.get("url")] = counts.get(message.get("url"), 0) + 1
    return counts


def lighthouse_scores(url, attempts=3):
    """Lighthouse's four category scores; a run whose browser fails to start is tried again."""
    command = [
        str(LIGHTHOUSE), url, "--output=json", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    for attempt in range(1, attempts + 1):
        result = subprocess.run(
            command, capture_output=True, text=True, check=False, env={**os.environ, "CHROME_PATH": CHROMIUM}
        )
        if result.returncode == 0:
            report = json.loads(result.stdout)
            return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
        print(f"lighthouse failed on {url} (attempt {attempt}): {result.stderr.strip()[-300:]}", file=sys.stderr)
    raise SystemExit(f"lighthouse could not check {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the running site")
    args = parser.parse_args()
    urls = [args.url.rstrip("/") + path.format(lang=lang) for lang in ("ja", "en") for path in PAGES]

    axe = axe_violations(urls)
    vnu = vnu_errors(urls)
    failed = False
    header = f"{'page':<62} {'axe':>4} {'vnu':>4} " + " ".join(f"{name[:11]:>11}" for name in CATEGORIES)
    print(header)
    for url in urls:
        scores = lighthouse_scores(url)
        print(f"{url:<62} {axe[url]:>4} {vnu[url]:>4} " + " ".join(f"{scores[n]:>11}" for n in CATEGORIES))
        failed |= axe[url] > 0 or vnu[url] > 0 or any(score < 100 for score in scores.values())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
