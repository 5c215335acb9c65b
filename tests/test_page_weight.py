"""Pages stay light: a page's HTML with the CSS and JavaScript it loads, compressed, is under 30 KB.

Measured on the heaviest page of each kind, in both languages, with enough generated scenarios to
fill every listing: the home page shows the first 12 of every line, a line page 50 at a time.
"""

import gzip
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from home.models import HomePage, StandardPage

from .helpers import lines_in, scenarios_in

pytestmark = pytest.mark.django_db

LIMIT = 30 * 1024
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def compressed_weight(client, url):
    html = client.get(url).content
    assets = [path for path in ASSET.findall(html.decode()) if path.startswith(settings.STATIC_URL)]
    files = [finders.find(path.removeprefix(settings.STATIC_URL)) for path in assets]
    assert all(files), assets
    parts = [html] + [Path(path).read_bytes() for path in files]
    return sum(len(gzip.compress(part)) for part in parts), assets


def test_the_heaviest_pages_with_their_css_and_javascript_stay_under_30_kb(client):
    call_command("generate_scenarios", 7 * 50, bulk=True, stdout=io.StringIO())  # 7 lines, 50 a page
    for code in ("ja", "en"):
        for url in (
            HomePage.objects.get(locale__language_code=code).url,
            lines_in(code).first().url,
            scenarios_in(code).first().url,
            StandardPage.objects.filter(locale__language_code=code).first().url,
            f"/{code}/search/?q=" + ("サーバー" if code == "ja" else "server"),
        ):
            weight, assets = compressed_weight(client, url)
            assert assets, url  # the page's own CSS is counted
            assert weight < LIMIT, (url, weight)
