"""The Content-Security-Policy blocks nothing the site itself needs, on public pages and in the admin.

Every violation the browser reports (``securitypolicyviolation`` events, recorded from before the
page's own scripts run) fails the test, and the scripts the pages rely on are checked to have run.
"""

import re

import pytest
from playwright.sync_api import expect

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


def violations(page):
    return page.evaluate("window.__cspViolations")


@pytest.fixture
def recording_page(browser, live_site_url):
    context = browser.new_context(base_url=live_site_url, locale="ja-JP")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(
    "path", ["/{lang}/", "/{lang}/it-work-liability/undersized-server-outage/", "/{lang}/search/?q=data"]
)
def test_public_pages_run_their_script_and_break_no_rule(recording_page, lang, path):
    page = recording_page
    page.goto(path.format(lang=lang))
    for block in page.locator("[data-contact-hours]").all():  # the header's and the footer's
        expect(block).to_have_attribute("data-open", re.compile("^(true|false)$"))
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    assert violations(page) == []


ADMIN_SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{scenario}/edit/",
    "/admin/snippets/scenarios/contacthours/",
    "/admin/reports/site-history/",
    "/admin/recycle-bin/",
    "/admin/two-factor/",
    "/api/v3/docs/",
]


def test_admin_screens_work_under_their_policy(recording_page, live_site_url):
    page = recording_page
    page.goto("/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "admin-dev-only")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/admin/pages/search/?q=処理能力")
    scenario = page.locator("a[href*='/edit/']").first.get_attribute("href").split("/")[-3]
    for screen in ADMIN_SCREENS:
        page.goto(screen.format(scenario=scenario))
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], screen
    page.goto(f"/admin/pages/{scenario}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text("処理能力の足りないサーバーがアクセス増で停止")
    assert violations(page) == []
