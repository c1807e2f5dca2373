"""Every endpoint for every role of the cast, and what each role may see of personal data."""

from __future__ import annotations

import pytest

from conftest import ROLES
from prevnet.api.tests.conftest import send
from prevnet.core.tests.matrices import app_matrices
from prevnet.network.models import Person

OK, CREATED, UNAUTH, DENIED, MISSING = 200, 201, 401, 403, 404
ALL = dict.fromkeys(ROLES, OK)
SIGNED_IN = {**ALL, "anonymous": UNAUTH}


def staff_only(ok=OK):
    return {**dict.fromkeys(ROLES, DENIED), "staff": ok, "anonymous": UNAUTH}


def new_code(who: str) -> str:
    return f"35990{ROLES.index(who):02d}"


# (method, documented path, url from the cast, body for a role, expected status per role)
MATRIX = [
    ("get", "/api/regions", lambda c: "/api/regions", None, ALL),
    ("get", "/api/regions/{code}", lambda c: "/api/regions/ontario", None, ALL),
    ("get", "/api/provinces", lambda c: "/api/provinces", None, ALL),
    ("get", "/api/provinces/{abbreviation}", lambda c: "/api/provinces/on", None, ALL),
    ("get", "/api/municipalities", lambda c: "/api/municipalities", None, ALL),
    (
        "get",
        "/api/municipalities/{pk}",
        lambda c: f"/api/municipalities/{c.city_a.pk}",
        None,
        ALL,
    ),
    (
        "post",
        "/api/municipalities",
        lambda c: "/api/municipalities",
        lambda who: {"name": f"New {who}", "province": "ON", "csd_code": new_code(who)},
        staff_only(CREATED),
    ),
    (
        "patch",
        "/api/municipalities/{pk}",
        lambda c: f"/api/municipalities/{c.city_a.pk}",
        lambda who: {"population": 1000},
        {**staff_only(), "coordinator_a": OK},
    ),
    (
        "get",
        "/api/municipalities/{pk}/engagement",
        lambda c: f"/api/municipalities/{c.city_a.pk}/engagement",
        None,
        SIGNED_IN,
    ),
    (
        "post",
        "/api/municipalities/{pk}/engagement",
        lambda c: f"/api/municipalities/{c.city_a.pk}/engagement",
        lambda who: {"kind": "ccss", "started_on": "2024-01-01"},
        staff_only(CREATED),
    ),
    ("get", "/api/organizations", lambda c: "/api/organizations", None, ALL),
    (
        "get",
        "/api/organizations/{pk}",
        lambda c: f"/api/organizations/{c.org_a.pk}",
        None,
        ALL,
    ),
    (
        "post",
        "/api/organizations",
        lambda c: "/api/organizations",
        # A national organization: staff only (coordinators add to their own city, below).
        lambda who: {"name": f"Org {who}", "type": "police", "municipality_id": None},
        staff_only(CREATED),
    ),
    (
        "patch",
        "/api/organizations/{pk}",
        lambda c: f"/api/organizations/{c.org_a.pk}",
        lambda who: {"website": "https://a.ca"},
        {**staff_only(), "coordinator_a": OK},
    ),
    ("get", "/api/people", lambda c: "/api/people", None, SIGNED_IN),
    (
        "get",
        "/api/people/{pk}",
        lambda c: f"/api/people/{c.person_a.pk}",
        None,
        {**staff_only(), "participant": OK},
    ),
    (
        "post",
        "/api/people",
        lambda c: "/api/people",
        lambda who: {"first_name": "A", "last_name": who, "position_type": "police"},
        staff_only(CREATED),
    ),
    (
        "patch",
        "/api/people/{pk}",
        lambda c: f"/api/people/{c.person_a.pk}",
        lambda who: {"title": "Chief"},
        staff_only(),
    ),
]

# Each capability lists its own endpoints as API_MATRIX (same shape) in
# prevnet/<app>/tests/access_matrix.py, beside its pages' MATRIX.
for _module in app_matrices():
    MATRIX.extend(getattr(_module, "API_MATRIX", []))


