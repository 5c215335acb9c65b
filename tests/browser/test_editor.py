"""The editor guide (docs/editor-guide.ja.md), walked in a real browser by the role each section is for.

Each test follows one section's steps through the links and buttons that role sees, and finally
checks that every label the section names in 「」 was on a screen it went through, so the guide says
what the screens say. With GUIDE_SCREENSHOTS set (``make guide-screenshots``) it also takes the
guide's pictures at the steps they show.

- §2 and §3: the editor adds a scenario and submits it; the approver approves and it is live; the
  translator makes the English version in the translation editor and publishes it.
- §3: the approver asks for changes; schedules a change, which the scheduler publishes.
- §4: an editor's new hours go through approval and reach the English pages at once.
- §6: the approver deletes a scenario (its English version goes too), restores both from the
  recycle bin and publishes them again, the English through the translator.
"""

import datetime
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "editor-guide.ja.md"
TITLE_JA = "ブラウザで追加した事故例"
TITLE_EN = "A scenario added in the browser"
TOKYO = ZoneInfo("Asia/Tokyo")

# What a screen shows, for the guide's labels: its text, and what buttons and fields say to a
# screen reader or in a placeholder (an icon button's name, the headline's 「見出し*」).
SCREEN_TEXT = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[aria-label],[placeholder],input[type=submit],[data-w-tooltip-content-value]')]
    .map(e => [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.value,
               e.getAttribute('data-w-tooltip-content-value')].join(' '))].join('\\n')"""


def guide_labels(heading):
    """The 「labels」 of the guide's section whose heading starts with ``heading``."""
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"\n{heading}")
    level = re.match(r"\n(#+)", text[start:]).group(1)
    end = re.search(rf"\n#{{1,{len(level)}}} ", text[start + 1 :])
    section = text[start : start + 1 + end.start()] if end else text[start:]
    return set(re.findall(r"「([^」]+)」", section))


class Walk:
    """The screens one role's browser went through, for the labels the guide names."""

    def __init__(self):
        self.seen = []

    def look(self, page):
        page.wait_for_load_state("load")
        self.seen.append(page.evaluate(SCREEN_TEXT))

    def assert_shows(self, labels):
        seen = "\n".join(self.seen)
        missing = sorted(label for label in labels if label not in seen)
        assert missing == [], f"the guide names labels no screen showed: {missing}"


def guide_shot(page, name):
    """A screenshot of this step for the guide, when GUIDE_SCREENSHOTS names the folder."""
    folder = os.environ.get("GUIDE_SCREENSHOTS")
    if folder:
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(400)  # menus and panels finish opening
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def api(live_site_url, **params):
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{live_site_url}/api/v2/pages/?{query}") as response:
        return json.load(response)


