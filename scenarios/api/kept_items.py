"""Each item of an API v2 page listing, serialized once per generation of published content and kept.

The same scenario is an item of many listings: every offset, filter and language of the listing
that holds it. A whole answer is kept only for the URL that asked for it (``response_cache``), so a
listing nobody asked for before loaded and serialized all its pages again, most of its time at
10,000 scenarios per language. So each item's representation is kept in the default cache, as the
HTML pages keep their scenario cards (``scenarios.cards``): a listing reads its page of ids, then
its kept items in one ``get_many``, and loads and serializes only the pages whose item is not kept.

An item is kept under everything its representation depends on besides the published content: the
generation (any publish starts a new one), the host and scheme (its URLs), the active language,
what the request may not see (an item's translations leave out private pages), and the serializer
(the page type and ``?fields=``). A draft being previewed (``page_preview``) is never kept.

A generation's items never change, so each process also keeps copies of those it used last (as
``published_cache`` does): a listing asked again in the same process reads no cache at all.
Callers treat an item as read-only.
"""

from django.utils import translation

from ..fragment_cache import ProcessCopiesCache
from ..published_cache import TIMEOUT, digest, generation
from ..visibility import barred_key

# The default cache, with copies of 2,000 items in each process (about 1 KB an item with every
# field: a few MB at most).
_items = ProcessCopiesCache("api-items", {"OPTIONS": {"SHARED": "default", "COPIES": 2000}})


class KeptItem:
    """An item of a listing whose representation was kept: the serializer returns it as it is."""

    __slots__ = ("pk", "data")

    def __init__(self, pk, data):
        self.pk, self.data = pk, data


class KeptItems:
    """The kept items of one listing request, and those it serializes, to be kept after."""

    def __init__(self, request, serializer):
        """``serializer`` names how the items are shown (their page type and ``?fields=``)."""
        shown_as = (request.get_host(), request.scheme, translation.get_language(), barred_key(request), serializer)
        self.prefix = f"scenarios:{generation(request)}:api-item:{digest(shown_as)}"
        self.made = {}

    def _key(self, pk):
        return f"{self.prefix}:{pk}"

    def get_many(self, pks):
        """The kept representations among ``pks``, by pk: this process's copies, then the cache's."""
        names = {self._key(pk): pk for pk in pks}
        return {names[name]: data for name, data in _items.get_many(list(names)).items()}

    def keep(self, pk, data):
        self.made[self._key(pk)] = data

    def save(self):
        if self.made:
            _items.set_many(self.made, TIMEOUT)
            self.made = {}
