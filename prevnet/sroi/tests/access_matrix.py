"""The SROI pages for every role (merged by core/tests/test_access_matrix.py)."""

from __future__ import annotations

from conftest import ROLES
from prevnet.sroi.models import FinancialProxy
from prevnet.sroi.tests.factories import municipal_program, worked_analysis

OK, LOGIN, DENIED = 200, 302, 403
SIGNED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}
STAFF = {**dict.fromkeys(ROLES, DENIED), "staff": OK, "anonymous": LOGIN}


def only(*allowed: str) -> dict:
    return {**STAFF, **dict.fromkeys(allowed, OK)}


def _analysis(c):
    return [worked_analysis(municipal_program(c.city_a)).pk]


def _outcome(c):
    analysis = worked_analysis(municipal_program(c.city_a))
    return [analysis.pk, "outcomes", analysis.outcomes.first().pk]


def _proxy(c):
    proxy = FinancialProxy.objects.create(
        name_en="X", name_fr="X", unit_en="u", unit_fr="u", value=1, year=2024, source="s"
    )
    return [proxy.pk]


MATRIX = {
    "sroi:analysis_list": (None, SIGNED_IN),
    "sroi:analysis_create": (None, only("coordinator_a", "coordinator_b")),
    "sroi:analysis_detail": (_analysis, SIGNED_IN),
    "sroi:analysis_edit": (_analysis, only("coordinator_a")),
    "sroi:sensitivity": (_analysis, SIGNED_IN),
    "sroi:report": (_analysis, SIGNED_IN),
    "sroi:report_pdf": (_analysis, SIGNED_IN),
    "sroi:export_xlsx": (_analysis, SIGNED_IN),
    "sroi:part_create": (lambda c: [*_analysis(c), "inputs"], only("coordinator_a")),
    "sroi:part_edit": (_outcome, only("coordinator_a")),
    "sroi:proxy_list": (None, SIGNED_IN),
    "sroi:proxy_create": (None, STAFF),
    "sroi:proxy_edit": (_proxy, STAFF),
}

ELSEWHERE = {
    "sroi:analysis_delete": "POST only; tested in sroi/tests/test_pages.py",
    "sroi:part_delete": "POST only; tested in sroi/tests/test_pages.py",
}


# The JSON API (merged by api/tests/test_access.py): signed-in users read, as on the pages.
API_OK, API_UNAUTH = 200, 401
API_SIGNED_IN = {**dict.fromkeys(ROLES, API_OK), "anonymous": API_UNAUTH}

API_MATRIX = [
    ("get", "/api/sroi/analyses", lambda c: "/api/sroi/analyses", None, API_SIGNED_IN),
    (
        "get",
        "/api/sroi/analyses/{analysis_id}",
        lambda c: f"/api/sroi/analyses/{_analysis(c)[0]}",
        None,
        API_SIGNED_IN,
    ),
    ("get", "/api/sroi/proxies", lambda c: "/api/sroi/proxies", None, API_SIGNED_IN),
]
