"""Visitors read every page in Japanese and English and can switch between them."""

import re

import pytest
from wagtail.models import Page

from home.models import HomePage, StandardPage
from scenarios.models import ContactHours, OperatorInfo

from .helpers import lines_in, scenarios_in

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

DISCLAIMER_JA = "全て想定損害請求事例であり、実際の損害請求時には、保険適用の可否につき各保険会社が個別判断いたします。"


def all_live_pages(language_code):
    return [page for page in Page.objects.live().filter(depth__gt=1, locale__language_code=language_code)]


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav)[i][::-1] for i in range(nav.count("<a ")))


@pytest.mark.parametrize("accept_language, expected", [("ja", "/ja/"), ("en-GB,en;q=0.9", "/en/"), ("fr", "/ja/")])
def test_root_redirects_by_browser_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language_code, other", [("ja", "en"), ("en", "ja")])
def test_every_page_renders_with_lang_and_a_switcher_to_its_translation(client, language_code, other):
    pages = all_live_pages(language_code)
    assert len(pages) == 1 + 3 + 7 + 21
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f'<html lang="{language_code}">' in html
        translation = page.get_translation(page.locale.__class__.objects.get(language_code=other))
        expected = f"http://testserver{translation.url}"
        assert switcher_links(html) == {other: expected}, page.url
        assert f'<link rel="alternate" hreflang="{other}" href="{expected}">' in html
        assert f'<link rel="alternate" hreflang="{language_code}" href="http://testserver{page.url}">' in html


def test_each_japanese_scenario_page_shows_its_source_text_disclaimer_and_line(client):
    for page in scenarios_in("ja"):
        html = client.get(page.url).content.decode()
        assert f"<p>{page.what_happened}</p>" in html
        if page.claim_or_payment:
            assert f"<p>{page.claim_or_payment}</p>" in html
        assert DISCLAIMER_JA in html
        assert page.get_parent().title in html
        for loss_type in page.loss_types:
            assert f"<li>{loss_type.name}</li>" in html


def test_english_scenario_pages_show_english_only(client):
    for page in scenarios_in("en"):
        html = client.get(page.url).content.decode()
        assert "Each insurance company decides" in html or "each insurance company decides" in html
        assert DISCLAIMER_JA not in html
        assert "事故の内容" not in html and "What happened" in html


@pytest.mark.parametrize("language_code", ["ja", "en"])
def test_home_page_shows_every_line_with_its_scenarios(client, language_code):
    html = client.get(f"/{language_code}/").content.decode()
    for line in lines_in(language_code):
        assert f'href="{line.url}"' in html
    for scenario in scenarios_in(language_code):
        assert f'href="{scenario.url}"' in html
    assert 'href="tel:+81120347277"' in html
    assert "0120-347-277" in html


def test_line_page_lists_its_scenarios_in_page_order(client):
    line = lines_in("ja").first()
    html = client.get(line.url).content.decode()
    positions = [html.index(f'href="{child.url}"') for child in scenarios_in("ja").child_of(line)]
    assert len(positions) == 11
    assert positions == sorted(positions)


def test_contact_block_with_tel_link_and_hours_on_every_page(client):
    for language_code, hours_text in [("ja", "平日"), ("en", "Weekdays")]:
        for page in all_live_pages(language_code):
            html = client.get(page.url).content.decode()
            assert '<a href="tel:+81120347277" class="contact-phone-number">0120-347-277</a>' in html
            assert hours_text in html
            assert '<time datetime="09:00">9:00</time>–<time datetime="18:00">18:00</time>' in html


def test_a_snippet_edited_once_shows_on_every_page(client):
    hours = ContactHours.objects.get(locale__language_code="ja")
    hours.phone_number = "0120-000-111"
    hours.save_revision().publish()
    operator = OperatorInfo.objects.get(locale__language_code="ja")
    operator.site_name = "新しいサイト名"
    operator.save_revision().publish()
    for page in all_live_pages("ja"):
        html = client.get(page.url).content.decode()
        assert 'href="tel:+81120000111"' in html, page.url
        assert "新しいサイト名" in html, page.url


def test_footer_links_to_the_operator_pages_in_the_visitors_language(client):
    for language_code in ("ja", "en"):
        html = client.get(f"/{language_code}/").content.decode()
        for page in StandardPage.objects.live().filter(locale__language_code=language_code):
            assert f'<a href="{page.url}">{page.title}</a>' in html


