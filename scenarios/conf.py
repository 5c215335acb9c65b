"""The plugin's settings, each with a default so that a project needs to set none of them.

SCENARIOS_LINE_PARENT_PAGE_TYPES
    Page types under which an insurance-line index page may be created, as "app_label.ModelName"
    strings. Default ``None``: any page type that allows it as a child.

SCENARIOS_OPERATOR_PAGE_TYPES
    Page types the operator info may link to (operator, site manager, privacy policy), for the
    admin's page chooser. Default ``None``: any page.
"""

from django.conf import settings


def line_parent_page_types():
    return getattr(settings, "SCENARIOS_LINE_PARENT_PAGE_TYPES", None)


def operator_page_types():
    return getattr(settings, "SCENARIOS_OPERATOR_PAGE_TYPES", None)
