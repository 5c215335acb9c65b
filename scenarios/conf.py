"""The plugin's settings: one ``SCENARIOS`` dict in the project's settings, every key optional.

Read through ``scenarios_settings`` (``scenarios_settings.COUNTRY``…) at the moment they are needed,
never copied at import, so that a project's settings and ``override_settings`` in tests take effect.

COUNTRY
    ISO 3166 code of the country the phone line is in, e.g. ``"JP"``: the region phone numbers
    are read in (``0120-347-277`` is ``+81 120-347-277`` in Japan), whose public holidays close
    the line, and the ``areaServed`` of the structured data. Default ``None``: numbers must be
    written in international form (``+44 20 7946 0000``) and no public holiday closes the line.
HOLIDAY_SUBDIVISION
    A subdivision of ``COUNTRY`` whose own holidays also close the line (``"ENG"`` for England in
    ``"GB"``, ``"BY"`` for Bavaria in ``"DE"``), as the ``holidays`` package names them. Default ``None``.
TIME_ZONE
    The time zone the opening hours are written in. Default: the project's ``TIME_ZONE``.
LANGUAGES
    Language codes the phone line answers in, for structured data. Default: the project's
    ``WAGTAIL_CONTENT_LANGUAGES`` (or ``LANGUAGES``).
LINE_PARENT_PAGE_TYPES
    Page types under which an insurance-line index page may be created, as "app_label.ModelName"
    strings. Default ``None``: any page type that allows it as a child.
OPERATOR_PAGE_TYPES
    Page types the operator info may link to (operator, site manager, privacy policy), for the
    admin's page chooser. Default ``None``: any page.
PAGE_PERMISSION_TESTER
    Dotted path of the ``PagePermissionTester`` subclass that decides what a user may do to the
    plugin's pages (edit, publish, unpublish, delete, move, …), for a project whose editorial roles
    need more than Wagtail's page permissions. Default: Wagtail's own.
API_PREFIXES
    URL prefixes under which the API's query parameters are checked (see ``scenarios.api.middleware``).
    Default ``("/api/",)``.

The plugin keeps nothing between requests: caching whole responses, in front of it, is the
project's choice.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string
from wagtail.models import PagePermissionTester

DEFAULTS = {
    "COUNTRY": None,
    "HOLIDAY_SUBDIVISION": None,
    "TIME_ZONE": None,
    "LANGUAGES": None,
    "LINE_PARENT_PAGE_TYPES": None,
    "OPERATOR_PAGE_TYPES": None,
    "PAGE_PERMISSION_TESTER": None,
    "API_PREFIXES": ("/api/",),
}


class ScenariosSettings:
    """The project's ``SCENARIOS`` over the defaults above; an unknown key is a mistake, said at once.

    Merged once and kept (the hours read the country for every day they look at); Django's
    ``setting_changed`` signal, sent by ``override_settings``, drops the merged copy.
    """

    def __init__(self):
        self._merged = None

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"SCENARIOS has no setting {name!r}; known: {', '.join(DEFAULTS)}")
        if self._merged is None:
            self._merged = {**DEFAULTS, **self._project()}
        return self._merged[name]

    def reload(self):
        self._merged = None

    @staticmethod
    def _project():
        project = getattr(settings, "SCENARIOS", {})
        unknown = set(project) - set(DEFAULTS)
        if unknown:
            raise ImproperlyConfigured(f"SCENARIOS: unknown settings {sorted(unknown)}; known: {', '.join(DEFAULTS)}")
        return project

    @property
    def time_zone(self):
        return ZoneInfo(self.TIME_ZONE or settings.TIME_ZONE or "UTC")

    @property
    def languages(self):
        if self.LANGUAGES is not None:
            return list(self.LANGUAGES)
        served = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
        return [code for code, _name in served]

    @property
    def page_permission_tester(self):
        path = self.PAGE_PERMISSION_TESTER
        return import_string(path) if path else PagePermissionTester


scenarios_settings = ScenariosSettings()


@receiver(setting_changed)
def _reload_scenarios_settings(setting, **kwargs):
    if setting == "SCENARIOS":
        scenarios_settings.reload()
