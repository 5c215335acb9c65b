"""Search that works in Japanese as well as English, on every database backend.

Wagtail's database search backend (modelsearch) splits text on spaces and punctuation, so a run of
Japanese, which has neither, becomes one long token and サーバー finds nothing inside it. Here the
same normalisation runs at index time and at query time: text is NFKC-normalised (full-width
letters, half-width kana), each run of Japanese becomes its overlapping two-character n-grams, and
each English word is reduced to its Snowball (Porter 2) stem, so "damage" finds "damages". A page
indexes the result in one extra search field, and a query matches when all of its terms are present.

Words people use for the same thing (パワハラ and パワーハラスメント, laptop and PC, data breach and
information leak) are kept by the editors as synonym groups (``SearchSynonym``): a query is also
run with each synonym in place of the word it contains, and a page matching any variant is found.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from wagtail.search.query import Or, PlainText

# Hiragana, katakana (with the prolonged sound mark), CJK ideographs and iteration marks.
JAPANESE_RUN = re.compile(r"[\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[a-z0-9]+")
MAX_VARIANTS = 16  # a query with many synonyms is searched in at most this many wordings


def japanese_ngrams(run):
    """The overlapping two-character n-grams of a run of Japanese (a single character stays itself)."""
    if len(run) < 2:
        return [run]
    return [run[index : index + 2] for index in range(len(run) - 1)]


@lru_cache(maxsize=1)
def _english_stemmer():
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def english_stem(word):
    """The Snowball stem of ``word``, remembered: a catalogue repeats a small vocabulary, and the
    pure-Python stemmer took over half the time of indexing 4,000 pages."""
    return _english_stemmer().stemWord(word)


def normalize(text):
    return unicodedata.normalize("NFKC", text or "").lower()


def search_terms(text):
    """The terms that stand for ``text`` in the index, and for a visitor's query."""
    text = normalize(text)
    terms = []
    for run in JAPANESE_RUN.findall(text):
        terms.extend(japanese_ngrams(run))
    for word in WORD.findall(JAPANESE_RUN.sub(" ", text)):
        terms.append(english_stem(word))
    return terms


def index_text(*texts):
    """One string of terms for a search field (duplicates dropped, order kept)."""
    return " ".join(dict.fromkeys(term for text in texts for term in search_terms(text)))


def query_text(query):
    """A visitor's query as index terms, all of which a result must contain."""
    return " ".join(dict.fromkeys(search_terms(query)))


def query_variants(query, synonym_groups):
    """``query`` and its rewordings with each synonym in place of a group member it contains
    (longest member first, so パワーハラスメント is not read as パワハラ plus more), at most
    ``MAX_VARIANTS``. ``synonym_groups`` are lists of terms that mean the same."""
    variants = [normalize(query)]
    for group in synonym_groups:
        members = sorted({normalize(term).strip() for term in group if term.strip()}, key=len, reverse=True)
        rewritten = []
        for variant in variants:
            present = next((member for member in members if member in variant), None)
            alternatives = [variant.replace(present, member) for member in members] if present else [variant]
            rewritten.extend(alternative for alternative in alternatives if alternative not in rewritten)
        variants = rewritten[:MAX_VARIANTS]
    return variants


def search_query(query, synonym_groups=(), operator="and"):
    """The search to run for a visitor's ``query``: every term of one of its wordings must match
    (any term, with ``operator="or"``). None when the query has no searchable term."""
    wordings = [query_text(variant) for variant in query_variants(query, synonym_groups)]
    wordings = [PlainText(wording, operator=operator) for wording in dict.fromkeys(wordings) if wording]
    if not wordings:
        return None
    return wordings[0] if len(wordings) == 1 else Or(wordings)


def found_by(scenarios, search):
    """``scenarios`` narrowed to those ``search`` finds, kept one query: the database pages the
    results, none are loaded into Python. With the database backends the search's own condition
    (a match in the index) joins the query's others; another backend's results are read as ids."""
    results = scenarios.model.objects.all().search(search, order_by_relevance=False)
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return scenarios & get_queryset()
    return scenarios.filter(pk__in=[page.pk for page in results])
