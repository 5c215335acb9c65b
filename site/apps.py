from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "itrisk"
    verbose_name = "IT risk incident scenario site"

    def ready(self):
        from . import translation_sync

        translation_sync.connect()
