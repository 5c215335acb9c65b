"""What a headless front end costs the API: requests and bytes for its first three jobs.

Against a running site (``--url``), as a Next.js-style client on API v2 would:

1. build both languages' navigation (the insurance lines of each language);
2. resolve every visitor URL of the home, line and scenario pages to a page id with ``find``
   (a 302 whose Location names the page); where ``find`` cannot resolve a language-prefixed URL,
   it falls back as a client had to: find the path without its prefix (the Japanese page) and, for
   an English URL, read that page's translations;
3. render one scenario: its fields (with the disclaimer) and the phone line.

Prints the requests and bytes of each job, for before/after comparisons of the API.
"""

import argparse
import json
import re
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Walker:
    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")
        self.opener = urllib.request.build_opener(NoRedirect)
        self.requests = 0
        self.bytes = 0

    def get(self, path, **params):
        url = f"{self.base_url}{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
        self.requests += 1
        try:
            with self.opener.open(url, timeout=30) as response:
                body = response.read()
                status, headers = response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, headers = error.read(), error.code, error.headers
        self.bytes += len(body)
        return status, headers, body

    def json(self, path, **params):
        status, _headers, body = self.get(path, **params)
        return json.loads(body) if status == 200 else None


def navigation(walker):
    for language in ("ja", "en"):
        walker.json(
            "/api/v2/pages/", type="scenarios.InsuranceLineIndexPage", locale=language, fields="title", limit=50
        )


def visitor_urls(walker):
    """The home, line and scenario URLs of both languages (read without counting)."""
    urls = []
    for language in ("ja", "en"):
        for page_type in ("home.HomePage", "scenarios.InsuranceLineIndexPage", "scenarios.IncidentScenarioPage"):
            listing = walker.json("/api/v2/pages/", type=page_type, locale=language, limit=100)
            urls += [urllib.parse.urlsplit(item["meta"]["html_url"]).path for item in listing["items"]]
    return urls


def resolve(walker, url):
    """The page id behind a visitor URL."""
    status, headers, _body = walker.get("/api/v2/pages/find/", html_path=url)
    if status == 302:
        return int(re.search(r"/pages/(\d+)/", headers["Location"]).group(1))
    language, _, rest = url.strip("/").partition("/")
    status, headers, _body = walker.get("/api/v2/pages/find/", html_path=f"/{rest}")
    if status != 302:
        return None
    page_id = int(re.search(r"/pages/(\d+)/", headers["Location"]).group(1))
    if language == "ja":
        return page_id
    page = walker.json(f"/api/v2/pages/{page_id}/", fields="translations")
    return next((item["id"] for item in page.get("translations", []) if item.get("locale") == language), None)


def render_scenario(walker, page_id):
    walker.json(f"/api/v2/pages/{page_id}/", fields="*")
    walker.json("/api/v2/contact-hours/", locale="en", fields="*")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    args = parser.parse_args()

    urls = visitor_urls(Walker(args.url))
    rows = []
    for job, run in [
        ("navigation, both languages", lambda walker: navigation(walker)),
        (f"resolve {len(urls)} visitor URLs", lambda walker: [resolve(walker, url) for url in urls]),
        ("render one scenario", lambda walker: render_scenario(walker, resolve(Walker(args.url), urls[-1]))),
    ]:
        walker = Walker(args.url)
        result = run(walker)
        if isinstance(result, list):
            unresolved = sum(1 for page_id in result if page_id is None)
            job += f" ({unresolved} unresolved)"
        rows.append((job, walker.requests, walker.bytes))
    print("| job | requests | bytes |\n|---|---|---|")
    for job, requests, size in rows:
        print(f"| {job} | {requests} | {size} |")
    print(f"| total | {sum(row[1] for row in rows)} | {sum(row[2] for row in rows)} |")


if __name__ == "__main__":
    main()
