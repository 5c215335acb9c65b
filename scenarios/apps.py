from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScenariosConfig(AppConfig):
    name = "scenarios"
    verbose_name = _("Incident scenarios")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import reindex
        from .compat import HAS_API_V3

        reindex.connect()
        if HAS_API_V3:
            from .api import v3

            v3.add_plugin_routes()
