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
