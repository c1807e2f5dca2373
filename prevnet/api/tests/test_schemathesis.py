"""Property-based fuzzing of the API from its own OpenAPI document: no input gives a 5xx.

Schemathesis generates requests for every operation, valid and invalid, and sends them to
the Django app in-process (WSGI) as network staff with a bearer token, so writes run too.
Purely random ids and codes almost never name a record that exists or a census code that fits
its province, so every other case is aimed at the fixture's records: the fuzzer then reaches
the model checks and the saves, not only the 404s and 422s.
"""

from __future__ import annotations

import zlib

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from prevnet.core.models import ApiToken, Role
from prevnet.evaluation import seed
from prevnet.evaluation.models import Indicator
from prevnet.network.factories import (
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)
from prevnet.programs.models import MunicipalProgram
from prevnet.sroi.tests.factories import worked_analysis

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
def records(db) -> dict:
    city = MunicipalityFactory(csd_code="3500001")
    organization = OrganizationFactory(municipality=city)
    person = PersonFactory(municipality=city, organization=organization)
    _token, raw = ApiToken.issue(UserFactory(role=Role.NETWORK_STAFF), "schemathesis")
    analysis = worked_analysis(MunicipalProgram.objects.create(municipality=city, name="Hub"))
    program = MunicipalProgram.objects.create(municipality=city, name="Fuzzed program")
    seed.load()
    return {
        "token": raw,
        "/api/municipalities": city.pk,
        "/api/organizations": organization.pk,
        "/api/people": person.pk,
        "municipality_id": city.pk,
        "organization_id": organization.pk,
        # Path parameters named after their record, aimed at one that exists.
        "analysis_id": analysis.pk,
        "program_id": program.pk,
        "indicator_id": Indicator.objects.get(code="additional-programs").pk,
    }


def aim(case, records: dict) -> None:
    """Every other case: existing ids, and a census code that fits the province."""
    if zlib.crc32(repr((case.path_parameters, case.query, case.body)).encode()) % 2:
        return
    collection = "/".join(case.path.split("/")[:3])
    if "pk" in case.path_parameters and collection in records:
        case.path_parameters = {**case.path_parameters, "pk": records[collection]}
    for name in ("analysis_id", "program_id", "indicator_id"):
        if name in case.path_parameters:
            case.path_parameters = {**case.path_parameters, name: records[name]}
    body = case.body
    if isinstance(body, dict):
        body = {**body}
        for name in ("municipality_id", "organization_id"):
            if isinstance(body.get(name), int):
                body[name] = records[name]
        code = body.get("csd_code")
        if isinstance(code, str) and len(code) == 7 and code.isascii() and code.isdigit():
            body.update(province="ON", csd_code="35" + code[2:])
        case.body = body


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors(case, records):
    aim(case, records)
    case.call_and_validate(
        headers={"Authorization": f"Bearer {records['token']}"}, checks=[not_a_server_error]
    )
