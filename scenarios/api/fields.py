"""How the plugin's models appear in the Wagtail API (v2 and, through its compatibility shim, v3).

Each field is a DRF field whose ``to_representation`` return type is a TypedDict, so API v3 types
it in its OpenAPI schema exactly as API v2 serializes it.
"""

from typing_extensions import TypedDict  # pydantic needs it for TypedDict on Python < 3.12

from rest_framework import serializers
from wagtail.models import Locale

from ..request_cache import request_cache


class LossTypeRef(TypedDict):
    id: int
    slug: str
    name: str


class PayoutKindRef(TypedDict):
    value: str
    label: str


class PageRef(TypedDict):
    id: int
    title: str
    slug: str


class TranslationRef(TypedDict):
    id: int
    locale: str


class LossTypesField(serializers.Field):
    """The scenario's loss types with their names in the scenario's language."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> list[LossTypeRef]:
        return [{"id": loss_type.pk, "slug": loss_type.slug, "name": loss_type.name} for loss_type in value]


class PayoutKindField(serializers.Field):
    """The kind of payout as a stable value and a label in the scenario's language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value) -> PayoutKindRef:
        from django.utils import translation

        with translation.override(value.locale.language_code):
            return {"value": value.payout_kind, "label": str(value.get_payout_kind_display())}


class InsuranceLineField(serializers.Field):
    """The insurance line a scenario belongs to."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> PageRef:
        return {"id": value.pk, "title": value.title, "slug": value.slug}


class TranslationsField(serializers.Field):
    """The same page in the other languages: its id per language, live versions only."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value) -> list[TranslationRef]:
        return [
            {"id": page.pk, "locale": page.locale.language_code}
            for page in value.get_translations().live().public().select_related("locale").order_by("locale__id")
        ]


class DisclaimerField(serializers.Field):
    """The disclaimer of the operator in the scenario's language, so no client shows a scenario
    without it. Looked up once per language and request."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value) -> str | None:
        from ..models import OperatorInfo

        cache = request_cache(self.context.get("request"))
        key = ("disclaimer", value.locale_id)
        if key not in cache:
            operator = OperatorInfo.for_locale(value.locale_id) or OperatorInfo.for_locale(Locale.get_default())
            cache[key] = operator.scenario_disclaimer if operator else None
        return cache[key]