def test_the_openapi_document_lists_every_endpoint_and_the_matrix_covers_them(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    documented = {(method, path) for path, operations in paths.items() for method in operations}
    assert documented == {(method, path) for method, path, *_rest in MATRIX}
    assert client.get("/api/docs").status_code == 200


@pytest.mark.parametrize("line", MATRIX, ids=[f"{m} {p}" for m, p, *_r in MATRIX])
def test_access(api_cast, line):
    method, _path, url_of, body_of, expected = line
    url = url_of(api_cast)
    got = {}
    for who in ROLES:
        body = body_of(who) if body_of else None
        got[who] = send(api_cast.client(who), method, url, body).status_code
    assert got == expected, f"{method} {url}: {got}"


# Anonymous callers are told to log in before anything is looked up, so a 404 or 403 never
# tells them which records exist.
@pytest.mark.parametrize(
    "method, url, body",
    [
        ("get", "/api/people/999999", None),
        ("patch", "/api/people/999999", {"title": "x"}),
        ("patch", "/api/municipalities/999999", {"population": 1}),
        ("patch", "/api/organizations/999999", {"name": "x"}),
        ("get", "/api/municipalities/999999/engagement", None),
        (
            "post",
            "/api/municipalities/999999/engagement",
            {"kind": "ccss", "started_on": "2024-01-01"},
        ),
    ],
)
def test_anonymous_gets_401_even_for_missing_records(db, client, method, url, body):
    assert send(client, method, url, body).status_code == UNAUTH


@pytest.mark.parametrize(
    "url",
    [
        "/api/municipalities/999999",
        "/api/organizations/999999",
        "/api/people/999999",
        "/api/municipalities/999999/engagement",
        "/api/regions/atlantis",
        "/api/provinces/zz",
    ],
)
def test_missing_records_are_404(cast, url):
    response = cast.client("staff").get(url)
    assert response.status_code == MISSING
    assert response["Content-Type"].startswith("application/json")


def test_people_list_shows_only_what_the_role_may_see(api_cast):
    secret = Person.objects.create(
        first_name="Secret", last_name="Person", email="secret@example.org", position_type="police"
    )
    staff = api_cast.client("staff").get("/api/people").json()
    assert staff["count"] == 2
    mine = api_cast.client("participant").get("/api/people").json()
    assert [p["id"] for p in mine["items"]] == [api_cast.person_a.pk]
    for who in ("coordinator_a", "coordinator_b", "observer"):
        assert api_cast.client(who).get("/api/people").json() == {"items": [], "count": 0}
    # Names and e-mails appear nowhere else: not in any other endpoint's answer.
    for who in ROLES:
        if who == "staff":
            continue
        client = api_cast.client(who)
        for url in ("/api/municipalities", "/api/organizations", f"/api/people/{secret.pk}"):
            content = client.get(url).content.decode()
            assert "secret@example.org" not in content and "Secret" not in content


def test_coordinator_adds_organizations_to_own_city_only(api_cast):
    client = api_cast.client("coordinator_a")
    body = {"name": "Youth centre", "type": "community"}
    mine = send(
        client, "post", "/api/organizations", {**body, "municipality_id": api_cast.city_a.pk}
    )
    assert mine.status_code == CREATED, mine.content
    theirs = {**body, "municipality_id": api_cast.city_b.pk}
    assert send(client, "post", "/api/organizations", theirs).status_code == DENIED
    other = api_cast.client("coordinator_b")
    assert (
        send(
            other, "patch", f"/api/organizations/{api_cast.org_a.pk}", {"name": "Mine"}
        ).status_code
        == DENIED
    )


def test_coordinator_cannot_change_network_fields(cast):
    response = send(
        cast.client("coordinator_a"),
        "patch",
        f"/api/municipalities/{cast.city_a.pk}",
        {"csd_code": "3599999", "population": 5},
    )
    assert response.status_code == DENIED
    assert "csd_code" in response.json()["detail"]
    cast.city_a.refresh_from_db()
    assert cast.city_a.population == 50000


def test_coordinator_cannot_move_organization_away(api_cast):
    url = f"/api/organizations/{api_cast.org_a.pk}"
    for destination in (api_cast.city_b.pk, None):
        response = send(
            api_cast.client("coordinator_a"), "patch", url, {"municipality_id": destination}
        )
        assert response.status_code == DENIED
    api_cast.org_a.refresh_from_db()
    assert api_cast.org_a.municipality == api_cast.city_a
