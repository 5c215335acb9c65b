"""Scenario cards (a scenario's summary in a list), each rendered once per generation of content.

The same scenario's card is shown on its line's pages, on the home page and in every search that
finds it. Rendering twenty cards is most of a first search's time at 10,000 scenarios (the page
of results itself is kept by the finder, but a search nobody made before has to be rendered),
so each card is kept in the default cache under the listing's ``published_version`` (generation,
language, host, what the visitor may not see) and how it is shown. A list asks for all its cards
in one ``get_many``, and only the scenarios whose card is not kept are loaded: for the finder's
``RowsOnUse`` page, the rows of those alone; for a list already loaded, none.
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .published_cache import TIMEOUT

TEMPLATE = "scenarios/components/scenario_summary.html"


def render_cards(request, scenarios, version, heading_level=3, show_line=False):
    """The cards of ``scenarios`` (a list of pages, or a page of results whose rows load on use),
    in order, as HTML strings."""
    keys = _keys_of(scenarios)
    names = {pk: f"scenarios:card:{version}:{heading_level}:{int(show_line)}:{pk}" for pk in keys}
    kept = {} if getattr(request, "is_preview", False) else cache.get_many(list(names.values()))
    missing = [pk for pk in keys if names[pk] not in kept]
    if missing:
        context = {"request": request, "heading_level": heading_level, "show_line": show_line}
        rendered = {
            names[scenario.pk]: render_to_string(TEMPLATE, {**context, "scenario": scenario})
            for scenario in _rows_of(scenarios, missing)
        }
        if not getattr(request, "is_preview", False):
            cache.set_many(rendered, TIMEOUT)
        kept.update(rendered)
    return [mark_safe(kept[names[pk]]) for pk in keys if names[pk] in kept]  # noqa: S308 - rendered by TEMPLATE


def _keys_of(scenarios):
    rows = getattr(scenarios, "object_list", scenarios)
    return list(rows.keys) if hasattr(rows, "load") else [scenario.pk for scenario in rows]


def _rows_of(scenarios, keys):
    """The rows of ``keys``: loaded for them alone from a page whose rows are not yet loaded."""
    rows = getattr(scenarios, "object_list", scenarios)
    if hasattr(rows, "load") and not rows.is_loaded:
        return rows.load(keys)
    wanted = set(keys)
    return [scenario for scenario in rows if scenario.pk in wanted]
