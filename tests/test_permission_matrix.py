"""The permission matrix of docs/editor-guide.ja.md, cell by cell, and the same rules through the
admin's screens and API v3.

Roles: 編集者 (editor) writes Japanese, 承認者 (approver) approves and publishes Japanese and may take
pages of either language off the site, 翻訳者 (translator) translates and publishes English. Nobody
but an approver unpublishes, deletes, moves or restricts a live page; translators touch English only,
pages and snippets alike.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import APIToken, Locale, Page
from wagtail.permissions import policy_registry

from home.models import DeletedPage
from scenarios.models import ContactHours, LossType, OperatorInfo

from . import helpers
from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

ROLES = {"editor": "編集者", "approver": "承認者", "translator": "翻訳者"}
Y, N = True, False

# action: {(role, language): allowed}
PAGE_MATRIX = {
    "create": {("editor", "ja"): Y, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): Y},
    "edit": {("editor", "ja"): Y, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): Y},
    "submit": {("editor", "ja"): Y, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): N},
    "publish": {("editor", "ja"): N, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): Y},
    "unpublish": {("editor", "ja"): N, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): Y, ("translator", "ja"): N, ("translator", "en"): N},
    "move": {("editor", "ja"): N, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): N},
    "delete": {("editor", "ja"): N, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): Y, ("translator", "ja"): N, ("translator", "en"): N},
    "privacy": {("editor", "ja"): N, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): N},
}
# (snippet, action): {(role, language): allowed}; loss types have no drafts, so nothing to publish.
SNIPPET_MATRIX = {
    (model, action): cells
    for model in (ContactHours, OperatorInfo)
    for action, cells in {
        "change": {("editor", "ja"): Y, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): Y},
        "publish": {("editor", "ja"): N, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): Y},
        "delete": {("editor", "ja"): N, ("editor", "en"): N, ("approver", "ja"): N, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): N},
    }.items()
} | {
    (LossType, "change"): {("editor", "ja"): Y, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): Y},
    (LossType, "add"): {("editor", "ja"): Y, ("editor", "en"): N, ("approver", "ja"): Y, ("approver", "en"): N, ("translator", "ja"): N, ("translator", "en"): N},
}


@pytest.fixture
def users(django_user_model):
    made = {}
    for role, group in ROLES.items():
        user = django_user_model.objects.create_user(f"matrix-{role}", password="long enough password")
        user.groups.add(Group.objects.get(name=group))
        made[role] = user
    return made


def page_action_allowed(user, action, language):
    scenario = scenarios_in(language).live().first().specific
    permissions = scenario.permissions_for_user(user)
    if action == "create":
        return scenario.get_parent().specific.permissions_for_user(user).can_add_subpage()
    if action == "submit":
        return scenario.has_workflow and permissions.can_edit() and permissions.can_submit_for_moderation()
    if action == "move":
        other_line = lines_in(language).exclude(pk=scenario.get_parent().pk).first()
        return permissions.can_move() and permissions.can_move_to(other_line)
    return {
        "edit": permissions.can_edit,
        "publish": permissions.can_publish,
        "unpublish": permissions.can_unpublish,
        "delete": permissions.can_delete,
        "privacy": permissions.can_set_view_restrictions,
    }[action]()


@pytest.mark.parametrize("action", PAGE_MATRIX)
def test_page_permission_matrix(users, action):
    found = {cell: page_action_allowed(users[cell[0]], action, cell[1]) for cell in PAGE_MATRIX[action]}
    assert found == PAGE_MATRIX[action]


def test_only_approvers_approve_japanese_submissions(users):
    scenario = scenarios_in("ja").live().first().specific
    scenario.title = "承認待ちの見出し"
    scenario.save_revision(user=users["editor"])
    state = scenario.get_workflow().start(scenario, users["editor"])
    task = state.current_task_state.task.specific
    can_approve = {role: bool(task.get_actions(scenario, user)) for role, user in users.items()}
    assert can_approve == {"editor": False, "approver": True, "translator": False}


@pytest.mark.parametrize(("model", "action"), SNIPPET_MATRIX)
def test_snippet_permission_matrix(users, model, action):
    found = {}
    for role, language in SNIPPET_MATRIX[(model, action)]:
        instance = model.objects.filter(locale__language_code=language).first()
        policy = policy_registry.get(instance)
        found[(role, language)] = policy.user_has_permission_for_instance(users[role], action, instance)
    assert found == SNIPPET_MATRIX[(model, action)]


# The same rules on the admin's own screens.


def hours_form(hours, **changes):
    return helpers.hours_form(hours, **{"action-publish": "publish", **changes})


def signed_in(client, user):
    client.force_login(user)
    return client


def test_a_translator_cannot_open_or_change_japanese_snippets(client, users):
    client = signed_in(client, users["translator"])
    hours = ContactHours.objects.get(locale__language_code="ja")
    edit_url = reverse(hours.snippet_viewset.get_url_name("edit"), args=[hours.pk])
    assert refused(client.get(edit_url))
    client.post(edit_url, hours_form(hours, opens_at="05:00"))
    hours.refresh_from_db()
    assert hours.opens_at.hour == 9 and not hours.has_unpublished_changes

    loss_type = LossType.objects.filter(locale__language_code="ja").first()
    rename_url = reverse(loss_type.snippet_viewset.get_url_name("edit"), args=[loss_type.pk])
    client.post(rename_url, {"name": "改名", "slug": loss_type.slug, "description": ""})
    loss_type.refresh_from_db()
    assert loss_type.name != "改名"


def test_snippet_lists_show_each_role_its_own_languages(client, users):
    for role, languages in {"translator": {"en"}, "editor": {"ja"}, "approver": {"ja"}}.items():
        client = signed_in(client, users[role])
        listing = client.get(reverse(ContactHours.snippet_viewset.get_url_name("list"))).content.decode()
        for hours in ContactHours.objects.select_related("locale"):
            edit_url = reverse(hours.snippet_viewset.get_url_name("edit"), args=[hours.pk])
            assert (edit_url in listing) == (hours.locale.language_code in languages), (role, hours.locale)


def test_an_editor_saves_japanese_hours_as_a_draft_only(client, users):
    client = signed_in(client, users["editor"])
    hours = ContactHours.objects.get(locale__language_code="ja")
    edit_url = reverse(hours.snippet_viewset.get_url_name("edit"), args=[hours.pk])
    data = hours_form(hours, opens_at="10:00")
    del data["action-publish"]
    assert client.post(edit_url, data).status_code == 302
    hours.refresh_from_db()
    assert hours.opens_at.hour == 9 and hours.has_unpublished_changes
    client.post(edit_url, hours_form(hours, opens_at="10:00"))  # "publish" is refused
    hours.refresh_from_db()
    assert hours.opens_at.hour == 9


def refused(response):
    """The admin answers a forbidden action with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_a_translator_cannot_delete_or_unpublish_a_live_english_page(client, users):
    client = signed_in(client, users["translator"])
    page = scenarios_in("en").live().first()
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    page.refresh_from_db()
    assert page.live


