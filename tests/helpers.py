"""Small helpers shared by the test modules."""

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from scenarios.models import IncidentScenarioPage, InsuranceLineIndexPage

SOURCE_FILE = Path(__file__).resolve().parent.parent / "home" / "seed" / "accident-examples.ja.txt"


def unavailable(reason):
    """Skip a test whose browser or server is missing here; on CI (CI=true), where everything must
    answer, fail it instead, so that a missing part never passes as a skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"required on CI: {reason}")
    pytest.skip(reason)


def source_scenarios():
    """The agency page's scenarios as (insurance line, text), hard line wraps joined, in page order."""
    scenarios = []
    line_title = None
    current = None
    for raw_line in SOURCE_FILE.read_text(encoding="utf-8").splitlines():
        if raw_line.startswith("  • "):
            current = [raw_line[4:]]
            scenarios.append((line_title, current))
        elif raw_line.startswith("    ") and current is not None:
            current.append(raw_line[4:])
        else:
            current = None
            if raw_line.strip():
                line_title = raw_line.strip()
    # The last bullets are the operator's links, not scenarios.
    return [(line, "".join(parts).strip()) for line, parts in scenarios if line.endswith(("保険"))]


def scenarios_in(language_code):
    return IncidentScenarioPage.objects.filter(locale__language_code=language_code).order_by("path")


def lines_in(language_code):
    return InsuranceLineIndexPage.objects.filter(locale__language_code=language_code).order_by("path")


def hours_form(hours, closures=None, **changes):
    """The admin form of a ContactHours snippet as it stands, with ``changes``; ``closures``, a list
    of dicts of ClosurePeriod fields, in place of the closure periods it has."""
    form = {
        "heading": hours.heading,
        "phone_label": hours.phone_label,
        "phone_number": hours.phone_number,
        "open_weekdays": [str(day) for day in hours.open_weekdays],
        "opens_at": hours.opens_at.strftime("%H:%M"),
        "closes_at": hours.closes_at.strftime("%H:%M"),
        "closed_on_national_holidays": "on" if hours.closed_on_national_holidays else "",
        "note": hours.note,
    }
    return form | closures_formset(hours, closures) | changes


def closures_formset(hours, closures=None):
    """The closure periods' inline forms as the admin posts them: those ``hours`` has (deleted when
    ``closures`` is given), then ``closures`` as new ones."""
    existing = list(hours.closures.all()) if hours.pk else []
    form = {}
    for index, period in enumerate(existing):
        form |= {
            f"closures-{index}-id": str(period.pk),
            f"closures-{index}-label": period.label,
            f"closures-{index}-starts_on": period.starts_on.isoformat(),
            f"closures-{index}-ends_on": period.ends_on.isoformat(),
            f"closures-{index}-every_year": "on" if period.every_year else "",
            f"closures-{index}-ORDER": str(index + 1),
            f"closures-{index}-DELETE": "on" if closures is not None else "",
        }
    for index, fields in enumerate(closures or [], start=len(existing)):
        form |= {f"closures-{index}-id": "", f"closures-{index}-ORDER": str(index + 1), f"closures-{index}-DELETE": ""}
        form |= {f"closures-{index}-{name}": value for name, value in fields.items()}
    total = len(existing) + len(closures or [])
    return form | {
        "closures-TOTAL_FORMS": str(total),
        "closures-INITIAL_FORMS": str(len(existing)),
        "closures-MIN_NUM_FORMS": "0",
        "closures-MAX_NUM_FORMS": "1000",
    }


class _FormFields(HTMLParser):
    """The name/value pairs a browser would submit from the form whose id is ``form_id``."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.in_template = 0  # a browser submits nothing inside <template> (a formset's empty form)
        self.textarea = self.select = None
        self.selected = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if tag == "template":
            self.in_template += 1
        if not self.inside or self.in_template or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((attrs["name"], attrs.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select, self.selected, self.first_option = attrs["name"], [], None
            self.multiple = "multiple" in attrs
        elif tag == "option" and self.select is not None:
            if self.first_option is None:
                self.first_option = attrs.get("value", "")
            if "selected" in attrs:
                self.selected.append(attrs.get("value", ""))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template -= 1
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, value = self.textarea
            self.fields.append((name, value.removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            if not self.selected and not self.multiple and self.first_option is not None:
                self.selected = [self.first_option]  # a browser sends a single select's first option
            self.fields += [(self.select, value) for value in self.selected]
            self.select = None


def submitted_form(html, form_id, **changes):
    """The data of form ``form_id`` in ``html`` as a browser would post it, with ``changes``
    (a value of None drops the field): a test presses a screen's button without retyping it."""
    parser = _FormFields(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value if isinstance(value, list) else [value]
    return data


def press(client, page, button, **changes):
    """Opens the page's edit screen and presses ``button`` ("action-publish", "action-submit", or
    None for 「下書きを保存」) with the form as the screen shows it, ``changes`` typed in."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    data = submitted_form(html, "page-edit-form", **changes)
    if button:
        data[button] = ["1"]
    return client.post(url, data)
