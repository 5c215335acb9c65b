"""A paginator whose page brings the number of results with it: one query where Django's takes two.

Django's ``Paginator`` counts the results first and then fetches the page, so the database matches
a search twice: with thousands of matches that is most of the finder's time. Here each row of the
page carries the total (``COUNT(*) OVER ()``), and only a page number past the last page costs a
count of its own, to find the last page.
"""

from collections.abc import Sequence

from django.core.paginator import Paginator
from django.db.models import Count, Window

MAX_OFFSET = 2**31 - 1  # databases refuse offsets past a 64-bit integer; no catalogue comes near this


class CountWithPagePaginator(Paginator):
    """With ``load``, a page is found by its primary keys alone and ``load(keys)`` brings the rows
    of those, when the page's rows are first used: sorting thousands of matches is quicker without
    their text, the rows may bring what they need (``prefetch_related``) without the search again,
    and a page whose rendering was kept (a fragment cache) loads none.

    ``keep(number, build)`` may keep what ``build()`` finds for page ``number`` (its keys and the
    number of results; e.g. ``scenarios.published_cache.remember``), so that the same page asked
    for again costs no query. ``object_list`` may then be a function that returns the results:
    it is called only when something is not kept (some search backends run the search as soon
    as its queryset is made).
    """

    def __init__(self, object_list, per_page, load=None, keep=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.load = load
        self.keep = keep or (lambda number, build: build())

    @property
    def object_list(self):
        if callable(self._object_list):
            self._object_list = self._object_list()
            super()._check_object_list_is_ordered()
        return self._object_list

    @object_list.setter
    def object_list(self, value):
        self._object_list = value

    def _check_object_list_is_ordered(self):
        if not callable(self._object_list):  # else checked when it is called
            super()._check_object_list_is_ordered()

    def get_page(self, number):
        """The page ``number`` (a whole number, else the first), or the last page when past it."""
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        rows, total = [], 0
        if (number - 1) * self.per_page <= MAX_OFFSET:  # a number past any real page goes straight to the count
            rows, total = self._rows(number)
        if rows:
            self.__dict__["count"] = total  # Paginator.count is a cached property
            return self._get_page(rows, number, self)
        if number == 1:
            self.__dict__["count"] = 0
            return self._get_page([], 1, self)
        number = self.num_pages  # counted; there is always one: an empty first page when nothing matched
        return self._get_page(self._rows(number)[0], number, self)

    def _rows(self, number):
        """The rows of page ``number``, and the number of results in all."""
        if self.load is None:
            rows = list(self._counted(number))
            return rows, rows[0].result_total if rows else 0
        keys, total = self.keep(number, lambda: self._keys(number))
        return RowsOnUse(keys, self.load), total

    def _counted(self, number):
        """Page ``number`` of the results, each row with the number of results in all."""
        bottom = (number - 1) * self.per_page
        return self.object_list.annotate(result_total=Window(Count("pk")))[bottom : bottom + self.per_page]

    def _keys(self, number):
        """The primary keys of page ``number``, and the number of results in all."""
        keys = list(self._counted(number).values_list("pk", "result_total"))
        return [pk for pk, _total in keys], keys[0][1] if keys else 0


class RowsOnUse(Sequence):
    """The rows of ``keys``, in that order, loaded by ``load(keys)`` when first read."""

    def __init__(self, keys, load):
        self.keys, self.load, self._rows = keys, load, None

    def _loaded(self):
        if self._rows is None:
            by_key = {row.pk: row for row in self.load(self.keys)}
            self._rows = [by_key[pk] for pk in self.keys if pk in by_key]
        return self._rows

    @property
    def is_loaded(self):
        return self._rows is not None

    def __bool__(self):
        return bool(self.keys)

    def __len__(self):
        """Without loading: ``{% if page %}`` asks a page's length, and its cards may all be kept
        (``scenarios.cards``). A generation's keys all load: any change starts a new generation."""
        return len(self.keys) if self._rows is None else len(self._rows)

    def __getitem__(self, index):
        return self._loaded()[index]
