"""What the editorial team does in the admin, in a real browser: write, approve, translate, publish.

One story, in order: the editor adds a scenario under a line and submits it; the approver approves
and it is live in Japanese; the translator finds it on the dashboard, starts the English translation
with one click, translates every segment in wagtail-localize's editor and publishes it; it is live
in English. Then the phone hours: the editor submits new hours, the approver finds them waiting on
the dashboard and approves them, and every English page shows them at once.
"""

import json
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

TITLE_JA = "ブラウザで追加した事故例"
TITLE_EN = "A scenario added in the browser"


def api(live_site_url, **params):
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{live_site_url}/api/v2/pages/?{query}") as response:
        return json.load(response)


def guide_shot(page, name):
    """A screenshot of this step for docs/editor-guide.ja.md, when GUIDE_SCREENSHOTS names the
    folder (``make guide-screenshots``): the guide's pictures come from the steps it describes."""
    folder = os.environ.get("GUIDE_SCREENSHOTS")
    if folder:
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(400)  # menus and panels finish opening
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def log_in(browser, live_site_url, username):
    context = browser.new_context(base_url=live_site_url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-dev-only")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def footer_action(page, selector):
    """Clicks an action of the editor's footer menu, opening its dropdown first if it is folded."""
    action = page.locator(selector).first
    if not action.is_visible():
        page.locator("footer .w-dropdown__toggle").last.click()
    action.click()


def open_japanese_contact_hours(page):
    """共通コンテンツ → 連絡先・受付時間 → the one listed (each role sees its own language only)."""
    page.get_by_role("button", name="共通コンテンツ").click()
    page.get_by_role("link", name="連絡先・受付時間").click()
    page.locator("main table tbody a").first.click()


def translate_visible_segments(page, texts):
    for text in texts:
        page.locator("button", has_text=re.compile(r"^翻訳$")).filter(visible=True).first.click()
        page.locator("textarea").filter(visible=True).first.fill(text)
        page.locator("button", has_text=re.compile(r"^保存$")).filter(visible=True).first.click()
        expect(page.locator("textarea").filter(visible=True)).to_have_count(0)


def test_write_approve_translate_publish(browser, live_site_url):
    # The editor opens the line from the Pages menu, adds a scenario with ⊕ and submits it for
    # approval; it is not live yet. (The steps and screenshots of docs/editor-guide.ja.md.)
    editor = log_in(browser, live_site_url, "editor")
    editor.get_by_role("button", name="ページ").first.click()
    guide_shot(editor, "01-pages-menu")
    editor.get_by_role("link", name="IT業務に関する賠償責任保険", exact=True).click()
    guide_shot(editor, "02-line")
    editor.locator('header [aria-label="子ページを追加"]').click()
    editor.wait_for_url(re.compile(r"/admin/pages/add/scenarios/incidentscenariopage/\d+/$"))
    editor.fill("#id_title", TITLE_JA)
    editor.fill("#id_what_happened", "ブラウザから入力した事故の内容。")
    editor.fill("#id_claim_or_payment", "ブラウザから入力した請求の内容。")
    editor.select_option("#id_payout_kind", "liability")
    guide_shot(editor, "03-new-scenario")
    editor.locator("footer .w-dropdown__toggle").last.click()
    guide_shot(editor, "04-submit-menu")
    editor.locator("button[name=action-submit]").first.click()
    expect(editor.locator(".messages")).to_contain_text("承認待ち")
    guide_shot(editor, "05-submitted")
    assert api(live_site_url, title=TITLE_JA)["meta"]["total_count"] == 0
    editor.context.close()

    # The approver finds it on the dashboard, opens it, approves it: it is live in Japanese.
    approver = log_in(browser, live_site_url, "approver")
    guide_shot(approver, "06-approver-dashboard")
    approver.locator("section", has_text="あなたの承認待ち").locator("a", has_text=TITLE_JA).first.click()
    footer_action(approver, "button:has-text('承認と公開')")
    expect(approver.locator(".messages")).to_contain_text(TITLE_JA)
    japanese = api(live_site_url, title=TITLE_JA)["items"][0]
    assert japanese["meta"]["slug"].startswith("it-work-liability-")  # an ASCII address, not the headline
    approver.goto(re.sub(r"^https?://[^/]+", "", japanese["meta"]["html_url"]))
    expect(approver.locator("h1")).to_have_text(TITLE_JA)
    approver.context.close()

    # The translator starts the English translation, translates each segment, and publishes it.
    # They find it on their dashboard, among the content that has no English yet.
    translator = log_in(browser, live_site_url, "translator")
    row = translator.locator("section", has_text="英語への翻訳").locator("tr").filter(has_text=TITLE_JA)
    guide_shot(translator, "07-translator-dashboard")
    row.get_by_role("button", name="英語版を作る").click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert api(live_site_url, title=TITLE_EN)["meta"]["total_count"] == 0  # English waits for the translator
    # The content tab holds the headline and the two parts of the story, the other tab the slug.
    translate_visible_segments(translator, [TITLE_EN, "What happened, typed in the browser.", "The claim, typed in the browser."])
    translator.locator("[role=tab]").nth(1).click()
    translate_visible_segments(translator, ["added-in-browser"])
    guide_shot(translator, "08-translation-editor")
    translator.locator("button:has-text('公開: English')").click()
    expect(translator.locator(".messages")).to_contain_text(TITLE_EN)

    translator.goto("/en/it-work-liability/added-in-browser/")
    expect(translator.locator("h1")).to_have_text(TITLE_EN)
    expect(translator.locator("main")).to_contain_text("What happened, typed in the browser.")
    expect(translator.locator(".disclaimer")).to_contain_text("case by case")
    translator.context.close()


def test_new_hours_go_through_approval_and_reach_english_at_once(browser, live_site_url):
    editor = log_in(browser, live_site_url, "editor")
    open_japanese_contact_hours(editor)
    editor.fill("#id_opens_at", "10:00")
    editor.fill("#id_closes_at", "17:00")
    footer_action(editor, "button[name=action-submit]")
    expect(editor.locator(".messages")).to_contain_text("承認")
    editor.context.close()

    approver = log_in(browser, live_site_url, "approver")
    approver.locator("section", has_text="あなたの承認待ち").locator("a", has_text="0120").first.click()
    footer_action(approver, "button:has-text('承認と公開')")
    expect(approver.locator(".messages")).to_be_visible()
    approver.goto("/en/")
    expect(approver.locator("body")).to_contain_text("10:00")
    expect(approver.locator("body")).to_contain_text("17:00")

    # The approver puts the hours back (publishing directly), for the other tests of this live site.
    approver.goto("/admin/")
    open_japanese_contact_hours(approver)
    approver.fill("#id_opens_at", "09:00")
    approver.fill("#id_closes_at", "18:00")
    footer_action(approver, "button[name=action-publish]")
    expect(approver.locator(".messages")).to_be_visible()
    approver.goto("/en/")
    expect(approver.locator("body")).to_contain_text("18:00")
    approver.context.close()
