"""What a visitor does, in a real browser, by keyboard alone."""

import datetime
import re

from playwright.sync_api import expect

TOKYO = datetime.timezone(datetime.timedelta(hours=9))


def tab_to(page, name, limit=80):
    """Press Tab until the focused element's accessible text is ``name``; fail if it never is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == name:
            return
    raise AssertionError(f"{name!r} cannot be reached with the Tab key")


def test_root_sends_a_japanese_browser_to_the_japanese_home(page):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/ja/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.locator("h1")).to_have_text("想定される事故例")


def test_skip_link_is_the_first_stop_and_moves_to_the_content(page):
    page.goto("/ja/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_follow_a_line_and_a_scenario_then_switch_language(page):
    page.goto("/ja/")
    tab_to(page, "IT業務に関する賠償責任保険")
    page.keyboard.press("Enter")  # the in-page link to the line's section
    tab_to(page, "IT業務に関する賠償責任保険")  # the section heading's link to the line page
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ja/it-work-liability/$"))
    tab_to(page, "処理能力の足りないサーバーがアクセス増で停止")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ja/it-work-liability/undersized-server-outage/$"))
    expect(page.locator(".disclaimer")).to_contain_text("各保険会社が個別判断いたします")
    page.goto(page.url)  # start tabbing from the top again
    tab_to(page, "English")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/it-work-liability/undersized-server-outage/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("An undersized server goes down when traffic rises")


def test_search_and_filter_by_keyboard(page):
    page.goto("/ja/")
    tab_to(page, "事故例を探す")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ja/search/$"))
    tab_to_field(page, "finder-q")
    page.keyboard.type("サーバー")
    page.keyboard.press("Enter")
    expect(page.locator("#results-heading")).to_contain_text("3 件")
    expect(page.locator(".scenario-summary h3")).to_have_count(3)

    tab_to_field(page, "finder-loss-type")
    page.keyboard.press("ArrowDown")  # from "any loss" to the first loss type
    tab_to(page, "検索")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"loss_type=lost-profits"))
    expect(page.locator(".scenario-summary h3")).to_have_count(1)


def tab_to_field(page, element_id, limit=80):
    for _ in range(limit):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def test_english_search_finds_the_coffee_scenario(page):
    page.goto("/en/search/?q=coffee")
    expect(page.locator(".scenario-summary h3")).to_have_text(["Coffee spilled on a PC stops the keyboard working"])


def test_contact_block_is_right_for_the_browsers_time_even_from_an_old_page(page):
    # New Year's Day 2027 is a Friday and a national holiday: the line opens on Monday the 4th.
    page.clock.set_fixed_time(datetime.datetime(2027, 1, 1, 10, 0, tzinfo=TOKYO))
    page.goto("/en/")
    status = page.locator("[data-contact-status]")  # the header's and the footer's
    expect(status).to_have_text([re.compile(r"^Closed now\. Opens January 4 \(Mon\) 9:00 JST\.$")] * 2)
    expect(page.locator("a.contact-phone-number")).to_have_attribute("href", "tel:+81120347277")

    page.clock.set_fixed_time(datetime.datetime(2027, 1, 5, 17, 59, tzinfo=TOKYO))
    page.goto("/ja/")
    expect(status).to_have_text(["現在受付中です（18:00まで）。"] * 2)

    page.clock.set_fixed_time(datetime.datetime(2027, 1, 5, 18, 0, tzinfo=TOKYO))
    page.reload()
    expect(status).to_have_text(["受付時間外です。次の受付開始は1月6日 (水) 9:00 です。"] * 2)