def test_an_untranslated_page_is_not_served_under_en_and_the_switcher_falls_back_to_the_home(client):
    ja_line = lines_in("ja").first()
    en_line = lines_in("en").first()
    en_line.unpublish()
    assert client.get(en_line.url).status_code == 404
    html = client.get(ja_line.url).content.decode()
    assert switcher_links(html) == {"en": "http://testserver/en/"}
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_a_missing_english_snippet_falls_back_to_japanese_marked_as_japanese(client):
    ContactHours.objects.filter(locale__language_code="en").update(live=False)
    html = client.get("/en/").content.decode()
    assert re.search(r'<section class="contact" aria-labelledby="contact-heading" lang="ja"', html)


def test_the_language_switcher_keeps_the_finders_query(client):
    html = client.get("/ja/search/", {"q": "サーバー", "loss_type": "repair"}).content.decode()
    assert switcher_links(html) == {"en": "http://testserver/en/search/?q=%E3%82%B5%E3%83%BC%E3%83%90%E3%83%BC&amp;loss_type=repair"}


def test_english_visitors_see_the_time_zone_and_that_the_number_is_toll_free_in_japan(client):
    english = client.get("/en/").content.decode()
    assert "Toll-free within Japan" in english and "18:00</time> JST" in english
    assert "JST" not in client.get("/ja/").content.decode()


# Bounded listings: light pages however many scenarios a line has ------------------------------


def add_scenarios(line, count):
    from scenarios.models import IncidentScenarioPage

    for number in range(count):
        page = IncidentScenarioPage(
            title=f"追加の事故例 {number:03d}", slug=f"extra-{number}", what_happened="内容。", payout_kind="liability"
        )
        line.add_child(instance=page)
        page.save_revision().publish()


def test_the_home_page_shows_the_first_scenarios_of_a_long_line_and_links_to_all(client):

    line = lines_in("ja").get(slug="it-work-liability")
    before = line.get_children().live().count()
    add_scenarios(line, 5)
    html = client.get("/ja/").content.decode()
    section = html[html.index(f'id="{line.slug}"') :]
    section = section[: section.index("</section>")]
    assert section.count('<article class="scenario-summary">') == HomePage.SCENARIOS_PER_LINE
    assert f"すべて見る（{before + 5}件）" in section and f'href="{line.url}"' in section


def test_the_home_page_counts_only_the_scenarios_a_visitor_may_see(client):
    from wagtail.models import PageViewRestriction

    line = lines_in("ja").get(slug="it-work-liability")
    add_scenarios(line, 13)
    visible = line.get_children().live().count() - 1
    private = line.get_children().live().last()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="a-secret-word")
    html = client.get("/ja/").content.decode()
    section = html[html.index(f'id="{line.slug}"') :]
    section = section[: section.index("</section>")]
    assert f"すべて見る（{visible}件）" in section and private.title not in section


def test_a_long_line_is_paged_and_every_scenario_is_reachable(client, sitemap_urls=None):
    from scenarios.models import InsuranceLineIndexPage

    line = lines_in("ja").get(slug="it-work-liability")
    add_scenarios(line, 45)
    total = line.get_children().live().count()
    first = client.get(line.url)
    second = client.get(line.url, {"page": 2})
    assert first.context["scenario_count"] == total
    assert len(first.context["scenarios"]) == InsuranceLineIndexPage.SCENARIOS_PER_PAGE
    assert len(second.context["scenarios"]) == total - InsuranceLineIndexPage.SCENARIOS_PER_PAGE
    assert 'rel="next" href="?page=2"' in first.content.decode()
    for bad in ("3", "0", "abc", "1e9", "99999999999999999999"):
        assert client.get(line.url, {"page": bad}).status_code == 404, bad
    sitemap = client.get("/sitemap.xml").content.decode()
    assert all(page.full_url in sitemap for page in line.get_children().live())


def test_a_slug_used_under_two_lines_reaches_each_lines_own_page(client):
    """A slug is unique only among siblings: the router follows the path through each line."""
    first, second = lines_in("ja").order_by("path")[:2]
    add_scenarios(first, 1)
    add_scenarios(second, 1)
    for line in (first, second):
        response = client.get(f"{line.url}extra-0/")
        assert response.status_code == 200
        assert response.context["page"].get_parent().pk == line.pk
    assert client.get(f"{first.url}extra-0/missing/").status_code == 404
    assert client.get("/ja/no-such-line/extra-0/").status_code == 404
