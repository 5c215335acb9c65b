"""Deleting puts a page in the recycle bin with its translations and the pages under it; restoring
brings back the same tree in every language, and it saves and publishes through the normal buttons."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from home.models import DeletedPage
from scenarios.models import IncidentScenarioPage

from .helpers import lines_in, press, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]


def delete_in_admin(client, page):
    confirmation = client.get(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert confirmation.status_code == 200
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302, response.content[:300]
    return confirmation.content.decode()


def restore_in_admin(client, page):
    deletion = DeletedPage.objects.get(page=page).deletion
    response = client.post(reverse("home_recycle_bin_restore", args=[deletion]))
    assert response.status_code == 302
    return response


def loss_type_slugs(page):
    return sorted(row.loss_type.slug for row in page.loss_type_links.all())


def test_deleting_a_scenario_takes_its_english_version_off_the_site_and_says_so(admin_client, client):
    scenario = scenarios_in("ja").live().first()
    english = scenario.get_translation(scenarios_in("en").first().locale)
    assert client.get(english.url).status_code == 200

    confirmation = delete_in_admin(admin_client, scenario)
    assert "ごみ箱" in confirmation and "英語" in confirmation and english.title in confirmation

    for page in (scenario, english):
        page.refresh_from_db()
        assert not page.live and page.url is None  # in the bin, outside every site
    assert client.get(f"/ja/{scenario.get_parent().slug}/{DeletedPage.objects.get(page=scenario).slug}/").status_code == 404
    english_line = client.get(english.get_parent().url if english.get_parent().url else "/en/").content.decode()
    assert english.title not in english_line
    assert DeletedPage.objects.get(page=scenario).deletion == DeletedPage.objects.get(page=english).deletion


def test_a_restored_scenario_comes_back_whole_and_publishes_through_the_normal_buttons(
    admin_client, client, django_capture_on_commit_callbacks
):
    scenario = scenarios_in("ja").live().filter(loss_type_links__isnull=False).first().specific
    scenario.caveat = "下書きだけの注記"
    scenario.save_revision(user=admin_client.user)  # an unpublished draft on top of the live version
    loss_types = loss_type_slugs(scenario)
    revisions = scenario.revisions.count()
    english = scenario.get_translation(scenarios_in("en").first().locale).specific
    english_loss_types = loss_type_slugs(english)
    url = scenario.url

    delete_in_admin(admin_client, scenario)
    assert client.get(url).status_code == 404
    restore_in_admin(admin_client, scenario)

    restored = IncidentScenarioPage.objects.get(pk=scenario.pk)
    assert not restored.live and restored.url_path == scenario.url_path
    assert restored.revisions.count() == revisions
    assert restored.get_latest_revision_as_object().caveat == "下書きだけの注記"
    assert loss_type_slugs(restored) == loss_types
    english_restored = IncidentScenarioPage.objects.get(pk=english.pk)
    assert english_restored.get_parent().pk == english.get_parent().pk and loss_type_slugs(english_restored) == english_loss_types
    assert restored.get_translation(english.locale).pk == english.pk
    assert Page.find_problems() == ([], [], [], [], [])

    assert press(admin_client, restored, None).status_code == 302  # 「下書きを保存」
    assert press(admin_client, restored, "action-publish").status_code == 302  # 「公開」
    restored.refresh_from_db()
    assert restored.live and loss_type_slugs(restored) == loss_types  # each loss type once
    html = client.get(url).content.decode()
    assert restored.title in html and "下書きだけの注記" in html
    # English is published from wagtail-localize's translation editor, its 「公開: English」 button.
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"})
    assert response.status_code == 302
    assert client.get(english.url).status_code == 200


def test_an_approver_deletes_a_line_with_its_scenarios_and_restores_it_in_both_languages(client, django_user_model):
    from django.contrib.auth.models import Group

    approver = django_user_model.objects.create_user("bin-approver", password="long enough password")
    approver.groups.add(Group.objects.get(name="承認者"))
    client.force_login(approver)
    line = lines_in("ja").last()
    english_line = line.get_translation(lines_in("en").first().locale)
    children = set(line.get_children().values_list("pk", flat=True))
    english_children = set(english_line.get_children().values_list("pk", flat=True))
    assert children and english_children

    confirmation = delete_in_admin(client, line)
    assert f"{len(children)}" in confirmation
    assert not Page.objects.filter(pk__in=children | english_children, live=True).exists()
    assert line.title in client.get(reverse("home_recycle_bin")).content.decode()

    restore_in_admin(client, line)
    assert set(Page.objects.get(pk=line.pk).get_children().values_list("pk", flat=True)) == children
    assert set(Page.objects.get(pk=english_line.pk).get_children().values_list("pk", flat=True)) == english_children
    assert Page.objects.get(pk=line.pk).get_parent().pk == line.get_parent().pk
    assert Page.find_problems() == ([], [], [], [], [])
    assert not DeletedPage.objects.exists()


def test_a_page_comes_back_in_its_old_place_among_its_siblings(admin_client):
    line = lines_in("ja").first()
    order = list(line.get_children().values_list("pk", flat=True))
    middle = Page.objects.get(pk=order[1])
    delete_in_admin(admin_client, middle)
    restore_in_admin(admin_client, middle)
    assert list(line.get_children().values_list("pk", flat=True)) == order


def test_a_scenario_under_a_deleted_line_waits_for_the_line(admin_client):
    scenario = scenarios_in("ja").last()
    line = scenario.get_parent()
    delete_in_admin(admin_client, scenario)
    delete_in_admin(admin_client, line)
    response = restore_in_admin(admin_client, scenario)
    assert response["Location"] == reverse("home_recycle_bin")
    assert not Page.objects.get(pk=scenario.pk).get_parent().pk == line.pk
    messages = admin_client.get(reverse("home_recycle_bin")).content.decode()
    assert line.title in messages
    restore_in_admin(admin_client, line)
    restore_in_admin(admin_client, scenario)
    assert Page.objects.get(pk=scenario.pk).get_parent().pk == line.pk


def test_a_restored_page_gets_a_free_slug_if_its_own_was_taken_and_keeps_it_when_published(admin_client):
    scenario = scenarios_in("ja").first()
    line, slug = scenario.get_parent(), scenario.slug
    delete_in_admin(admin_client, scenario)
    line.add_child(instance=IncidentScenarioPage(title="同じスラッグ", slug=slug, what_happened="x", claim_or_payment="y", payout_kind="liability", locale=scenario.locale))
    restore_in_admin(admin_client, scenario)
    restored = Page.objects.get(pk=scenario.pk)
    assert restored.slug == f"{slug}-2"
    assert press(admin_client, restored, "action-publish").status_code == 302
    restored.refresh_from_db()
    assert restored.live and restored.slug == f"{slug}-2"


def test_two_deleted_pages_with_one_slug_wait_side_by_side(admin_client):
    scenario = scenarios_in("ja").first()
    line, slug = scenario.get_parent(), scenario.slug
    delete_in_admin(admin_client, scenario)
    twin = line.add_child(instance=IncidentScenarioPage(title="同じスラッグ", slug=slug, what_happened="x", claim_or_payment="y", payout_kind="liability", locale=scenario.locale))
    delete_in_admin(admin_client, twin)
    assert DeletedPage.objects.filter(slug=slug, page__locale=scenario.locale).count() == 2


def test_restoring_is_logged_in_the_page_history(admin_client):
    scenario = scenarios_in("ja").first()
    delete_in_admin(admin_client, scenario)
    restore_in_admin(admin_client, scenario)
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[scenario.pk])).content.decode()
    assert "ごみ箱に移動しました" in history and "ごみ箱から元に戻しました" in history


def test_the_recycle_bin_shows_public_addresses_not_tree_paths(admin_client):
    scenario = scenarios_in("ja").live().first()
    url = scenario.url
    delete_in_admin(admin_client, scenario)
    listing = admin_client.get(reverse("home_recycle_bin")).content.decode()
    assert url in listing and "/home/" not in listing


def test_bulk_delete_and_api_v3_delete_go_to_the_recycle_bin_too(admin_client):
    first, second = scenarios_in("ja")[:2]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    response = admin_client.post(f"{url}?id={first.pk}&id={second.pk}", {})
    assert response.status_code == 302
    assert DeletedPage.objects.filter(page_id__in=[first.pk, second.pk]).count() == 2

    from wagtail.actions import action_registry

    third = scenarios_in("ja").live().first()
    action_registry.get_action_class(Page, "delete")(third, user=admin_client.user).execute()
    assert DeletedPage.objects.filter(page=third).exists() and Page.objects.filter(pk=third.pk).exists()


def test_nothing_scheduled_goes_live_from_the_recycle_bin(admin_client):
    scenario = scenarios_in("ja").filter(live=True).first().specific
    scenario.unpublish()
    go_live = timezone.now() + datetime.timedelta(minutes=1)
    revision = scenario.save_revision(user=admin_client.user, approved_go_live_at=go_live)
    assert revision.approved_go_live_at
    delete_in_admin(admin_client, scenario)
    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("run_scheduler", once=True)
    scenario.refresh_from_db()
    assert not scenario.live


def test_purging_deletes_for_good_what_waited_long_enough(admin_client):
    scenario = scenarios_in("ja").first()
    delete_in_admin(admin_client, scenario)
    call_command("purge_recycle_bin", days=1, verbosity=0)
    assert Page.objects.filter(pk=scenario.pk).exists()
    DeletedPage.objects.update(deleted_at=timezone.now() - datetime.timedelta(days=2))
    call_command("purge_recycle_bin", days=1, verbosity=0)
    assert not Page.objects.filter(pk=scenario.pk).exists() and not DeletedPage.objects.exists()


def test_the_status_panel_lists_every_other_language_version(client, django_user_model):
    """An approver of Japanese may not edit English, yet sees that a live English version exists
    (Wagtail's panel lists only the versions the viewer may edit)."""
    from django.contrib.auth.models import Group

    approver = django_user_model.objects.create_user("panel-approver", password="long enough password")
    approver.groups.add(Group.objects.get(name="承認者"))
    client.force_login(approver)
    scenario = scenarios_in("ja").live().first()
    english = scenario.get_translation(scenarios_in("en").first().locale)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[scenario.pk])).content.decode()
    assert "英語: 公開中" in html and english.url in html and "ほかの言語版はありません" not in html
