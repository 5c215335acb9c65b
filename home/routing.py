"""Routing a visitor's path below the home page in one query, however deep the page it names.

Wagtail's ``Page.route`` walks down one level at a time, two queries a level (the child by its slug,
then its specific page), and before serving asks for the page's view restrictions in two more.
``DirectRouteMixin.route`` (``Page.route`` is Wagtail's documented place to change routing) reads the
pages on the way in one query, by the URL paths the path's components make, with each page type's
own row joined (``scenarios.page_types``) and every language version of the page found (for the
language switch). Whether the page found lies under a view restriction is read from the request's
list of restrictions (``scenarios.visibility``). What the page type's template reads besides is
loaded after (its ``serving_prefetches``). Where a page on the way routes in a way of its own (a
``RoutablePageMixin``, an alias), it hands over to that page's ``route`` with the rest of the path,
as Wagtail would.

The page found carries what serving it needs next: that it has no view restriction, where that is
so (``known_to_be_unrestricted``, which the plugin's ``ViewRestrictionsInOneQueryMixin`` reads), and
the pages above it (``route_ancestors``, for breadcrumbs and a scenario's line) and its live
language versions (``known_translations``, which the home page reads with its lines).
"""

from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from scenarios.page_types import as_served, with_page_types
from scenarios.visibility import is_restricted


class DirectRouteMixin:
    """For the page at the top of a site: see the module's docstring."""

    route_ancestors = None
    known_translations = None

    def route(self, request, path_components):
        if not path_components:
            return self._route_to_itself(request)
        depths = range(1, len(path_components) + 1)
        url_paths = [f"{self.url_path}{'/'.join(path_components[:depth])}/" for depth in depths]
        below = Q(path__startswith=self.path, depth__gt=self.depth)
        named = Page.objects.filter(below, url_path=url_paths[-1]).values("translation_key")
        # The pages on the way, and every language version of the page the path names.
        rows = Page.objects.filter(below & Q(url_path__in=url_paths) | Q(translation_key__in=named))
        rows = list(with_page_types(rows))
        on_the_way = [row for row in rows if row.path.startswith(self.path) and row.url_path in url_paths]
        on_the_way.sort(key=lambda row: row.depth)
        if [row.depth - self.depth for row in on_the_way] != list(depths):
            raise Http404
        for index, row in enumerate(on_the_way):
            model = row.specific_class
            if model is None or row.alias_of_id or model.route is not Page.route:
                return row.specific.route(request, path_components[index + 1 :])
        found = on_the_way[-1]
        if not found.live:
            raise Http404
        page = as_served(found)
        page.known_to_be_unrestricted = not is_restricted(request, found)
        page.route_ancestors = [self, *on_the_way[:-1]]
        page.known_translations = [row for row in rows if row.translation_key == found.translation_key and row.live]
        prefetch_related_objects([page], *getattr(page, "serving_prefetches", ()))
        return RouteResult(page)

    def _route_to_itself(self, request):
        """This page, knowing whether it has view restrictions."""
        if not self.live:
            raise Http404
        self.known_to_be_unrestricted = not is_restricted(request, self)
        return RouteResult(self)
