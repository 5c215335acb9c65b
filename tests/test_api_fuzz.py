"""API v2 has no OpenAPI document for schemathesis, so hypothesis sends it odd query strings: every
answer must be a 2xx, 3xx or 4xx (v3 is fuzzed from its document in test_api_schema.py)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

NAMES = [
    "search", "type", "locale", "fields", "offset", "limit", "child_of", "descendant_of", "ancestor_of",
    "translation_of", "order", "loss_type", "payout_kind", "search_operator", "site", "html_path", "id",
    "show_in_menus", "slug", "nonsense",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["*", "-title", "title,-id", "scenarios.IncidentScenarioPage", "ja", "en", "/en/", "サーバー", "\x00", " "]),
)
ENDPOINTS = ["/api/v2/pages/", "/api/v2/pages/find/", "/api/v2/contact-hours/", "/api/v2/loss-types/", "/api/v2/images/"]


@settings(max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(endpoint=st.sampled_from(ENDPOINTS), params=st.dictionaries(st.sampled_from(NAMES), VALUES, max_size=4))
def test_odd_query_strings_never_cause_a_server_error(client, endpoint, params):
    response = client.get(endpoint, params)
    assert response.status_code < 500, (endpoint, params, response.content[:300])
