"""The finder and the header hold their layout at every width, in both languages (measured boxes)."""

import pytest

WIDTHS = [320, 390, 1024, 1280, 1366, 1920]

MEASURE = """() => {
  const form = document.querySelector('.finder-form').getBoundingClientRect();
  const controls = [...document.querySelectorAll('.finder-form input, .finder-form select, .finder-form button')]
    .map((element) => ({name: element.name || element.textContent.trim(), box: element.getBoundingClientRect()}));
  const button = document.querySelector('.finder-form button');
  const style = getComputedStyle(button);
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    viewport: window.innerWidth,
    form: {left: form.left, right: form.right},
    outside: controls.filter(({box}) => box.left < form.left - 0.5 || box.right > form.right + 0.5).map(({name}) => name),
    buttonLines: Math.round(button.getBoundingClientRect().height / parseFloat(style.lineHeight || '24') - 0.8),
  };
}"""


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_finder_form_stays_in_its_panel(browser, live_site_url, lang, width):
    context = browser.new_context(base_url=live_site_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"/{lang}/search/?q=server&line=it-work-liability")
    measured = page.evaluate(MEASURE)
    context.close()
    assert measured["scrollWidth"] <= measured["viewport"], f"scrolls sideways: {measured}"
    assert measured["outside"] == [], f"controls outside the panel: {measured}"
    assert measured["buttonLines"] <= 1, f"the button's text wraps: {measured}"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_free_dial_is_at_the_top_of_every_page(browser, live_site_url, lang, width):
    context = browser.new_context(base_url=live_site_url, viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(f"/{lang}/it-work-liability/undersized-server-outage/")
    link = page.locator(".site-header .header-phone a")
    assert link.get_attribute("href") == "tel:+81120347277"
    box = link.bounding_box()
    assert box["y"] + box["height"] < 700, "the free dial is not on the first screen"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    context.close()
