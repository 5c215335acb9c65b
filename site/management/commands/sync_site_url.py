"""``manage.py sync_site_url``: point the Wagtail Site record at ``PUBLIC_BASE_URL``.

Wagtail builds every absolute URL (sitemap entries, the API's ``html_url`` and ``detail_url``) from
the default Site's hostname and port. ``make run`` and ``make serve`` set PUBLIC_BASE_URL from the
port they serve on and run this, so those URLs lead back to the site; a deployment sets it to its
public address. Without PUBLIC_BASE_URL it changes nothing (the Site stays as an admin set it).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = "Sets the default Wagtail Site's hostname and port from PUBLIC_BASE_URL."

    def handle(self, *args, **options):
        if not settings.PUBLIC_BASE_URL:
            self.stdout.write("PUBLIC_BASE_URL is not set: the Site record is left as it is.")
            return
        url = urlsplit(settings.PUBLIC_BASE_URL)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise CommandError(
                f"PUBLIC_BASE_URL must look like https://www.example.jp, not {settings.PUBLIC_BASE_URL!r}."
            )
        port = url.port or (443 if url.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site yet: load the content first.")
        if (site.hostname, site.port) != (url.hostname, port):
            site.hostname, site.port = url.hostname, port
            site.save()
        self.stdout.write(f"The site's URLs now start with {site.root_url}")
