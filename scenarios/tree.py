"""Conditions on Wagtail's tree paths that the database answers from the path column's index.

Wagtail's ``child_of`` and ``descendant_of`` compare the path with ``LIKE 'prefix%'``, which neither
SQLite (whose LIKE ignores case, unlike the index) nor PostgreSQL under a non-C collation answers
from the index: with 10,000 scenarios each such condition reads every page of the site. The pages
below a page are those whose path lies after its own and up to its own followed by the tree
alphabet's last character (``Page.alphabet``, digits then capitals, which sort the same way in every
collation): a range the index answers.
"""

from django.db.models import Q
from wagtail.models import Page


def below(page):
    """The children of ``page``. The range holds its whole subtree and the depth picks the
    children: narrow for a line's scenarios, the whole language for the home page's lines."""
    return Q(path__gt=page.path, path__lte=page.path + Page.alphabet[-1] * page.steplen, depth=page.depth + 1)
