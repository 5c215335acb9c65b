"""An editor previews a draft in the configured headless front end, which reads it from the API."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from .helpers import scenarios_in

pytestmark = pytest.mark.django_db

FRONT_END = "https://front.example.com/preview"


@pytest.fixture
def headless_front_end(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": FRONT_END}, "ENFORCE_TRAILING_SLASH": False}


def preview_draft(admin_client, page, what_happened, mode):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "what_happened": what_happened,
            "claim_or_payment": page.claim_or_payment,
            "payout_kind": page.payout_kind,
            "caveat": "",
            "loss_type_links": inline_formset(
                [{"id": link.pk, "loss_type": link.loss_type_id} for link in page.loss_type_links.all()]
            ),
            "comments": inline_formset([]),
        }
    )
    assert admin_client.post(url, data).json()["is_valid"]
    return admin_client.get(url, {"mode": mode})


def test_the_default_preview_is_the_sites_own_page(admin_client, headless_front_end):
    page = scenarios_in("ja").first()
    response = preview_draft(admin_client, page, "下書きの本文。", mode="")
    assert "<p>下書きの本文。</p>" in response.content.decode()


def test_the_headless_mode_hands_the_draft_to_the_front_end_through_the_api(
    admin_client, client, headless_front_end, settings
):
    settings.PAGE_CACHE = True
    page = scenarios_in("en").first()
    response = preview_draft(admin_client, page, "A draft nobody has published.", mode="headless")
    preview_url = re.search(r'src="([^"]+)"', response.content.decode()).group(1).replace("&amp;", "&")
    assert preview_url.startswith(FRONT_END + "?")
    query = parse_qs(urlparse(preview_url).query)

    draft = client.get("/api/v2/page_preview/", {"content_type": query["content_type"][0], "token": query["token"][0]})
    assert draft.status_code == 200
    assert draft.json()["what_happened"] == "A draft nobody has published."
    # Kept by no cache: neither the API's store of answers nor a CDN or browser on the way.
    assert "no-store" in draft["Cache-Control"] and "X-Cache" not in draft
    v3 = client.get("/api/v3/page_preview/", {"content_type": query["content_type"][0], "token": query["token"][0]})
    assert v3.json()["what_happened"] == "A draft nobody has published."
    assert "no-store" in v3["Cache-Control"] and "X-Cache" not in v3
    # The live page is untouched.
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["what_happened"] == page.what_happened


def test_the_headless_mode_is_offered_only_when_a_front_end_is_configured(settings):
    page = scenarios_in("ja").first()
    assert [mode for mode, _label in page.preview_modes] == [""]
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": FRONT_END}}
    assert [mode for mode, _label in page.preview_modes] == ["", "headless"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?content_type=scenarios.incidentscenariopage",
        "?content_type=nope&token=x",
        "?content_type=wagtailcore.page&token=x",
        "?content_type=scenarios.incidentscenariopage&token=forged",
    ],
)
def test_preview_requests_without_a_valid_token_are_refused(client, query):
    response = client.get(f"/api/v2/page_preview/{query}")
    assert response.status_code == 400
    assert response.json()["message"]


def preview_url_for(admin_client, page, form):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert admin_client.post(url, nested_form_data({**form, "comments": inline_formset([])})).json()["is_valid"]
    response = admin_client.get(url, {"mode": "headless"})
    preview_url = re.search(r'src="([^"]+)"', response.content.decode()).group(1).replace("&amp;", "&")
    return {key: values[0] for key, values in parse_qs(urlparse(preview_url).query).items()}


@pytest.mark.parametrize("language_code", ["ja", "en"])
@pytest.mark.parametrize("version", ["v2", "v3"])
def test_every_page_type_has_a_headless_preview(admin_client, client, headless_front_end, language_code, version):
    from wagtail.test.utils.form_data import rich_text

    from home.models import HomePage, StandardPage

    from .helpers import lines_in

    drafts = [
        (HomePage.objects.get(locale__language_code=language_code), {"intro": "DRAFT-HOME"}, "intro"),
        (
            StandardPage.objects.filter(locale__language_code=language_code).first(),
            {"body": rich_text("<p>DRAFT-STANDARD</p>")},
            "body",
        ),
        (lines_in(language_code).first(), {"coverage_summary": "DRAFT-LINE", "intro": rich_text("")}, "coverage_summary"),
    ]
    for page, changes, field in drafts:
        query = preview_url_for(admin_client, page, {"title": page.title, "slug": page.slug, **changes})
        draft = client.get(f"/api/{version}/page_preview/", query)
        assert draft.status_code == 200, draft.content[:300]
        assert "DRAFT-" in draft.json()[field]
        assert draft.json()["id"] == page.pk


def test_v3_preview_refuses_a_forged_token(client):
    response = client.get("/api/v3/page_preview/", {"content_type": "home.standardpage", "token": "forged"})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
