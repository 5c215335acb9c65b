"""Scenario cards (a scenario's summary in a list), each rendered once per generation of content.

The same scenario's card is shown on its line's pages, on the home page and in every search that
finds it. Rendering twenty cards is most of a first search's time at 10,000 scenarios (the page
of results itself is kept by the finder, but a search nobody made before has to be rendered),
so each card is kept in the default cache under the listing's ``published_version`` (generation,
language, host, what the visitor may not see) and how it is shown. A list asks for all its cards
in one ``get_many``, and only the scenarios whose card is not kept are loaded: for the finder's
page of results (``RowsOnUse``), the rows of those alone; for a list already loaded, none.
A preview neither reads nor keeps a card.
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .pagination import RowsOnUse
from .published_cache import TIMEOUT

TEMPLATE = "scenarios/components/scenario_summary.html"


def render_cards(request, scenarios, version, heading_level=3, show_line=False):
    """The cards of ``scenarios`` (a list of pages, or a paginator's page of them), in order."""
    rows = getattr(scenarios, "object_list", scenarios)
    on_use = isinstance(rows, RowsOnUse) and not rows.is_loaded
    keys = list(rows.keys) if on_use else [scenario.pk for scenario in rows]
    names = {pk: f"scenarios:card:{version}:{heading_level}:{int(show_line)}:{pk}" for pk in keys}
    previewing = getattr(request, "is_preview", False)
    kept = {} if previewing else cache.get_many(list(names.values()))
    missing = {pk for pk in keys if names[pk] not in kept}
    if missing:
        context = {"request": request, "heading_level": heading_level, "show_line": show_line}
        to_render = rows.load(missing) if on_use else [scenario for scenario in rows if scenario.pk in missing]
        rendered = {
            names[scenario.pk]: render_to_string(TEMPLATE, {**context, "scenario": scenario}) for scenario in to_render
        }
        if not previewing:
            cache.set_many(rendered, TIMEOUT)
        kept.update(rendered)
    # A key whose row is gone has no card (none is: any change starts a new generation).
    return [mark_safe(kept[names[pk]]) for pk in keys if names[pk] in kept]  # noqa: S308 - our own template's HTML
