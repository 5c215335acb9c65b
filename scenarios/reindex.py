"""A line's scenarios are indexed with the line's name (a search for 漏えい finds the scenarios of the
leak-liability line): when a line is published, its scenarios are indexed again, so a renamed line
is found by its new name at once, not only after each scenario is next saved."""

from wagtail.search import index
from wagtail.signals import page_published


def reindex_scenarios_of_line(sender, instance, **kwargs):
    from .models import IncidentScenarioPage

    scenarios = IncidentScenarioPage.objects.child_of(instance)
    for scenario in IncidentScenarioPage.with_lines(scenarios.iterator(chunk_size=500)):
        index.insert_or_update_object(scenario)


def connect():
    from .models import InsuranceLineIndexPage

    page_published.connect(
        reindex_scenarios_of_line, sender=InsuranceLineIndexPage, dispatch_uid="scenarios_reindex_line"
    )
