"""The plugin in a project of its own: its pages, snippets and templates work without the site."""

import datetime

import pytest
from django.test import Client
from wagtail.models import Locale, Page, Site

from scenarios.models import (
    ContactHours,
    IncidentScenarioPage,
    InsuranceLineIndexPage,
    LossType,
    OperatorInfo,
    ScenarioLossType,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def line():
    root = Page.get_first_root_node()
    line = InsuranceLineIndexPage(title="Cyber liability", slug="cyber", coverage_summary="Covers breaches.")
    root.add_child(instance=line)
    Site.objects.update(root_page=line)
    line.save_revision().publish()
    return line


def test_the_site_is_not_importable_here():
    with pytest.raises(ImportError):
        __import__("home")


def test_a_line_and_its_scenario_render_with_the_plugins_own_templates(line):
    lost_profits = LossType.objects.create(name="Lost profits", slug="lost-profits")
    scenario = IncidentScenarioPage(
        title="Server outage",
        slug="server-outage",
        what_happened="The server stopped.",
        claim_or_payment="The client claimed lost profits.",
        payout_kind="liability",
    )
    scenario.loss_type_links = [ScenarioLossType(loss_type=lost_profits)]
    line.add_child(instance=scenario)
    scenario.save_revision().publish()
    hours = ContactHours(
        heading="Call us",
        phone_number="020 7946 0000",
        opens_at=datetime.time(9),
        closes_at=datetime.time(17),
    )
    hours.save()
    OperatorInfo.objects.create(operator_name="Agency", site_name="Scenarios", scenario_disclaimer="Case by case.")

    client = Client()
    line_html = client.get("/en/").content.decode()
    assert "Server outage" in line_html and "Covers breaches." in line_html and "Case by case." in line_html
    scenario_html = client.get("/en/server-outage/").content.decode()
    assert "The server stopped." in scenario_html
    assert "Lost profits" in scenario_html
    assert 'href="tel:+442079460000"' in scenario_html  # read as dialled in the project's COUNTRY


def test_a_language_without_its_own_snippet_gets_the_default_languages_marked_as_such():
    hours = ContactHours.objects.create(
        heading="Call us", phone_number="0120-000-000", opens_at=datetime.time(9), closes_at=datetime.time(17)
    )
    japanese = Locale.objects.get_or_create(language_code="ja")[0]
    found = ContactHours.for_request(None, japanese)
    assert found == hours and found.fallback_language == Locale.get_default().language_code
    assert ContactHours.for_request(None, hours.locale).fallback_language == ""
