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
    translated,
)


@pytest.fixture
def japanese(db):
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code="ja")[0]


@pytest.fixture
def catalogue(db, japanese):
    """Two lines, three scenarios, the shared snippets, and all of it translated into Japanese."""
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
        "lines": [cyber, media],
        "scenarios": [outage, leak, libel],
        "ja_outage": ja_outage,
        "loss_types": [lost_profits, data_loss],
        "hours": hours,
        "operator": operator,
    }
