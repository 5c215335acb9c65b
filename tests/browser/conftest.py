"""Browser tests: Playwright driving Debian's chromium against a running copy of the site.

Playwright cannot download its own browsers here, so it launches /usr/bin/chromium (installed by
``make test``). Where chromium or Playwright is missing the tests skip with the reason, except on
CI (CI=true), where that is a failure.
"""

import os
import shutil

import pytest

from ..helpers import unavailable

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable_reason():
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (make test installs it)"
    if not os.path.exists(CHROMIUM):
        return "Debian's chromium is not installed (make test installs it with apt-get)"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _unavailable_reason()
    if reason:
        unavailable(f"browser tests: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_site_url):
    context = browser.new_context(base_url=live_site_url, locale="ja-JP")
    page = context.new_page()
    yield page
    context.close()
