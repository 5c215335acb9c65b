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

from .admin_crawl import NEVER_TRANSLATED, WORD, crawl, english_on
from .helpers import scenarios_in

pytestmark = pytest.mark.django_db

# English that Wagtail 8.0 writes without a translation hook, on whichever screen it appears, and why
# it stays. The translation editor's own script has two more, which this crawl cannot read (it
# reads no scripts; tests/browser/test_editor.py walks that screen): the screen-reader label "More
# actions" and the heading "{source} to {target} translation", both hard-coded in wagtail-localize's
# wagtail-localize.js.
KNOWN_UPSTREAM = {
    "Search": "the screen-reader-only search buttons of the dashboard and the page chooser are hard-coded",
    "None": "printed where a value is missing: the status toggle's hidden counter, the aging-pages report's publisher of a page the seed loader published",
    "Requested by": "the workflow report's filter label is translated once, at start-up",
}


def content_words():
    """ASCII words the editors wrote (titles and texts in both languages): content, not admin."""
    texts = [json.dumps(read_content(), ensure_ascii=False)]
    texts += Page.objects.values_list("title", flat=True)
    for model in (ContactHours, LossType, OperatorInfo, SearchSynonym):
        texts += [str(instance) for instance in model.objects.all()]
    return frozenset(WORD.findall(" ".join(texts)))


def screens_of(role, django_user_model):
    """The screens ``role`` reaches, with content in the states they meet: a Japanese scenario
    waiting for approval (the approver's dashboard, the status panel, the workflow history), a
    page in the recycle bin, and the choosers the edit screen opens."""
    from home.editorial.recycle_bin import MoveToRecycleBinAction

    editor = django_user_model.objects.create_user("crawl-editor", password="a-long-password")
    editor.groups.add(Group.objects.get(name="編集者"))
    waiting = scenarios_in("ja").first().specific
    waiting.save_revision(user=editor)
    waiting.get_workflow().start(waiting, editor)
    MoveToRecycleBinAction(scenarios_in("ja").last().specific).execute()

    user = django_user_model.objects.create_user(f"user-{role}", password="a-long-password")
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    scenario = scenarios_in("en" if role == "翻訳者" else "ja").first()
    starts = [
        "/admin/",
        f"/admin/pages/{scenario.get_parent().pk}/",
        f"/admin/pages/{scenario.pk}/edit/",
        f"/admin/pages/{scenario.pk}/history/",
        reverse("wagtailsnippetchoosers_scenarios_losstype:choose"),
        reverse("wagtailadmin_choose_page"),
    ]
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
        left = [text for text in texts if text not in KNOWN_UPSTREAM]
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


# The Wagtail and wagtail-localize catalogs of the screens editors, translators and approvers use.
ADMIN_CATALOGS = [
    "wagtail/locale", "wagtail/admin/locale", "wagtail/snippets/locale", "wagtail/users/locale",
    "wagtail/images/locale", "wagtail/documents/locale", "wagtail/locales/locale", "wagtail/search/locale",
    "wagtail/contrib/forms/locale", "wagtail/contrib/redirects/locale", "wagtail_localize/locale",
]


def english_msgids(domain):
    """Every message of those catalogs: Wagtail's English catalogs list each one the code uses."""
    from pathlib import Path

    import polib
    import wagtail

    site_packages = Path(wagtail.__file__).resolve().parent.parent
    for folder in ADMIN_CATALOGS:
        path = site_packages / folder / "en" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            for entry in polib.pofile(str(path)):
                if not entry.obsolete:
                    yield folder, entry


def untranslated(domain):
    from django.utils.translation.trans_real import DjangoTranslation

    catalog = DjangoTranslation("ja", domain=domain)
    missing = []
    for folder, entry in english_msgids(domain):
        words = [word for word in WORD.findall(entry.msgid) if word not in NEVER_TRANSLATED]
        if not words:
            continue  # nothing to translate: a placeholder, a product name, a format
        if entry.msgid_plural:
            japanese = catalog.ngettext(entry.msgid, entry.msgid_plural, 1)
        elif entry.msgctxt:
            japanese = catalog.pgettext(entry.msgctxt, entry.msgid)
        else:
            japanese = catalog.gettext(entry.msgid)
        if japanese == entry.msgid:
            missing.append(f"{folder}: {entry.msgid}")
    return missing


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_string_of_the_admin_catalogs_has_japanese(domain):
    """Screens the crawl cannot reach (dialogs opened by a script, the translation editor's
    JavaScript, messages after an action) use these catalogs too."""
    assert untranslated(domain) == []
