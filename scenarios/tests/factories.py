"""Test content for the plugin: lines, scenarios and the shared snippets, live unless told otherwise.

``LineFactory(parent=page)`` adds the line under ``page`` (the default site's root page if none);
``ScenarioFactory(parent=line)`` adds a scenario under a line, making one if none is given;
``translated(page_or_snippet, locale)`` copies it into another language and publishes the copy;
``rolled_back()`` is where content built once for a module's tests is made.
"""

import contextlib
import datetime

import factory
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Site

from scenarios.models import (
    ContactHours,
    IncidentScenarioPage,
    InsuranceLineIndexPage,
    LossType,
    OperatorInfo,
    ScenarioLossType,
)


class PageFactory(factory.django.DjangoModelFactory):
    """Pages go into the tree with ``add_child`` and are published through a revision."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        page = model_class(*args, **kwargs)
        parent = parent if parent is not None else cls.default_parent()
        parent.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.live = False
            page.save_revision()
            page.save(update_fields=["live"])
        return page


class LineFactory(PageFactory):
    class Meta:
        model = InsuranceLineIndexPage

    title = factory.Sequence(lambda n: f"Cyber liability {n}")
    slug = factory.LazyAttribute(lambda line: slugify(line.title))
    coverage_summary = "Covers claims after a data breach."

    @staticmethod
    def default_parent():
        return Site.objects.get(is_default_site=True).root_page


class ScenarioFactory(PageFactory):
    class Meta:
        model = IncidentScenarioPage

    title = factory.Sequence(lambda n: f"Server outage {n}")
    slug = factory.LazyAttribute(lambda scenario: slugify(scenario.title))
    what_happened = "The hosting server stopped for a day."
    claim_or_payment = "The client claimed its lost profits."
    payout_kind = "liability"

    @classmethod
    def _create(cls, model_class, *args, parent=None, loss_types=(), **kwargs):
        kwargs["loss_type_links"] = [ScenarioLossType(loss_type=loss_type) for loss_type in loss_types]
        return super()._create(model_class, *args, parent=parent or LineFactory(), **kwargs)


class LossTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LossType

    name = factory.Sequence(lambda n: f"Lost profits {n}")
    slug = factory.LazyAttribute(lambda loss_type: slugify(loss_type.name))


class ContactHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactHours

    heading = "Call us"
    phone_label = "Free phone"
    phone_number = "020 7946 0000"
    opens_at = datetime.time(9)
    closes_at = datetime.time(17)


class OperatorInfoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OperatorInfo

    operator_name = "The Agency Ltd"
    site_name = "Incident scenarios"
    scenario_disclaimer = "Each insurer decides cover case by case."


def japanese_locale():
    return Locale.objects.get_or_create(language_code="ja")[0]


def translated(source, locale):
    """``source`` copied into ``locale`` (with its parents, for a page) and published."""
    if hasattr(source, "copy_for_translation") and hasattr(source, "get_parent"):
        copy = source.copy_for_translation(locale, copy_parents=True)
        copy.save_revision().publish()
        return copy
    copy = source.copy_for_translation(locale)
    copy.save()
    return copy


@contextlib.contextmanager
def rolled_back():
    """A transaction that is always rolled back: content built once for a module's tests, each of
    which runs in a savepoint inside it (as Django's ``TestCase.setUpTestData``)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
