"""The knowledge base's pages for every role (merged by core/tests/test_access_matrix.py).

The public reads what is published; network staff also export and import the whole base.
Drafts (404 for no one, 403 for others) are tested in test_access.py.
"""

from __future__ import annotations

from prevnet.knowledge.tests.factories import BriefFactory, PracticeFactory, ProgramFactory

ROLES = ("staff", "coordinator_a", "coordinator_b", "participant", "observer", "anonymous")
ALL = dict.fromkeys(ROLES, 200)
STAFF = {**dict.fromkeys(ROLES, 403), "staff": 200, "anonymous": 302}


def _program(cast):
    return [ProgramFactory(slug="matrix-program").slug]


def _brief(cast):
    return [BriefFactory(slug="matrix-brief").slug]


MATRIX = {
    "knowledge:search": (None, ALL),
    "knowledge:program_detail": (_program, ALL),
    "knowledge:program_pdf": (_program, ALL),
    "knowledge:compare": (None, ALL),
    "knowledge:practice_detail": (lambda c: [PracticeFactory(slug="matrix-practice").slug], ALL),
    "knowledge:evidence_scale": (None, ALL),
    "knowledge:brief_list": (None, ALL),
    "knowledge:brief_feed": (None, ALL),
    "knowledge:brief_detail": (_brief, ALL),
    "knowledge:brief_pdf": (_brief, ALL),
    "knowledge:export": (lambda c: ["json"], STAFF),
    "knowledge:import": (None, STAFF),
}
ELSEWHERE: dict = {}


# The JSON API (merged by api/tests/test_access.py): the public reads published programs.
API_MATRIX = [
    ("get", "/api/knowledge/programs", lambda c: "/api/knowledge/programs", None, ALL),
    (
        "get",
        "/api/knowledge/programs/{slug}",
        lambda c: f"/api/knowledge/programs/{ProgramFactory(slug='api-matrix').slug}",
        None,
        ALL,
    ),
]
