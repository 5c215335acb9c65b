"""The free dial in a real browser: every tap-to-call link is big enough for a finger, and the
header says whether the line is open now, as the footer does, from the browser's own clock."""

import datetime
import re

import pytest
from playwright.sync_api import expect

TOKYO = datetime.timezone(datetime.timedelta(hours=9))
PAGES = ["/{lang}/", "/{lang}/it-work-liability/", "/{lang}/it-work-liability/undersized-server-outage/"]

TEL_LINK_BOXES = """() => [...document.querySelectorAll('a[href^="tel:"]')].map((link) => {
  const box = link.getBoundingClientRect();
  return {where: link.closest('header, footer, main')?.tagName, width: box.width, height: box.height};
})"""


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [390, 1280])
def test_every_tel_link_is_a_touch_target_of_44_by_44(browser, live_site_url, lang, width):
    context = browser.new_context(base_url=live_site_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    small = {}
    for path in PAGES:
        page.goto(path.format(lang=lang))
        boxes = page.evaluate(TEL_LINK_BOXES)
        assert {box["where"] for box in boxes} >= {"HEADER", "FOOTER"}, boxes
        small[path] = [box for box in boxes if box["width"] < 44 or box["height"] < 44]
    context.close()
    assert all(not found for found in small.values()), small


@pytest.mark.parametrize(
    "lang, moment, expected",
    [
        ("ja", datetime.datetime(2027, 1, 5, 10, 0, tzinfo=TOKYO), "現在受付中です（18:00まで）。"),
        # New Year's Day is a holiday, and a Friday: the line opens on Monday the 4th
        ("en", datetime.datetime(2027, 1, 1, 10, 0, tzinfo=TOKYO), "Closed now. Opens January 4 (Mon) 9:00 JST."),
    ],
)
@pytest.mark.parametrize("width", [390, 1280])
def test_the_header_says_whether_the_line_is_open_now(browser, live_site_url, lang, moment, expected, width):
    context = browser.new_context(base_url=live_site_url, viewport={"width": width, "height": 700})
    page = context.new_page()
    page.clock.set_fixed_time(moment)  # long after the page was rendered: the script decides
    page.goto(f"/{lang}/it-work-liability/")
    header_status = page.locator(".site-header [data-contact-status]")
    expect(header_status).to_have_text(expected)
    expect(header_status).to_be_visible()
    expect(page.locator(".site-footer [data-contact-status]")).to_have_text(expected)
    box = header_status.bounding_box()
    assert box["y"] + box["height"] < 700, "the status is not on the first screen"
    if moment.day == 5:
        expect(header_status).to_have_class(re.compile(r"\bis-open\b"))
    else:
        expect(header_status).not_to_have_class(re.compile(r"\bis-open\b"))
    context.close()
