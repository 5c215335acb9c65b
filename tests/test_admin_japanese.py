"""The admin speaks Japanese to a Japanese editor: a walk through every screen each role reaches
from the dashboard (links and menu) finds no English left to translate."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from home.seed.loader import read_content
from scenarios.models import ContactHours, LossType, OperatorInfo, SearchSynonym

from .admin_crawl import WORD, crawl, english_on
from .helpers import scenarios_in

pytestmark = pytest.mark.django_db

# English that Wagtail 8.0 writes without a translation hook; each (screen, text) says why it stays.
KNOWN_UPSTREAM = {
    ("/admin/", "Search"): "the dashboard's screen-reader-only search button is hard-coded",
    ("/admin/reports/aging-pages/", "None"): "a page published by the seed loader has no publisher",
    ("/admin/reports/workflow/", "Requested by"): "the report's filter label is translated once, at start-up",
}


def content_words():
    """ASCII words the editors wrote (titles and texts in both languages): content, not admin."""
    texts = [json.dumps(read_content(), ensure_ascii=False)]
    texts += Page.objects.values_list("title", flat=True)
    for model in (ContactHours, LossType, OperatorInfo, SearchSynonym):
        texts += [str(instance) for instance in model.objects.all()]
    return frozenset(WORD.findall(" ".join(texts)))


def screens_of(role, django_user_model):
    user = django_user_model.objects.create_user(f"user-{role}", password="a-long-password")
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    scenario = scenarios_in("ja").first()
    starts = ["/admin/", f"/admin/pages/{scenario.get_parent().pk}/", f"/admin/pages/{scenario.pk}/edit/"]
    report = {}
    for start in starts:
        report |= crawl(client, start=start, limit=60, allowed=content_words())
    return report


@pytest.mark.parametrize("role", ["編集者", "承認者", "翻訳者"])
def test_every_screen_a_role_reaches_is_in_japanese(role, django_user_model):
    report = screens_of(role, django_user_model)
    assert len(report) >= 25  # the walk reached the dashboard, pages, snippets, reports, account…
    english = {}
    for path, texts in report.items():
        left = [text for text in texts if (path, text) not in KNOWN_UPSTREAM]
        if left:
            english[path] = left
    assert english == {}


def test_the_sign_in_page_is_in_japanese():
    html = Client().get(reverse("wagtailadmin_login")).content.decode()
    assert english_on(html)[0] == []


def test_the_help_menu_opens_the_site_guide_in_japanese(admin_client):
    dashboard = admin_client.get("/admin/").content.decode()
    assert reverse("home_editor_guide") in dashboard and "wagtail.org" not in dashboard
    guide = admin_client.get(reverse("home_editor_guide")).content.decode()
    assert "編集ガイド" in guide and "<table>" in guide and "承認者" in guide


def test_the_guide_shows_the_screenshots_its_browser_test_takes(admin_client):
    """Every screenshot the guide shows is one the browser test takes at that step, and is there."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    guide = (root / "docs" / "editor-guide.ja.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\(images/guide/([a-z0-9-]+)\.png\)", guide))
    taken = set(re.findall(r'guide_shot\(\w+, "([a-z0-9-]+)"\)', (root / "tests/browser/test_editor.py").read_text()))
    assert shown and shown <= taken
    for name in shown:
        response = admin_client.get(reverse("home_editor_guide_image", args=[f"{name}.png"]))
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert admin_client.get(reverse("home_editor_guide_image", args=["..%2Fsecret.png"])).status_code == 404
    html = admin_client.get(reverse("home_editor_guide")).content.decode()
    assert 'src="images/guide/01-pages-menu.png"' in html
