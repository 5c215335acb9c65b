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


def below(page, levels=1):
    """The pages exactly ``levels`` steps below ``page`` (1: its children)."""
    return below_path(page.path, levels)


def below_path(path, levels=1):
    """The pages exactly ``levels`` steps below the page whose tree path is ``path``."""
    last = Page.alphabet[-1] * (Page.steplen * levels)
    return Q(path__gt=path, path__lte=path + last, depth=len(path) // Page.steplen + levels)
