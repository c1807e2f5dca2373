"""Fuzzing the questionnaires API from its OpenAPI document: no input gives a 5xx.

The project-wide fuzzer (api/tests/test_schemathesis.py) aims ids at the registry's records
only; this one aims them at a published version and an open invitation, so that posted answers
reach the answer rules and the saves.
"""

from __future__ import annotations

import zlib
from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from prevnet.core.models import ApiToken, Role
from prevnet.network.factories import PersonFactory, UserFactory
from prevnet.questionnaires import services
from prevnet.questionnaires.tests.factories import published

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application()).include(
    path_regex="^/api/questionnaires/"
)

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def records(db) -> dict:
    version = published()
    campaign = services.open_campaign(
        version,
        "baseline",
        opens_on=date(2000, 1, 1),
        closes_on=date(2100, 1, 1),
        people=[PersonFactory()],
    )
    _token, raw = ApiToken.issue(UserFactory(role=Role.NETWORK_STAFF), "fuzz")
    return {"token": raw, "version": version.pk, "invitation": campaign.invitations.get()}


def aim(case, records: dict) -> None:
    if zlib.crc32(repr((case.path_parameters, case.query, case.body)).encode()) % 2:
        return
    if "pk" in case.path_parameters:
        case.path_parameters = {**case.path_parameters, "pk": records["version"]}
    if isinstance(case.body, dict):
        case.body = {**case.body, "token": records["invitation"].token}


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case, records):
    aim(case, records)
    case.call_and_validate(
        headers={"Authorization": f"Bearer {records['token']}"}, checks=[not_a_server_error]
    )
