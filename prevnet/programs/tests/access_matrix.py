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
