"""Property-based fuzzing of the API from its own OpenAPI document: no input gives a 5xx.

Schemathesis generates requests for every operation, valid and invalid, and sends them to
the Django app in-process (WSGI) as network staff with a bearer token, so writes run too.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from prevnet.core.models import ApiToken, Role
from prevnet.network.factories import MunicipalityFactory, OrganizationFactory, UserFactory

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # Called through WSGI, Django closes the database connection after each request, which
    # would end the test's transaction; Django's own test client does the same as this.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_token(db) -> str:
    # A few rows so detail and update operations sometimes find what they ask for.
    city = MunicipalityFactory(csd_code="3500001")
    OrganizationFactory(municipality=city)
    _token, raw = ApiToken.issue(UserFactory(role=Role.NETWORK_STAFF), "schemathesis")
    return raw


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors(case, staff_token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {staff_token}"}, checks=[not_a_server_error]
    )
