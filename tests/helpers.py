"""Small helpers shared by the test modules."""

import os
from pathlib import Path

import pytest

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


def hours_form(hours, **changes):
    """The admin form of a ContactHours snippet as it stands, with ``changes``."""
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
    return form | changes
