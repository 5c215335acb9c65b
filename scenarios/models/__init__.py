"""The plugin's models: the shared snippets first, then the pages that show them."""

from .pages import (
    ConfiguredPermissionsMixin,
    IncidentScenarioPage,
    InsuranceLineIndexPage,
    PayoutKind,
    ScenarioLossType,
)
from .snippets import ClosurePeriod, ContactHours, LossType, OperatorInfo
from .synonyms import SearchSynonym

__all__ = [
    "ClosurePeriod",
    "ConfiguredPermissionsMixin",
    "ContactHours",
    "IncidentScenarioPage",
    "InsuranceLineIndexPage",
    "LossType",
    "OperatorInfo",
    "PayoutKind",
    "ScenarioLossType",
    "SearchSynonym",
]
