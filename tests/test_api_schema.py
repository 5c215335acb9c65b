"""Schemathesis against /api/v3/openapi.json: no server error, no response that breaks the schema.

Every operation of the schema is exercised with generated requests (anonymous, so write
operations must refuse cleanly). Driven through schemathesis' Python API inside one test, so it
runs on the same seeded test database as the rest of the suite.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def keep_test_connection():
    """Requests go through the real WSGI handler, which closes "old" connections when a request
    ends; that would close the test's own transaction on PostgreSQL. Django's test client
    disconnects the same handler for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_every_v3_operation_keeps_its_schema(keep_test_connection):
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 10
    checked = []
    for operation in operations:

        @SETTINGS
        @given(case=operation.as_strategy())
        def exercise(case):
            # The in-process WSGI client does not undo gzip, which the site applies when asked.
            case.call_and_validate(
                headers={"Accept-Encoding": "identity"},
                checks=[not_a_server_error, response_schema_conformance],
            )

        exercise()
        checked.append(f"{operation.method.upper()} {operation.path}")
    assert "GET /api/v3/pages/" in checked and "GET /api/v3/contact-hours/" in checked
