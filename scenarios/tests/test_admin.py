"""Editors in the admin of any project: adding a scenario, the shared snippets, where lines may go."""

import pytest
from django.test import override_settings
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from scenarios.models import ContactHours, IncidentScenarioPage, InsuranceLineIndexPage

from .factories import LineFactory, ScenarioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "password")
    client.force_login(user)
    return client


def add_scenario(client, line, title, slug=""):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "what_happened": "The server stopped.",
            "claim_or_payment": "The client claimed.",
            "payout_kind": "liability",
            "loss_type_links": inline_formset([]),
            "caveat": "",
            "action-publish": "publish",
        }
    )
    return client.post(f"/admin/pages/add/scenarios/incidentscenariopage/{line.pk}/", data)


def test_a_scenario_with_a_japanese_headline_gets_an_address_visitors_can_type(editor):
    line = LineFactory(slug="outages")
    ScenarioFactory(parent=line, slug="outages-1")
    response = add_scenario(editor, line, "サーバー停止")
    assert response.status_code == 302, response.content[:2000]
    assert IncidentScenarioPage.objects.get(title="サーバー停止").slug == "outages-2"
    add_scenario(editor, line, "Outage", slug="outage")
    assert IncidentScenarioPage.objects.get(title="Outage").slug == "outage"


def test_the_editor_opens_each_plugin_screen(editor, catalogue):
    outage = catalogue["scenarios"][0]
    for url in (
        f"/admin/pages/{outage.pk}/edit/",
        f"/admin/pages/{catalogue['lines'][0].pk}/edit/",
        "/admin/snippets/scenarios/contacthours/",
        f"/admin/snippets/scenarios/contacthours/edit/{catalogue['hours'].pk}/",
        f"/admin/snippets/scenarios/operatorinfo/edit/{catalogue['operator'].pk}/",
        "/admin/snippets/scenarios/losstype/",
    ):
        assert editor.get(url).status_code == 200, url


def test_a_second_contact_hours_for_one_language_is_refused_with_a_message(editor, catalogue):
    hours = catalogue["hours"]
    duplicate = ContactHours(
        heading="Again", phone_number=hours.phone_number, opens_at=hours.opens_at, closes_at=hours.closes_at
    )
    with pytest.raises(Exception, match="already one for this language"):
        duplicate.full_clean()


def test_lines_go_where_the_project_says(db):
    assert Page in InsuranceLineIndexPage.allowed_parent_page_models()
    with override_settings(SCENARIOS={"LINE_PARENT_PAGE_TYPES": ["scenarios.InsuranceLineIndexPage"]}):
        assert InsuranceLineIndexPage.allowed_parent_page_models() == []  # a line allows no line below it


def test_a_preview_shows_the_drafts_loss_types(rf, catalogue):
    from scenarios.models import ScenarioLossType

    outage = catalogue["scenarios"][0]
    assert [loss.slug for loss in outage.get_context(rf.get(outage.url))["loss_types"]] == ["lost-profits"]
    draft = outage.get_latest_revision_as_object()
    draft.loss_type_links = [ScenarioLossType(loss_type=catalogue["loss_types"][1])]
    preview = rf.get(outage.url)
    preview.is_preview = True
    assert [loss.slug for loss in draft.get_context(preview)["loss_types"]] == ["data-loss"]
