"""Editors work in a Japanese admin: edit, publish and see it on the site; English is a translation."""

import re
import uuid

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from home.models import HomePage, StandardPage
from scenarios.models import ContactHours, IncidentScenarioPage, InsuranceLineIndexPage, OperatorInfo

from .helpers import press, scenarios_in, submitted_form

pytestmark = pytest.mark.django_db


def test_the_admin_is_in_japanese_by_default(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="ja"' in html
    assert "<title>ダッシュボード - 賠償リスクを保険で軽減する技術</title>" in html


def test_the_admin_stays_japanese_whatever_the_browsers_language(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="ja"' in html


def test_an_editor_can_switch_the_admin_to_english(admin_client):
    profile = UserProfile.get_for_user(admin_client.user)
    profile.preferred_language = "en"
    profile.save()
    assert '<html lang="en"' in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_admin_labels_of_the_plugin_are_japanese(admin_client):
    page = scenarios_in("ja").first()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    labels = {
        field: " ".join(re.sub(r"<[^>]+>", " ", text).split())
        for field, text in re.findall(r'<label[^>]*for="id_([\w-]+)"[^>]*>(.*?)</label>', html, re.S)
    }
    expected = {
        "title": "見出し",
        "what_happened": "事故の内容",
        "claim_or_payment": "請求・支払いの内容",
        "payout_kind": "支払いの種類",
        "loss_type_links-0-loss_type": "損害の種類",
        "caveat": "注記",
    }
    assert {field: labels[field].rstrip("* ") for field in expected} == expected


def test_an_editor_edits_and_publishes_a_scenario_and_sees_it_on_the_site(admin_client, client):
    page = scenarios_in("ja").first()
    links = list(page.loss_type_links.all())
    data = nested_form_data(
        {
            "title": "編集した見出し",
            "slug": page.slug,
            "what_happened": page.what_happened,
            "claim_or_payment": page.claim_or_payment,
            "payout_kind": page.payout_kind,
            "caveat": "特約が必要です。",
            "loss_type_links": inline_formset([{"id": link.pk, "loss_type": link.loss_type_id} for link in links]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get(page.url).content.decode()
    assert "<h1>編集した見出し</h1>" in html
    assert "特約が必要です。" in html


def test_an_editor_changes_the_contact_hours_once_for_every_page(admin_client, client):
    from .helpers import hours_form

    hours = ContactHours.objects.get(locale__language_code="ja")
    url = reverse(hours.snippet_viewset.get_url_name("edit"), args=[hours.pk])
    form = hours_form(
        hours, open_weekdays=["0", "1", "2", "3", "4", "5"], opens_at="10:00", closes_at="17:00", note=""
    )
    response = admin_client.post(url, form | {"action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    for page in Page.objects.live().filter(locale__language_code="ja", depth__gt=1)[:5]:
        html = client.get(page.url).content.decode()
        assert '<time datetime="10:00">10:00</time>–<time datetime="17:00">17:00</time>' in html
        assert "月曜日・火曜日・水曜日・木曜日・金曜日・土曜日" in html


def test_a_second_japanese_contact_hours_is_refused_with_a_message(admin_client):
    url = reverse(ContactHours.snippet_viewset.get_url_name("add")) + "?locale=ja"
    response = admin_client.post(
        url,
        {
            "heading": "別の連絡先",
            "phone_number": "03-0000-0000",
            "open_weekdays": ["0"],
            "opens_at": "09:00",
            "closes_at": "10:00",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 200
    assert "この言語のものはすでにあります" in response.content.decode()
    assert ContactHours.objects.filter(locale__language_code="ja").count() == 1


def test_english_pages_open_in_the_wagtail_localize_translation_editor(admin_client):
    en_page = scenarios_in("en").first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[en_page.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_page_type_rules_keep_the_tree_in_shape():
    assert InsuranceLineIndexPage.allowed_parent_page_models() == [HomePage]
    assert IncidentScenarioPage.allowed_parent_page_models() == [InsuranceLineIndexPage]
    assert IncidentScenarioPage.allowed_subpage_models() == []
    assert set(HomePage.allowed_subpage_models()) == {InsuranceLineIndexPage, StandardPage}
    assert StandardPage.allowed_subpage_models() == []


def test_operator_page_choosers_offer_standard_pages_only(admin_client):
    from scenarios.models import OperatorInfo

    form_class = OperatorInfo.snippet_viewset.get_edit_handler().get_form_class()
    choosers = [form_class.base_fields[name].widget for name in ("operator_page", "site_manager_page", "privacy_policy_page")]
    assert [chooser.target_models for chooser in choosers] == [[StandardPage]] * 3
    operator = OperatorInfo.objects.get(locale__language_code="ja")
    url = reverse(operator.snippet_viewset.get_url_name("edit"), args=[operator.pk])
    assert admin_client.get(url).status_code == 200


def test_machine_translation_is_off_unless_a_deepl_key_is_set(settings):
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")


def test_a_deepl_key_turns_machine_translation_on():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = "from django.conf import settings; print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['CLASS'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=root, capture_output=True, text=True, check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "itrisk.settings.dev", "DEEPL_AUTH_KEY": "test-key:fx"},
    )
    assert result.stdout.strip() == "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def test_the_translation_editor_is_japanese_too(admin_client):
    catalog = admin_client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    for text in ["未翻訳", "PO ファイルをダウンロード", "保存していない項目があります"]:
        assert text.encode("unicode_escape").decode() in catalog or text in catalog
    page = scenarios_in("ja").first()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "翻訳済みのページを同期" in html


@pytest.mark.parametrize("model", [ContactHours, OperatorInfo])
def test_the_database_keeps_one_shared_snippet_per_language(model):
    """Not only the admin form: a second instance for a language is refused by the database itself."""
    existing = model.objects.get(locale__language_code="ja")
    duplicate = model.objects.get(pk=existing.pk)
    duplicate.pk = duplicate.id = None
    duplicate.translation_key = uuid.uuid4()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_japanese_headline_gets_an_ascii_address_from_its_line(admin_client):
    from scenarios.models import InsuranceLineIndexPage

    line = InsuranceLineIndexPage.objects.get(locale__language_code="ja", slug="it-work-liability")
    url = reverse("wagtailadmin_pages:add", args=["scenarios", "incidentscenariopage", line.pk])
    form = {
        "title": "サーバーが止まった", "slug": "サーバーが止まった", "what_happened": "内容。", "claim_or_payment": "",
        "payout_kind": "liability", "caveat": "", "loss_type_links-TOTAL_FORMS": "0",
        "loss_type_links-INITIAL_FORMS": "0", "loss_type_links-MIN_NUM_FORMS": "0", "loss_type_links-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000", "action-publish": "publish",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[-3000:]
    taken = set(line.get_children().values_list("slug", flat=True))
    page = line.get_children().get(title="サーバーが止まった")
    assert page.slug.startswith("it-work-liability-") and page.slug.isascii()
    assert page.url.endswith(f"/ja/it-work-liability/{page.slug}/")

    form |= {"title": "別の事故", "slug": "", "what_happened": "別の内容。"}
    assert admin_client.post(url, form).status_code == 302
    second = line.get_children().get(title="別の事故")
    assert second.slug.isascii() and second.slug not in taken

    form |= {"title": "英字の事故", "slug": "typed-by-the-editor"}
    assert admin_client.post(url, form).status_code == 302
    assert line.get_children().filter(slug="typed-by-the-editor").exists()


def test_the_address_shown_before_the_first_save_is_the_one_the_page_gets(admin_client):
    from scenarios.models import InsuranceLineIndexPage

    line = InsuranceLineIndexPage.objects.get(locale__language_code="ja", slug="it-work-liability")
    url = reverse("wagtailadmin_pages:add", args=["scenarios", "incidentscenariopage", line.pk])
    html = admin_client.get(url).content.decode()
    shown = submitted_form(html, "page-edit-form")["slug"][0]
    assert shown.startswith("it-work-liability-") and not line.get_children().filter(slug=shown).exists()
    form = submitted_form(html, "page-edit-form", title="新しい事故例", what_happened="内容。", payout_kind="liability")
    assert admin_client.post(url, form | {"action-publish": ["1"]}).status_code == 302
    assert line.get_children().get(title="新しい事故例").slug == shown


def test_a_new_page_form_left_open_leaves_no_draft(admin_client):
    """Autosave is off on the new-page form, so nothing is saved until the editor saves."""
    from scenarios.models import InsuranceLineIndexPage

    line = InsuranceLineIndexPage.objects.get(locale__language_code="ja", slug="it-work-liability")
    def form_tag(response):
        return re.search(r'<form\s+id="page-edit-form".*?>', response.content.decode(), re.S).group(0)

    create = admin_client.get(reverse("wagtailadmin_pages:add", args=["scenarios", "incidentscenariopage", line.pk]))
    assert "w-autosave" not in form_tag(create)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[line.get_children().first().pk]))
    assert "w-autosave" in form_tag(edit)  # a page that exists is still autosaved


def test_the_admin_is_titled_with_the_site_name(admin_client):
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    title = re.search(r"<title>(.*?)</title>", dashboard, re.S).group(1)
    assert title.strip().endswith("賠償リスクを保険で軽減する技術")
    assert "127.0.0.1" not in dashboard and "localhost" not in title


def test_approving_says_the_page_was_published_and_requesting_changes_says_so(client, member, mailoutbox):
    from django.contrib.auth.models import Group

    editor = member("編集者", email="editor@example.com")
    approver = type(editor).objects.create_user("approving-approver", password="secret", email="approver@example.com")
    approver.groups.add(Group.objects.get(name="承認者"))
    scenario, other = [page.specific for page in scenarios_in("ja").live()[:2]]
    for page in (scenario, other):
        page.caveat = "承認待ちの注記"
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)
    client.force_login(approver)

    response = press(client, scenario, "action-workflow-action", **{"workflow-action-name": "approve"})
    assert response.status_code == 302
    shown = "".join(str(message) for message in client.get(response["Location"]).context["messages"])
    assert f"「{scenario.title}」を承認し、公開しました。" in shown and "更新が完了" not in shown

    response = press(client, other, "action-workflow-action", **{"workflow-action-name": "reject"})
    shown = "".join(str(message) for message in client.get(response["Location"]).context["messages"])
    assert f"「{other.title}」の修正を依頼しました。" in shown
    other.refresh_from_db()
    assert other.get_latest_revision_as_object().caveat == "承認待ちの注記" and other.has_unpublished_changes
    assert any("editor@example.com" in message.to for message in mailoutbox)  # as the message says
