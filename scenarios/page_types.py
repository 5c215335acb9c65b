"""Pages as their own type from the query that found them.

Wagtail's ``specific`` reads a page's own row in a query of its own, one per page. Where a query
finds ``Page`` rows, ``with_page_types`` joins each page type's table to it (Django's
``select_related`` of the page types' parent links), and ``as_served`` then gives each row as its
own type without another query. The API's ``find`` uses them, and so may a project's router.
"""

from wagtail.models import Page, get_page_models


def page_type_joins():
    """The names that join each page type inheriting ``Page`` directly to a ``Page`` row."""
    return [model._meta.model_name for model in get_page_models() if Page in model.__bases__]


def with_page_types(queryset):
    """``queryset`` of ``Page`` rows with each one's locale and own page type's row joined, for
    ``as_served``."""
    return queryset.select_related("locale", *page_type_joins())


def as_served(page):
    """``page`` (a row of ``with_page_types``) as its own type, with its locale, without a query;
    else as Wagtail's ``specific`` finds it (a type two steps from ``Page``)."""
    model = page.specific_class
    if model is None or model is Page:
        return page
    if Page not in model.__bases__:
        return page.specific
    served = getattr(page, model._meta.model_name)
    served.locale = page.locale
    return served
