"""A deleted page can be found again and restored: content, loss types, revisions, translations, tree."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.editorial.recycle_bin import RestoreError, restore
from home.models import DeletedPage
from scenarios.models import IncidentScenarioPage

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def delete_in_admin(client, page):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]), {"confirm_site_name": ""})
    assert response.status_code == 302, response.content[:300]
    assert not Page.objects.filter(pk=page.pk).exists()


def test_a_restored_scenario_comes_back_whole(admin_client, client):
    scenario = scenarios_in("ja").live().first().specific
    scenario.caveat = "下書きだけの注記"
    scenario.save_revision(user=admin_client.user)  # an unpublished draft on top of the live version
    loss_types = [loss_type.slug for loss_type in scenario.loss_types]
    revisions = scenario.revisions.count()
    english = scenario.get_translation(scenarios_in("en").first().locale)

    delete_in_admin(admin_client, scenario)
    assert admin_client.get(scenario.url).status_code == 404 or client.get(scenario.url).status_code == 404

    restore(DeletedPage.objects.get(page_id=scenario.pk), admin_client.user)
    restored = IncidentScenarioPage.objects.get(pk=scenario.pk)
    assert not restored.live
    assert restored.revisions.count() == revisions
    draft = restored.get_latest_revision_as_object()
    assert draft.caveat == "下書きだけの注記"
    assert [loss_type.slug for loss_type in draft.loss_types] == loss_types
    assert restored.get_translation(english.locale) == english  # the English page finds its source again
    assert Page.find_problems() == ([], [], [], [], [])
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[restored.pk])).status_code == 200

    restored.get_latest_revision().publish()
    html = client.get(restored.url).content.decode()
    assert restored.title in html and "下書きだけの注記" in html


def test_a_deleted_line_is_restored_from_the_top_down(admin_client):
    line = lines_in("ja").last()
    children = list(line.get_children().values_list("pk", flat=True))
    delete_in_admin(admin_client, line)
    kept = DeletedPage.objects.filter(page_id__in=[line.pk, *children])
    assert kept.count() == 1 + len(children)

    child = DeletedPage.objects.get(page_id=children[0])
    with pytest.raises(RestoreError, match=line.title):
        restore(child, admin_client.user)
    restore(DeletedPage.objects.get(page_id=line.pk), admin_client.user)
    restore(child, admin_client.user)
    assert Page.objects.get(pk=children[0]).get_parent().pk == line.pk
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_restored_page_gets_a_free_slug_if_its_own_was_taken(admin_client):
    scenario = scenarios_in("ja").first()
    line, slug = scenario.get_parent(), scenario.slug
    delete_in_admin(admin_client, scenario)
    line.add_child(instance=IncidentScenarioPage(title="同じスラッグ", slug=slug, what_happened="x", claim_or_payment="y", payout_kind="liability", locale=scenario.locale))
    restored = restore(DeletedPage.objects.get(page_id=scenario.pk), admin_client.user)
    assert restored.slug == f"{slug}-2"


def test_restoring_is_logged_in_the_page_history(admin_client):
    scenario = scenarios_in("ja").first()
    delete_in_admin(admin_client, scenario)
    admin_client.post(reverse("home_recycle_bin_restore", args=[DeletedPage.objects.get(page_id=scenario.pk).pk]))
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[scenario.pk])).content.decode()
    assert "ごみ箱から元に戻しました" in history
