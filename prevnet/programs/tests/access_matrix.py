"""The programs registry's pages, for every role (merged by core's test_access_matrix)."""

from prevnet.core.tests.matrices import ALL, only
from prevnet.programs.models import MunicipalProgram


def _program(cast):
    return MunicipalProgram.objects.get_or_create(municipality=cast.city_a, name="Outreach")[0]


MATRIX = {
    "programs:program_list": (None, ALL),
    "programs:program_detail": (lambda c: [_program(c).pk], ALL),
    "programs:program_edit": (lambda c: [_program(c).pk], only("coordinator_a")),
    "programs:program_delete": (lambda c: [_program(c).pk], only("coordinator_a")),
    "programs:municipality_programs": (lambda c: [c.city_a.pk], ALL),
    "programs:program_create": (lambda c: [c.city_a.pk], only("coordinator_a")),
}
ELSEWHERE: dict = {}

# The JSON API (merged by api/tests/test_access.py): (method, documented path, url of the cast,
# body or None, expected status per role). Read only; the registry is public, as its pages.
API_MATRIX = [
    ("get", "/api/programs/", lambda c: (_program(c), "/api/programs/")[1], None, ALL),
    (
        "get",
        "/api/programs/{program_id}",
        lambda c: f"/api/programs/{_program(c).pk}",
        None,
        ALL,
    ),
]
