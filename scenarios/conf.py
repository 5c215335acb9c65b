"""The plugin's settings, each with a default so that a project needs to set none of them.

SCENARIOS_LINE_PARENT_PAGE_TYPES
    Page types under which an insurance-line index page may be created, as "app_label.ModelName"
    strings. Default ``None``: any page type that allows it as a child.

SCENARIOS_OPERATOR_PAGE_TYPES
    Page types the operator info may link to (operator, site manager, privacy policy), for the
    admin's page chooser. Default ``None``: any page.

SCENARIOS_PAGE_PERMISSION_TESTER
    Dotted path of the ``PagePermissionTester`` subclass that decides what a user may do to the
    plugin's pages (edit, publish, unpublish, delete, move, …), for a project whose editorial roles
    need more than Wagtail's page permissions. Default: Wagtail's own.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from wagtail.models import PagePermissionTester


def line_parent_page_types():
    return getattr(settings, "SCENARIOS_LINE_PARENT_PAGE_TYPES", None)


def operator_page_types():
    return getattr(settings, "SCENARIOS_OPERATOR_PAGE_TYPES", None)


def page_permission_tester():
    path = getattr(settings, "SCENARIOS_PAGE_PERMISSION_TESTER", None)
    return import_string(path) if path else PagePermissionTester
