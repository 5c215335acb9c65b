"""/sitemap.xml with every live public page in every language, each listing its translations.

Wagtail's own Sitemap walks the site's root page only, which is the Japanese tree; the English
pages are translations beside it. This one walks every translation of the root and adds the
``xhtml:link`` alternates Django's sitemap template writes, with one query for all of them.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True).live()
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return Page.objects.live().public().filter(in_any_tree).select_related("locale").order_by("path")

    def get_urls(self, page=1, site=None, protocol=None):
        """Each page's URLs with its translations as alternates (Django's public entry point: its
        own ``_urls``, which Wagtail's Sitemap overrides, is private)."""
        pages = list(self.paginator.page(page).object_list)
        alternates = defaultdict(list)
        for item in pages:
            alternates[item.translation_key].append(
                {"location": item.get_full_url(self.request), "lang_code": item.locale.language_code}
            )
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                if len(alternates[item.translation_key]) > 1:
                    url_info["alternates"] = alternates[item.translation_key]
                urls.append(url_info)
        lastmods = [url["lastmod"] for url in urls if url.get("lastmod")]
        if lastmods and len(lastmods) == len(urls):
            self.latest_lastmod = max(lastmods)
        return urls
