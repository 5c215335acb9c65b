"""Makes sure nothing here can lean on the site that ships the plugin: importing it fails."""

import sys
from importlib.abc import MetaPathFinder

SITE_PACKAGES = {"home", "itrisk"}


class RefuseSiteImports(MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname.split(".")[0] in SITE_PACKAGES:
            raise ImportError(f"the scenarios plugin must not import {fullname}")
        return None


sys.meta_path.insert(0, RefuseSiteImports())


import pytest  # noqa: E402 - after the import guard above, which must come first

from scenarios.models import ScenarioLossType  # noqa: E402

from .factories import (  # noqa: E402
    ContactHoursFactory,
    LineFactory,
    LossTypeFactory,
    OperatorInfoFactory,
    ScenarioFactory,
    japanese_locale,
    rolled_back,
    translated,
)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with Wagtail's own cache empty (the site root paths): tests share the content
    their module built (below), and what one test changed and rolled back must not be read again."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def japanese(db):
    return japanese_locale()


@pytest.fixture(scope="module")
def catalogue_keys(django_db_setup, django_db_blocker):
    """The catalogue, built once per module: translating it is most of a test's time."""
    with django_db_blocker.unblock(), rolled_back():
        yield build_catalogue()


@pytest.fixture
def catalogue(db, catalogue_keys):
    """Two lines, three scenarios, the shared snippets, and all of it translated into Japanese:
    read afresh for each test, so that what one test changes in memory is not seen by the next."""
    from wagtail.models import Page

    from scenarios.models import ContactHours, LossType, OperatorInfo

    def pages(keys):
        return [Page.objects.get(pk=key).specific for key in keys]

    return {
        "lines": pages(catalogue_keys["lines"]),
        "scenarios": pages(catalogue_keys["scenarios"]),
        "ja_outage": pages([catalogue_keys["ja_outage"]])[0],
        "loss_types": [LossType.objects.get(pk=key) for key in catalogue_keys["loss_types"]],
        "hours": ContactHours.objects.get(pk=catalogue_keys["hours"]),
        "operator": OperatorInfo.objects.get(pk=catalogue_keys["operator"]),
    }


def build_catalogue():
    """The catalogue's content; returns the primary keys of what the tests use."""
    japanese = japanese_locale()
    lost_profits = LossTypeFactory(name="Lost profits", slug="lost-profits")
    data_loss = LossTypeFactory(name="Data loss", slug="data-loss")
    cyber = LineFactory(title="Cyber liability", slug="cyber")
    media = LineFactory(title="Media liability", slug="media", coverage_summary="Covers defamation claims.")
    outage = ScenarioFactory(parent=cyber, title="Server outage", slug="server-outage", loss_types=[lost_profits])
    leak = ScenarioFactory(
        parent=cyber,
        title="Customer list leaked",
        slug="leak",
        what_happened="A laptop with the customer list was stolen.",
        payout_kind="own-cost",
        loss_types=[data_loss],
    )
    libel = ScenarioFactory(parent=media, title="Libel in a blog post", slug="libel", loss_types=[lost_profits])
    hours = ContactHoursFactory()
    operator = OperatorInfoFactory()
    ja_loss_types = {}
    for loss_type in (lost_profits, data_loss):
        copy = translated(loss_type, japanese)
        copy.name = {"lost-profits": "逸失利益", "data-loss": "データの消失"}[loss_type.slug]
        copy.save()
        ja_loss_types[loss_type.slug] = copy
    ja_outage = translated(outage, japanese)
    ja_outage.title = "サーバー停止"
    ja_outage.what_happened = "サーバーが一日止まった。"
    ja_outage.loss_type_links = [ScenarioLossType(loss_type=ja_loss_types["lost-profits"])]
    ja_outage.save_revision().publish()
    translated(hours, japanese)
    translated(operator, japanese)
    return {
        "lines": [cyber.pk, media.pk],
        "scenarios": [outage.pk, leak.pk, libel.pk],
        "ja_outage": ja_outage.pk,
        "loss_types": [lost_profits.pk, data_loss.pk],
        "hours": hours.pk,
        "operator": operator.pk,
    }
