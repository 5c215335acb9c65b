"""Walks the admin as one user would, from the dashboard through every link they are shown, and
reports the English words on each screen (for the test that the admin speaks Japanese).

Server-rendered text, and the text of attributes people read (titles, labels, placeholders), is
checked, hidden parts included (dialogs and side panels open from there, and templates that a script
shows); words the editors wrote themselves (the seed's own ASCII words such as PC or Web) and the
names of products and formats are not English the admin should translate.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description", "data-w-tooltip-content-value"}
SKIPPED_ELEMENTS = {"script", "style", "svg", "code", "pre", "textarea", "noscript"}
WORD = re.compile(r"(?<![\w@./:-])[A-Za-z][A-Za-z']{2,}(?![\w@/-]|:/)")
NEVER_TRANSLATED = {
    "Wagtail", "API", "URL", "URLs", "HTML", "JPEG", "PNG", "GIF", "WebP", "AVIF", "SVG", "DeepL", "English",
    "ASCII", "CSV", "TSV", "XLSX", "JSON", "ISO", "UTC", "JST", "Ctrl", "Cmd", "Alt", "Shift", "Esc", "Enter",
    "Google", "Microsoft", "Authenticator", "localhost",
}
# Links a crawl must not follow: they change state, sign out, or lead out of the screens checked.
SKIPPED_LINKS = re.compile(r"/logout/|/delete/|/unpublish/|/lock/|/unlock/|/copy/|/move/|/revisions/\d+/view/|"
                           r"/preview|/usage/|/export|format=|/workflow/action/|/revisions/\d+/revert/|"
                           r"/convert_alias/|/localize/|/two-factor/qr|/chooser|/autosave/")


class ScreenText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.option_value = None  # an <option> whose text is its value (a time zone) is data
        self.texts = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        self.option_value = attrs.get("value") if tag == "option" else None
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if attrs.get("type") == "hidden":
            return
        for name in READ_ATTRIBUTES & set(attrs):
            if attrs[name]:
                self.texts.append(attrs[name])
        if tag in ("input", "button") and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip() and data.strip() != self.option_value:
            self.texts.append(data.strip())


def english_on(html, allowed=frozenset()):
    parser = ScreenText()
    parser.feed(html)
    found = []
    for text in parser.texts:
        words = [word for word in WORD.findall(text) if word not in NEVER_TRANSLATED and word not in allowed]
        if words:
            found.append(text)
    return found, parser.links


# The sidebar menu is drawn by JavaScript from a JSON description: its links are read from there.
MENU_LINK = re.compile(r'"url": "(/admin/[^"]*)"')


def pattern_of(path):
    """/admin/pages/12/edit/ and /admin/pages/13/edit/?next=… are the same screen."""
    return re.sub(r"\d+", "N", path.split("?")[0])


def crawl(client, start="/admin/", limit=80, per_pattern=3, allowed=frozenset()):
    """{path: [English texts]} over the screens reachable from ``start`` by links and the menu,
    at most ``per_pattern`` of each screen (pages of different types share a pattern)."""
    visits, queue, queued, report = {}, deque([start]), {start}, {}
    while queue and len(report) < limit:
        path = queue.popleft()
        pattern = pattern_of(path)
        if visits.get(pattern, 0) >= per_pattern:
            continue
        visits[pattern] = visits.get(pattern, 0) + 1
        response = client.get(path)
        if response.status_code != 200:
            continue
        if "json" in response.get("Content-Type", ""):
            html = response.json().get("html")  # a chooser: a modal dialog's HTML in JSON
            if not html:
                continue
        elif "html" in response.get("Content-Type", ""):
            html = response.content.decode()
        else:
            continue
        english, links = english_on(html, allowed)
        report[path] = english
        for link in links + MENU_LINK.findall(html):
            target = urlsplit(urljoin(path, link))
            if target.netloc or not target.path.startswith("/admin/") or SKIPPED_LINKS.search(link):
                continue
            if target.path not in queued and visits.get(pattern_of(target.path), 0) < per_pattern:
                queued.add(target.path)
                queue.append(target.path)
    return report
