"""axe-core finds no violation on the site's kinds of page, in both languages: WCAG 2.1 A and AA,
AAA text contrast (7:1 for body text, 4.5:1 for large text; many readers are older owners), and
axe's best-practice rules."""

from pathlib import Path

import pytest

from ..helpers import unavailable

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "/{lang}/",
    "/{lang}/it-work-liability/",
    "/{lang}/it-work-liability/undersized-server-outage/",
    "/{lang}/operator/",
    "/{lang}/search/?q=data",
    "/{lang}/_debug/404/",  # the site's own "page not found" (the live site runs with DEBUG on)
]
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AAA_RULES = ["color-contrast-enhanced"]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        unavailable("axe-core is not installed (make test runs npm ci in tests/browser/axe)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(page, axe_source, lang, path):
    response = page.goto(path.format(lang=lang))
    assert response.status in (200, 404)
    page.evaluate(axe_source)  # through DevTools, as an inline script would break the page's CSP
    # One run: the rules of the tags, and the AAA rules enabled by name (an enabled rule runs
    # whatever its tags).
    result = page.evaluate(
        """async ([tags, rules]) => {
            const enabled = Object.fromEntries(rules.map((rule) => [rule, {enabled: true}]));
            const run = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules: enabled});
            const ran = [...run.passes, ...run.violations, ...run.incomplete].map((rule) => rule.id);
            return {violations: run.violations, passes: run.passes, ran: ran};
        }""",
        [RULES, AAA_RULES],
    )
    violations = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} × "
        f"{[node['target'] for node in violation['nodes'][:4]]})"
        for violation in result["violations"]
    ]
    assert violations == []
    assert len(result["passes"]) > 5  # axe really ran
    assert set(AAA_RULES) <= set(result["ran"])  # and so did the AAA rules
