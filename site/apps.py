from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "itrisk"
    verbose_name = "IT risk incident scenario site"

    def ready(self):
        from django.core import checks

        from home.editorial import translation_sync

        from . import cache_invalidation
        from .demo_accounts import check_no_published_passwords

        checks.register(check_no_published_passwords, checks.Tags.security, deploy=True)

        # The editorial workflow's signal handlers (home/editorial) before the caches are told of a
        # change, so that what a publish copies into the translations is part of that change.
        translation_sync.connect()
        cache_invalidation.connect()
