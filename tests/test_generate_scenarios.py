"""generate_scenarios N adds N scenarios per language through the seed loader; --remove takes them away."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import DeletedPage
from scenarios.models import IncidentScenarioPage

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def test_generated_scenarios_come_in_both_languages_over_every_line_and_go_again():
    before = {code: scenarios_in(code).count() for code in ("ja", "en")}
    call_command("generate_scenarios", 14)
    call_command("generate_scenarios", 3)
    assert {code: scenarios_in(code).count() for code in ("ja", "en")} == {code: n + 17 for code, n in before.items()}

    generated = IncidentScenarioPage.objects.filter(slug__startswith="generated-", locale__language_code="ja")
    assert sorted(int(page.slug.rsplit("-", 1)[1]) for page in generated) == list(range(17))
    assert {page.get_parent().pk for page in generated} == set(lines_in("ja").values_list("pk", flat=True))
    english = IncidentScenarioPage.objects.get(slug="generated-16", locale__language_code="en")
    assert english.live and english.title.endswith("(example 16)")
    assert english.translation_key == generated.get(slug="generated-16").translation_key

    call_command("generate_scenarios", remove=True)
    assert {code: scenarios_in(code).count() for code in ("ja", "en")} == before
    assert not DeletedPage.objects.exists()  # not kept in the recycle bin


def test_bulk_scenarios_are_live_translated_searchable_and_go_again(client):
    before = {code: scenarios_in(code).count() for code in ("ja", "en")}
    call_command("generate_scenarios", 30, bulk=True, stdout=io.StringIO())
    assert {code: scenarios_in(code).count() for code in ("ja", "en")} == {code: n + 30 for code, n in before.items()}
    assert Page.find_problems() == ([], [], [], [], [])  # the tree's paths and child counts hold

    japanese = IncidentScenarioPage.objects.get(slug="generated-29", locale__language_code="ja")
    english = IncidentScenarioPage.objects.get(slug="generated-29", locale__language_code="en")
    assert english.translation_key == japanese.translation_key
    assert [t.translation_key for t in english.loss_types] == [t.translation_key for t in japanese.loss_types]
    assert english.get_parent().translation_key == japanese.get_parent().translation_key
    assert client.get(english.url).status_code == 200
    assert "(example 29)" in client.get("/en/search/", {"q": "example 29"}).content.decode()

    call_command("generate_scenarios", remove=True, stdout=io.StringIO())
    assert {code: scenarios_in(code).count() for code in ("ja", "en")} == before
    assert Page.find_problems() == ([], [], [], [], [])