def test_an_approver_deletes_a_live_page_and_finds_it_in_the_recycle_bin(client, users):
    client = signed_in(client, users["approver"])
    page = scenarios_in("ja").live().first()
    title, url_path = page.title, page.url_path
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.url is None

    bin_page = client.get(reverse("home_recycle_bin")).content.decode()
    assert title in bin_page
    deleted = DeletedPage.objects.get(page=page)
    assert deleted.deleted_by == users["approver"] and deleted.was_live

    response = client.post(reverse("home_recycle_bin_restore", args=[deleted.deletion]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    restored = Page.objects.get(pk=page.pk)
    assert restored.title == title and not restored.live and restored.url_path == url_path


def test_the_recycle_bin_is_for_approvers(client, users):
    for role in ("editor", "translator"):
        assert refused(signed_in(client, users[role]).get(reverse("home_recycle_bin")))
        assert "recycle-bin" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert signed_in(client, users["approver"]).get(reverse("home_recycle_bin")).status_code == 200
    assert "recycle-bin" in client.get(reverse("wagtailadmin_home")).content.decode()


# The same rules through API v3 with a token.


def bearer(user):
    _token, plaintext = APIToken.create_token(user=user, name="matrix")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_a_translators_token_cannot_change_japanese_snippets(client, users):
    auth = bearer(users["translator"])
    hours = ContactHours.objects.get(locale__language_code="ja")
    base = f"/api/v3/snippets/scenarios.ContactHours/{hours.pk}/"
    patch = client.patch(base, json.dumps({"note": "翻訳者が書いた注意"}), content_type="application/json", **auth)
    assert patch.status_code == 403, patch.content
    publish = client.post(f"{base}actions/publish/", **auth)
    assert publish.status_code == 403, publish.content
    hours.refresh_from_db()
    assert hours.opens_at.hour == 9 and not hours.has_unpublished_changes

    loss_type = LossType.objects.filter(locale__language_code="ja").first()
    rename = client.patch(
        f"/api/v3/snippets/scenarios.LossType/{loss_type.pk}/",
        json.dumps({"name": "改名"}),
        content_type="application/json",
        **auth,
    )
    assert rename.status_code == 403, rename.content


def test_a_translators_token_cannot_take_english_pages_down(client, users):
    auth = bearer(users["translator"])
    page = scenarios_in("en").live().first()
    assert client.delete(f"/api/v3/pages/{page.pk}/", **auth).status_code == 403
    unpublish = client.post(f"/api/v3/pages/{page.pk}/actions/unpublish/", "{}", content_type="application/json", **auth)
    assert unpublish.status_code == 403
    page.refresh_from_db()
    assert page.live


def test_the_japanese_home_and_english_home_carry_the_roles():
    japanese = Locale.objects.get(language_code="ja")
    assert scenarios_in("ja").first().locale == japanese
