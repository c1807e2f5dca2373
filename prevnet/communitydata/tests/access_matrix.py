"""Community data pages for every role (merged by core/tests/test_access_matrix.py)."""

from __future__ import annotations

from conftest import ROLES
from prevnet.communitydata.models import ImportRun

OK, LOGIN, DENIED = 200, 302, 403
ALL = dict.fromkeys(ROLES, OK)
STAFF = {**dict.fromkeys(ROLES, DENIED), "staff": OK, "anonymous": LOGIN}


def _run(cast):
    return [ImportRun.objects.create(original_name="35100177-eng.zip").pk]


MATRIX = {
    "communitydata:index": (None, ALL),
    "communitydata:municipality": (lambda c: [c.city_a.pk], ALL),
    "communitydata:diagnosis": (lambda c: [c.city_a.pk], ALL),
    "communitydata:compare": (None, ALL),
    "communitydata:import_list": (None, STAFF),
    "communitydata:import_detail": (_run, STAFF),
    "communitydata:geographies": (None, STAFF),
}
ELSEWHERE: dict = {}

# The JSON API (merged by prevnet/api/tests/test_access.py): public, like the pages.
API_ALL = dict.fromkeys(ROLES, OK)
API_MATRIX = [
    ("get", "/api/data/tables", lambda c: "/api/data/tables", None, API_ALL),
    ("get", "/api/data/violations", lambda c: "/api/data/violations", None, API_ALL),
    *(
        (
            "get",
            f"/api/data/municipalities/{{municipality_id}}/{part}",
            lambda c, part=part: f"/api/data/municipalities/{c.city_a.pk}/{part}",
            None,
            API_ALL,
        )
        for part in ("crime", "census", "diagnosis")
    ),
]
