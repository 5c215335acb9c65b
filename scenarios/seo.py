"""What search engines (and API clients) get as a page's description: one rule for the HTML and the API."""

from django.utils.text import Truncator

DESCRIPTION_LENGTH = 120


def meta_description(page):
    """The editor's search description, else the opening of the page's own text, on one line.

    A page type says which of its texts opens it with ``get_meta_description()``; other pages use
    their search description only.
    """
    if not hasattr(page, "search_description"):  # no page (an error page, a view of its own)
        return ""
    text = page.get_meta_description() if hasattr(page, "get_meta_description") else page.search_description
    return Truncator(" ".join((text or "").split())).chars(DESCRIPTION_LENGTH)
