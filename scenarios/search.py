"""Search that works in Japanese as well as English, on every database backend.

Wagtail's database search backend (modelsearch) splits text on spaces and punctuation, so a run of
Japanese, which has neither, becomes one long token and サーバー finds nothing inside it. Here the
same normalisation runs at index time and at query time: text is NFKC-normalised (full-width
letters, half-width kana), each run of Japanese becomes its overlapping two-character n-grams, and
each English word is reduced to a crude stem, so "hacker" finds "Hackers". A page indexes the
result in one extra search field, and a query matches when all of its terms are present.
"""

import re
import unicodedata

# Hiragana, katakana (with the prolonged sound mark), CJK ideographs and iteration marks.
JAPANESE_RUN = re.compile(r"[\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[a-z0-9]+")
ENGLISH_SUFFIXES = ("ing", "ers", "ed", "es", "er", "s")


def japanese_ngrams(run):
    """The overlapping two-character n-grams of a run of Japanese (a single character stays itself)."""
    if len(run) < 2:
        return [run]
    return [run[index : index + 2] for index in range(len(run) - 1)]


def english_stem(word):
    """A deliberately small stemmer: enough to match plurals and -er/-ing/-ed forms of the same word."""
    for suffix in ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def search_terms(text):
    """The terms that stand for ``text`` in the index, and for a visitor's query."""
    text = unicodedata.normalize("NFKC", text or "").lower()
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
