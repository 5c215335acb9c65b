from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "itrisk"
    verbose_name = "IT risk incident scenario site"

    def ready(self):
        from django.core import checks

        from . import cache_invalidation, translation_sync
        from .demo_accounts import check_no_published_passwords

        checks.register(check_no_published_passwords, checks.Tags.security, deploy=True)

        translation_sync.connect()
        cache_invalidation.connect()