def status_of(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def log_in(browser, live_site_url, username, walk=None):
    context = browser.new_context(base_url=live_site_url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-dev-only")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    if walk is not None:
        walk.look(page)
    return page


def open_footer_menu(page, walk=None):
    """The 「▲」 beside the footer's main button, which folds the other actions."""
    toggle = page.locator("footer .w-dropdown__toggle").last
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    if walk is not None:
        walk.look(page)


def footer_action(page, name, walk=None):
    """Presses the footer button ``name``, opening its menu first if it is folded."""
    action = page.locator("footer").get_by_role("button", name=name, exact=True).first
    if not action.is_visible():
        open_footer_menu(page, walk)
    action.click()


def open_line(page, walk, line_title="IT業務に関する賠償責任保険"):
    page.get_by_role("button", name="ページ").first.click()
    walk.look(page)
    page.get_by_role("link", name=line_title, exact=True).click()
    walk.look(page)


def open_japanese_contact_hours(page, walk=None):
    """共通コンテンツ → 連絡先・受付時間 → the one listed (each role sees its own language only)."""
    page.get_by_role("button", name="共通コンテンツ").click()
    if walk is not None:
        walk.look(page)
    page.get_by_role("link", name="連絡先・受付時間").click()
    page.locator("main table tbody a").first.click()


def close_date_picker(page):
    """Wagtail's date picker opens a moment after its field takes focus and stays open over the
    dialog's button until a click lands elsewhere: click away until it has been closed for a while."""
    pickers = page.locator(".xdsoft_datetimepicker").filter(visible=True)
    closed_checks = 0
    for _attempt in range(20):
        page.wait_for_timeout(300)
        if pickers.count() == 0:
            closed_checks += 1
            if closed_checks == 2:
                return
            continue
        closed_checks = 0
        page.get_by_text("このページを公開する日時・公開を終える日時を選びます").click()
    expect(pickers).to_have_count(0)


def translate_visible_segments(page, texts):
    for text in texts:
        page.locator("button", has_text=re.compile(r"^翻訳$")).filter(visible=True).first.click()
        page.locator("textarea").filter(visible=True).first.fill(text)
        page.locator("button", has_text=re.compile(r"^保存$")).filter(visible=True).first.click()
        expect(page.locator("textarea").filter(visible=True)).to_have_count(0)


def test_write_approve_translate_publish(browser, live_site_url):
    # §2: the editor opens the line from the Pages menu, adds a scenario with ⊕ and submits it for
    # approval; it is not live yet.
    editor_walk = Walk()
    editor = log_in(browser, live_site_url, "editor", editor_walk)
    editor.get_by_role("button", name="ページ").first.click()
    guide_shot(editor, "01-pages-menu")
    editor.get_by_role("link", name="IT業務に関する賠償責任保険", exact=True).click()
    editor_walk.look(editor)
    guide_shot(editor, "02-line")
    editor.locator('header [aria-label="子ページを追加"]').click()
    editor.wait_for_url(re.compile(r"/admin/pages/add/scenarios/incidentscenariopage/\d+/$"))
    editor_walk.look(editor)
    editor.fill("#id_title", TITLE_JA)
    editor.fill("#id_what_happened", "ブラウザから入力した事故の内容。")
    editor.fill("#id_claim_or_payment", "ブラウザから入力した請求の内容。")
    editor.select_option("#id_payout_kind", "liability")
    # 「損害の種類を追加」 adds a row; its 「損害の種類を選ぶ」 opens the chooser.
    editor.get_by_role("button", name="損害の種類を追加").click()
    editor_walk.look(editor)
    editor.get_by_role("button", name="損害の種類を選ぶ").first.click()
    chooser = editor.locator(".modal-dialog, [role=dialog]").filter(visible=True).first
    expect(chooser.locator("a").first).to_be_visible()
    editor_walk.look(editor)
    chooser.locator("table a").first.click()
    expect(chooser).to_be_hidden()
    editor.get_by_role("tab", name="プロモート").click()
    proposed = editor.locator("#id_slug").input_value()
    assert proposed.startswith("it-work-liability-")  # the address it will have, before any save
    editor_walk.look(editor)
    editor.get_by_role("tab", name="コンテンツ").click()
    guide_shot(editor, "03-new-scenario")
    open_footer_menu(editor, editor_walk)
    guide_shot(editor, "04-submit-menu")
    editor.get_by_role("button", name="承認者による公開に提出する").click()
    expect(editor.locator(".messages")).to_contain_text("承認")
    guide_shot(editor, "05-submitted")
    assert api(live_site_url, title=TITLE_JA)["meta"]["total_count"] == 0
    editor_walk.assert_shows(guide_labels("## 2."))
    editor.context.close()

    # §3: the approver finds it on the dashboard, opens it, approves it: it is live in Japanese.
    approver_walk = Walk()
    approver = log_in(browser, live_site_url, "approver", approver_walk)
    guide_shot(approver, "06-approver-dashboard")
    approver.locator("section", has_text="あなたの承認待ち").locator("a", has_text=TITLE_JA).first.click()
    approver_walk.look(approver)
    open_footer_menu(approver, approver_walk)
    footer_action(approver, "承認と公開")
    expect(approver.locator(".messages")).to_contain_text("承認し、公開しました")
    approver_walk.look(approver)
    japanese = api(live_site_url, title=TITLE_JA)["items"][0]
    assert japanese["meta"]["slug"] == proposed
    approver.goto(re.sub(r"^https?://[^/]+", "", japanese["meta"]["html_url"]))
    expect(approver.locator("h1")).to_have_text(TITLE_JA)
    approver.context.close()

    # §5: the translator starts the English translation, translates each segment, and publishes it.
    translator_walk = Walk()
    translator = log_in(browser, live_site_url, "translator", translator_walk)
    row = translator.locator("section", has_text="英語への翻訳").locator("tr").filter(has_text=TITLE_JA)
    guide_shot(translator, "07-translator-dashboard")
    row.get_by_role("button", name="英語版を作る").click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    translator_walk.look(translator)
    assert api(live_site_url, title=TITLE_EN)["meta"]["total_count"] == 0  # English waits for the translator
    # The content tab holds the headline and the two parts of the story, the other tab the slug.
    translate_visible_segments(translator, [TITLE_EN, "What happened, typed in the browser.", "The claim, typed in the browser."])
    translator.locator("[role=tab]").nth(1).click()
    translate_visible_segments(translator, ["added-in-browser"])
    translator_walk.look(translator)
    guide_shot(translator, "08-translation-editor")
    translator.locator("button:has-text('公開: 英語')").click()
    expect(translator.locator(".messages")).to_contain_text(TITLE_EN)

    translator.goto("/en/it-work-liability/added-in-browser/")
    expect(translator.locator("h1")).to_have_text(TITLE_EN)
    expect(translator.locator("main")).to_contain_text("What happened, typed in the browser.")
    expect(translator.locator(".disclaimer")).to_contain_text("case by case")
    translator.context.close()
    translator_walk.assert_shows(guide_labels("## 5.") - {"翻訳を続ける"})  # walked in the recycle bin's test
    # Asking for changes and scheduling have tests of their own.
    approver_walk.assert_shows(guide_labels("## 3.") - guide_labels("### 公開する日時を予約する") - {"修正を依頼しました"})


def test_the_approver_asks_for_changes(browser, live_site_url):
    editor = log_in(browser, live_site_url, "editor")
    open_line(editor, Walk(), "個人情報・機密情報漏えいの賠償責任保険")
    editor.locator("main table tbody a").filter(has_text=re.compile(r".")).first.click()
    editor.fill("#id_caveat", "承認者に見てもらう注記")
    title = editor.locator("#id_title").input_value()
    footer_action(editor, "承認者による公開に提出する")
    expect(editor.locator(".messages")).to_contain_text("承認")
    editor.context.close()

    walk = Walk()
    approver = log_in(browser, live_site_url, "approver", walk)
    approver.locator("section", has_text="あなたの承認待ち").locator("a", has_text=title).first.click()
    footer_action(approver, "修正を依頼", walk)
    dialog = approver.locator("[role=dialog]").filter(visible=True).first
    dialog.locator("textarea").fill("注記の表現を見直してください。")
    walk.look(approver)
    dialog.get_by_role("button").filter(has_text=re.compile("修正を依頼|送信|続行")).last.click()
    expect(approver.locator(".messages")).to_contain_text("修正を依頼しました")
    walk.look(approver)
    approver.context.close()
    walk.assert_shows({"修正を依頼", "修正を依頼しました"})


def test_a_scheduled_change_goes_live_when_its_time_comes(browser, live_site_url):
    """§3, 「公開する日時を予約する」: the approver schedules a change; the scheduler beside the server
    (``make run``/``make serve``; every 2 s in the test site) publishes it at that time."""
    walk = Walk()
    approver = log_in(browser, live_site_url, "approver", walk)
    open_line(approver, walk, "IT業務に関する賠償責任保険")
    approver.locator("main table tbody a").filter(has_text="サーバー").first.click()
    walk.look(approver)
    public_url = approver.locator("#id_slug").input_value()
    approver.fill("#id_caveat", "予約して公開した注記")
    approver.locator('[aria-label="状態を開閉"]').click()
    walk.look(approver)
    approver.get_by_role("button", name="公開予約を設定").click()
    walk.look(approver)
    # The nearest whole minute that is still ahead of the server's clock.
    go_live = (datetime.datetime.now(TOKYO) + datetime.timedelta(minutes=1)).replace(second=0, microsecond=0)
    approver.fill("#id_go_live_at", go_live.strftime("%Y-%m-%d %H:%M"))
    close_date_picker(approver)
    guide_shot(approver, "09-schedule")
    close_date_picker(approver)
    approver.get_by_role("button", name="スケジュールを保存").click()
    open_footer_menu(approver, walk)
    footer_action(approver, "公開を予約")
    expect(approver.locator(".messages")).to_contain_text("公開を予約しました")
    walk.look(approver)

    page_url = f"/ja/it-work-liability/{public_url}/"
    assert "予約して公開した注記" not in status_of(f"{live_site_url}{page_url}")[1]
    visitor = browser.new_page(base_url=live_site_url)
    deadline = go_live + datetime.timedelta(seconds=45)
    while datetime.datetime.now(TOKYO) < deadline and "予約して公開した注記" not in status_of(f"{live_site_url}{page_url}")[1]:
        visitor.wait_for_timeout(1000)
    visitor.goto(page_url)
    expect(visitor.locator("main")).to_contain_text("予約して公開した注記")
    visitor.close()
    approver.context.close()
    walk.assert_shows(guide_labels("### 公開する日時を予約する"))


def test_new_hours_go_through_approval_and_reach_english_at_once(browser, live_site_url):
    editor = log_in(browser, live_site_url, "editor")
    open_japanese_contact_hours(editor)
    editor.fill("#id_opens_at", "10:00")
    editor.fill("#id_closes_at", "17:00")
    footer_action(editor, "承認者による公開に提出する")
    expect(editor.locator(".messages")).to_contain_text("承認")
    editor.context.close()

    approver = log_in(browser, live_site_url, "approver")
    approver.locator("section", has_text="あなたの承認待ち").locator("a", has_text="0120").first.click()
    footer_action(approver, "承認と公開")
    expect(approver.locator(".messages")).to_be_visible()
    approver.goto("/en/")
    expect(approver.locator("body")).to_contain_text("10:00")
    expect(approver.locator("body")).to_contain_text("17:00")

    # The approver puts the hours back (publishing directly), for the other tests of this live site.
    approver.goto("/admin/")
    open_japanese_contact_hours(approver)
    approver.fill("#id_opens_at", "09:00")
    approver.fill("#id_closes_at", "18:00")
    footer_action(approver, "公開")
    expect(approver.locator(".messages")).to_be_visible()
    approver.goto("/en/")
    expect(approver.locator("body")).to_contain_text("18:00")
    approver.context.close()


def test_delete_restore_publish_in_both_languages(browser, live_site_url):
    """§6: the approver deletes a live scenario from its line; it leaves the site in both languages;
    the approver restores it from the recycle bin and publishes it; the translator publishes English."""
    title = "抽出データを誤りDMを5万通郵送"
    japanese_url, english_url = "/ja/it-work-liability/direct-mail-wrong-data/", "/en/it-work-liability/direct-mail-wrong-data/"
    assert status_of(f"{live_site_url}{english_url}")[0] == 200
    walk = Walk()
    approver = log_in(browser, live_site_url, "approver", walk)
    open_line(approver, walk)
    row = approver.locator("main table tbody tr").filter(has_text=title)
    row.get_by_role("button", name=re.compile("その他の操作")).click()
    walk.look(approver)
    row.get_by_role("link", name="削除", exact=True).click()
    expect(approver.locator("main")).to_contain_text("英語")  # the English version goes with it
    walk.look(approver)
    guide_shot(approver, "10-delete-confirm")
    approver.get_by_role("button", name="はい、削除します").click()
    expect(approver.locator(".messages")).to_contain_text("ごみ箱に移動しました")
    assert status_of(f"{live_site_url}{japanese_url}")[0] == 404
    assert status_of(f"{live_site_url}{english_url}")[0] == 404

    approver.get_by_role("button", name="レポート").click()
    walk.look(approver)
    approver.get_by_role("link", name="ごみ箱").click()
    expect(approver.locator("main")).to_contain_text(japanese_url)  # the public address, not a tree path
    walk.look(approver)
    guide_shot(approver, "11-recycle-bin")
    approver.locator("tr", has_text=title).get_by_role("button", name="元に戻す").click()
    expect(approver.locator(".messages")).to_contain_text("下書きとして元に戻しました")
    walk.look(approver)
    footer_action(approver, "公開", walk)
    expect(approver.locator(".messages")).to_contain_text("公開しました")
    assert status_of(f"{live_site_url}{japanese_url}")[0] == 200
    approver.context.close()
    # The last step of restoring is the translator's, below.
    walk.assert_shows(guide_labels("### 削除する") | guide_labels("### ごみ箱から元に戻す") - {"翻訳を続ける", "公開: 英語", "英語への翻訳"})

    translator_walk = Walk()
    translator = log_in(browser, live_site_url, "translator", translator_walk)
    row = translator.locator("section", has_text="英語への翻訳").locator("tr").filter(has_text=title)
    row.get_by_role("link", name="翻訳を続ける").click()
    translator_walk.look(translator)
    translator.locator("button:has-text('公開: 英語')").click()
    expect(translator.locator(".messages")).to_contain_text("公開しました")
    assert status_of(f"{live_site_url}{english_url}")[0] == 200
    translator.context.close()
    translator_walk.assert_shows({"英語への翻訳", "翻訳を続ける", "公開: 英語"})
