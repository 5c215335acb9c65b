"""What one process publishes, every other process of the site shows at once: the development
server as much as production's workers (the cache they share is on disk, named after the database)."""

import urllib.request

from . import live_site

PUBLISH_HEADING = """
from scenarios.models import ContactHours
hours = ContactHours.objects.get(locale__language_code="ja")
hours.heading = {heading!r}
hours.save_revision().publish()
"""


def page_text(url):
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def test_a_change_published_by_another_process_shows_at_once(live_site_url):
    before = page_text(f"{live_site_url}/ja/")  # the page is rendered and stored
    assert "連絡はこちらへ" in before
    try:
        live_site.manage_running_site(live_site_url, "shell", "-c", PUBLISH_HEADING.format(heading="別のプロセスから公開"))
        assert "別のプロセスから公開" in page_text(f"{live_site_url}/ja/")
    finally:
        live_site.manage_running_site(live_site_url, "shell", "-c", PUBLISH_HEADING.format(heading="連絡はこちらへ"))
    assert "連絡はこちらへ" in page_text(f"{live_site_url}/ja/")


def test_every_process_of_a_site_shares_one_cache_and_two_sites_never_do():
    import os
    import subprocess
    import sys

    def cache_dir(database_url):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "itrisk.settings.dev", "DATABASE_URL": database_url}
        env.pop("CACHE_DIR", None)
        code = "import django; django.setup(); from django.conf import settings as s; print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'])"
        return subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True, cwd=live_site.ROOT).stdout.strip()

    first, again, other = cache_dir("sqlite:////tmp/a.sqlite3"), cache_dir("sqlite:////tmp/a.sqlite3"), cache_dir("sqlite:////tmp/b.sqlite3")
    assert first.startswith("itrisk.disk_cache.DiskCache") and first == again and first != other
