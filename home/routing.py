"""Routing a visitor's path below the home page in one query, however deep the page it names.

Wagtail's ``Page.route`` walks down one level at a time, two queries a level (the child by its slug,
then its specific page), and before serving asks for the page's view restrictions in two more.
``DirectRouteMixin.route`` (``Page.route`` is Wagtail's documented place to change routing) reads the
pages on the way in one query, by the slug and depth of each of the path's components (both
indexed: a query by URL path reads every page of the site), with each page type's own row joined
(``scenarios.page_types``) and every language version of the page found (for the language switch).
Whether the page found lies under a view restriction is read from the request's list of
restrictions (``scenarios.visibility``). What the page type's template reads besides is loaded
after (its ``serving_prefetches``). Where a page on the way routes in a way of its own (a
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
        steps = list(enumerate(path_components, start=self.depth + 1))  # (depth, slug) of each page
        # The pages with those slugs at those depths (a slug is unique only among siblings), each in
        # every language: the pages on the way are among them, with the language versions of the
        # one found. One condition on the translation key, which both databases answer from its index.
        candidates = Q()
        for depth, slug in steps:
            candidates |= Q(depth=depth, slug=slug)
        keys = Page.objects.filter(candidates, path__startswith=self.path).values("translation_key")
        rows = list(with_page_types(Page.objects.filter(translation_key__in=keys)))
        on_the_way = self._pages_on_the_way(rows, steps)
        for index, row in enumerate(on_the_way):
            model = row.specific_class
            if model is None or row.alias_of_id or model.route is not Page.route:
                return row.specific.route(request, path_components[index + 1 :])
        if len(on_the_way) < len(steps):
            raise Http404
        found = on_the_way[-1]
        if not found.live:
            raise Http404
        page = as_served(found)
        page.known_to_be_unrestricted = not is_restricted(request, found)
        page.route_ancestors = [self, *on_the_way[:-1]]
        page.known_translations = [row for row in rows if row.translation_key == found.translation_key and row.live]
        prefetch_related_objects([page], *getattr(page, "serving_prefetches", ()))
        return RouteResult(page)

    def _pages_on_the_way(self, rows, steps):
        """The page of each (depth, slug) step, each the child of the one before, as far as they go."""
        on_the_way, parent_path = [], self.path
        for depth, slug in steps:
            children = (row for row in rows if row.path[: -self.steplen] == parent_path and row.depth == depth)
            step = next((row for row in children if row.slug == slug), None)
            if step is None:
                break
            on_the_way.append(step)
            parent_path = step.path
        return on_the_way

    def _route_to_itself(self, request):
        """This page, knowing whether it has view restrictions."""
        if not self.live:
            raise Http404
        self.known_to_be_unrestricted = not is_restricted(request, self)
        return RouteResult(self)
