"""The filters both API versions offer, checked and applied in one place.

Each raises ``BadQuery`` with a message naming the parameter and the values that exist, which v2
answers as ``{"message": …}`` and v3 as problem+json, both with status 400: a value that names
nothing is an error, never an empty list that looks like an answer.
"""

import re

from wagtail.models import Locale

from ..models import IncidentScenarioPage, LossType, PayoutKind

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


class BadQuery(ValueError):
    """A query parameter names nothing; the message says which and what would do."""


def locale_named(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        known = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        raise BadQuery(f"locale: unknown language {language_code!r}; known: {known}")
    return locale


def in_locale(queryset, language_code):
    """``queryset`` in the language named by ``language_code`` (all languages if it is None)."""
    if language_code is None:
        return queryset
    return queryset.filter(locale=locale_named(language_code))


def scenarios_of_kind(queryset, loss_type=None, payout_kind=None):
    """``queryset`` (of pages) limited to scenarios with that loss type and/or kind of payout."""
    scenarios = None
    if loss_type is not None:
        if not SLUG.match(loss_type) or not LossType.objects.filter(slug=loss_type).exists():
            known = ", ".join(sorted(set(LossType.objects.values_list("slug", flat=True))))
            raise BadQuery(f"loss_type: unknown loss type {loss_type!r}; known: {known}")
        scenarios = IncidentScenarioPage.objects.filter(loss_type_links__loss_type__slug=loss_type)
    if payout_kind is not None:
        if payout_kind not in PayoutKind.values:
            raise BadQuery(f"payout_kind: must be one of {', '.join(PayoutKind.values)}")
        scenarios = (scenarios if scenarios is not None else IncidentScenarioPage.objects).filter(
            payout_kind=payout_kind
        )
    if scenarios is None:
        return queryset
    return queryset.filter(pk__in=scenarios.values("pk"))
