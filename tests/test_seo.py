"""Search engines and link previews get the right page, language, description and structure."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client, override_settings

from .helpers import scenarios_in

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_sitemap_lists_every_live_page_in_both_languages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = root.findall(f"{SITEMAP}url")
    assert len(urls) == 2 * (1 + 3 + 7 + 21)
    locations = {url.find(f"{SITEMAP}loc").text for url in urls}
    assert any("/en/it-work-liability/" in loc for loc in locations)
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert set(alternates) == {"ja", "en"}
        assert url.find(f"{SITEMAP}loc").text in alternates.values()


def test_sitemap_leaves_out_drafts_and_private_pages(client):
    from wagtail.models import PageViewRestriction

    page = scenarios_in("ja").first()
    page.unpublish()
    PageViewRestriction.objects.create(page=scenarios_in("en").last(), restriction_type="login")
    body = client.get("/sitemap.xml").content.decode()
    assert f"/ja/{page.get_parent().slug}/{page.slug}/<" not in body
    assert body.count("<url>") == 2 * (1 + 3 + 7 + 21) - 2


def test_robots_txt_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


@pytest.mark.parametrize("language_code, og_locale", [("ja", "ja_JP"), ("en", "en_US")])
def test_scenario_pages_have_description_canonical_open_graph_and_json_ld(client, language_code, og_locale):
    page = scenarios_in(language_code).first()
    html = client.get(page.url).content.decode()
    head = html.split("</head>")[0]
    url = f"http://testserver{page.url}"
    assert f'<link rel="canonical" href="{url}">' in head
    assert f'<meta property="og:url" content="{url}">' in head
    assert f'<meta property="og:locale" content="{og_locale}">' in head
    assert '<meta property="og:type" content="article">' in head
    description = re.search(r'<meta name="description" content="([^"]+)">', head).group(1)
    assert description[:20] == page.what_happened[:20]

    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', head)]
    organization = next(b for b in blocks if b["@type"] == "Organization")
    assert organization["contactPoint"]["telephone"] == "+81 120-347-277"
    assert organization["contactPoint"]["areaServed"] == "JP"
    assert organization["contactPoint"]["availableLanguage"] == ["ja", "en"]
    assert organization["contactPoint"]["hoursAvailable"]["opens"] == "09:00"
    breadcrumbs = next(b for b in blocks if b["@type"] == "BreadcrumbList")
    assert [item["position"] for item in breadcrumbs["itemListElement"]] == [1, 2, 3]
    assert breadcrumbs["itemListElement"][-1]["item"] == url


@pytest.mark.parametrize("language_code, heading", [("ja", "ページが見つかりません"), ("en", "Page not found")])
def test_the_404_page_is_in_the_visitors_language(client, language_code, heading):
    response = client.get(f"/{language_code}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language_code}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'href="/{language_code}/search/"' in html


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language_code, heading", [("ja", "エラーが発生しました"), ("en", "Something went wrong")])
def test_the_500_page_is_in_the_visitors_language_and_needs_no_database(language_code, heading, monkeypatch):
    from home.models import HomePage

    def broken(*args, **kwargs):
        raise RuntimeError("the database is down")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client = Client(raise_request_exception=False)
    response = client.get(f"/{language_code}/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language_code}">' in html and f"<h1>{heading}</h1>" in html
