"""The registry API: every endpoint for every role, bad input, tokens, history, query counts."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from conftest import ROLES
from prevnet.core.models import ApiToken
from prevnet.network.factories import MunicipalityFactory, OrganizationFactory
from prevnet.network.models import Municipality, Organization, Person

OK, CREATED, UNAUTH, DENIED = 200, 201, 401, 403
ALL = dict.fromkeys(ROLES, OK)
SIGNED_IN = {**ALL, "anonymous": UNAUTH}


def staff_only(ok=OK):
    return {**dict.fromkeys(ROLES, DENIED), "staff": ok, "anonymous": UNAUTH}


def post(client, url, data, method="post"):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def api_cast(cast):
    cast.org_a = OrganizationFactory(municipality=cast.city_a, name="Board A")
    return cast


# (method, url from the cast, body from the cast, expected per role)
MATRIX = [
    ("get", lambda c: "/api/regions", None, ALL),
    ("get", lambda c: "/api/provinces", None, ALL),
    ("get", lambda c: "/api/municipalities", None, ALL),
    ("get", lambda c: f"/api/municipalities/{c.city_a.pk}", None, ALL),
    (
        "post",
        lambda c: "/api/municipalities",
        lambda who: {
            "name": f"New {who}",
            "province": "ON",
            "csd_code": f"35990{ROLES.index(who):02d}",
        },
        staff_only(CREATED),
    ),
    (
        "patch",
        lambda c: f"/api/municipalities/{c.city_a.pk}",
        lambda who: {"population": 1000},
        {**staff_only(), "coordinator_a": OK},
    ),
    ("get", lambda c: f"/api/municipalities/{c.city_a.pk}/engagement", None, SIGNED_IN),
    (
        "post",
        lambda c: f"/api/municipalities/{c.city_a.pk}/engagement",
        lambda who: {"kind": "ccss", "started_on": "2024-01-01"},
        staff_only(CREATED),
    ),
    ("get", lambda c: "/api/organizations", None, ALL),
    ("get", lambda c: f"/api/organizations/{c.org_a.pk}", None, ALL),
    (
        "post",
        lambda c: "/api/organizations",
        lambda who: {"name": f"Org {who}", "type": "police", "municipality_id": None},
        staff_only(CREATED),
    ),
    (
        "patch",
        lambda c: f"/api/organizations/{c.org_a.pk}",
        lambda who: {"website": "https://a.ca"},
        {**staff_only(), "coordinator_a": OK},
    ),
    ("get", lambda c: "/api/people", None, SIGNED_IN),
    ("get", lambda c: f"/api/people/{c.person_a.pk}", None, {**staff_only(), "participant": OK}),
    (
        "post",
        lambda c: "/api/people",
        lambda who: {"first_name": "A", "last_name": who, "position_type": "police"},
        staff_only(CREATED),
    ),
    (
        "patch",
        lambda c: f"/api/people/{c.person_a.pk}",
        lambda who: {"title": "Chief"},
        staff_only(),
    ),
]


def test_every_endpoint_is_in_the_matrix(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    documented = {(m, p) for p, ops in paths.items() for m in ops}
    templates = {
        "/api/municipalities/{pk}",
        "/api/organizations/{pk}",
        "/api/people/{pk}",
        "/api/municipalities/{pk}/engagement",
    }
    expected_paths = {
        "/api/regions",
        "/api/provinces",
        "/api/municipalities",
        "/api/organizations",
        "/api/people",
    } | templates
    assert set(paths) == expected_paths
    assert len(documented) == len(MATRIX), "an endpoint without a line in MATRIX"


@pytest.mark.parametrize("index", range(len(MATRIX)))
def test_access(api_cast, index):
    method, url_of, body_of, expected = MATRIX[index]
    url = url_of(api_cast)
    got = {}
    for who in ROLES:
        client = api_cast.client(who)
        if body_of is None:
            got[who] = client.get(url).status_code
        else:
            got[who] = post(client, url, body_of(who), method).status_code
    assert got == expected, f"{method} {url}: {got}"


def test_people_list_shows_only_what_the_role_may_see(api_cast):
    Person.objects.create(first_name="Secret", last_name="Person", position_type="police")
    staff = api_cast.client("staff").get("/api/people").json()
    assert staff["count"] == 2
    mine = api_cast.client("participant").get("/api/people").json()
    assert [p["id"] for p in mine["items"]] == [api_cast.person_a.pk]
    assert api_cast.client("coordinator_a").get("/api/people").json()["count"] == 0


def test_filters(api_cast):
    api_cast.city_b.membership_status = "member"
    api_cast.city_b.save()
    client = Client()
    names = lambda q: [m["name"] for m in client.get("/api/municipalities", q).json()["items"]]  # noqa: E731
    assert names({"membership": "member"}) == ["Betaburg"]
    assert names({"province": "on"}) == ["Alphaville", "Betaburg"]
    assert names({"province": "QC"}) == []
    assert names({"region": "quebec"}) == []
    assert names({"q": "alpha"}) == ["Alphaville"]
    assert names({"engaged_in_ccss": "true"}) == []


@pytest.fixture
def staff_token(cast):
    _token, raw = ApiToken.issue(cast.users["staff"], "script")
    return raw


def test_bearer_token(cast, staff_token):
    client = Client()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {staff_token}"}
    response = client.post(
        "/api/municipalities",
        json.dumps({"name": "Kingston", "province": "ON", "csd_code": "3510010"}),
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 201, response.content
    assert response.json()["province"] == "ON"
    # The history records the token's owner.
    record = Municipality.objects.get(csd_code="3510010").history.get()
    assert record.history_user == cast.users["staff"]


def test_revoked_or_wrong_token_is_refused(cast, staff_token):
    from django.utils import timezone

    ApiToken.objects.update(revoked_at=timezone.now())
    client = Client()
    response = client.get("/api/people", HTTP_AUTHORIZATION=f"Bearer {staff_token}")
    assert response.status_code == 401
    assert client.get("/api/regions", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401


def test_participant_token_cannot_create(cast):
    _token, raw = ApiToken.issue(cast.users["participant"], "mine")
    response = Client().post(
        "/api/municipalities",
        json.dumps({"name": "X", "province": "ON", "csd_code": "3510010"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 403


def test_session_writes_need_csrf(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.users["staff"])
    response = post(client, f"/api/municipalities/{cast.city_a.pk}", {"population": 5}, "patch")
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()


def test_coordinator_cannot_change_network_fields(cast):
    response = post(
        cast.client("coordinator_a"),
        f"/api/municipalities/{cast.city_a.pk}",
        {"csd_code": "3599999", "population": 5},
        "patch",
    )
    assert response.status_code == 403
    assert "csd_code" in response.json()["detail"]
    cast.city_a.refresh_from_db()
    assert cast.city_a.population == 50000


def test_coordinator_cannot_move_organization_away(api_cast):
    response = post(
        api_cast.client("coordinator_a"),
        f"/api/organizations/{api_cast.org_a.pk}",
        {"municipality_id": api_cast.city_b.pk},
        "patch",
    )
    assert response.status_code == 403
    assert Organization.objects.get(pk=api_cast.org_a.pk).municipality == api_cast.city_a


@pytest.mark.parametrize(
    "body, field",
    [
        ({"name": "X", "province": "ON"}, "csd_code"),
        ({"name": "X", "province": "ZZ", "csd_code": "3510010"}, "province"),
        ({"name": "X", "province": "QC", "csd_code": "3510010"}, "csd_code"),
        ({"name": "X", "province": "ON", "csd_code": "3500001"}, "csd_code"),  # duplicate
        ({"name": "X", "province": "ON", "csd_code": "35100"}, "csd_code"),
        ({"name": "X\x00", "province": "ON", "csd_code": "3510010"}, "name"),
        ({"name": "x" * 10_000, "province": "ON", "csd_code": "3510010"}, "name"),
        (
            {"name": "X", "province": "ON", "csd_code": "3510010", "population": "many"},
            "population",
        ),
        ({"name": "X", "province": "ON", "csd_code": "3510010", "latitude": 95}, "latitude"),
        (
            {
                "name": "X",
                "province": "ON",
                "csd_code": "3510010",
                "joined_on": "2020-13-01",
                "membership_status": "member",
            },
            "joined_on",
        ),
        (
            {"name": "X", "province": "ON", "csd_code": "3510010", "joined_on": "2020-01-01"},
            "joined_on",
        ),
        (
            {"name": "X", "province": "ON", "csd_code": "3510010", "website": "javascript:x"},
            "website",
        ),
    ],
)
def test_bad_input_is_422_naming_the_field(cast, body, field):
    before = Municipality.objects.count()
    response = post(cast.client("staff"), "/api/municipalities", body)
    assert response.status_code == 422, response.content
    assert field in response.content.decode()
    assert Municipality.objects.count() == before


def test_not_json_is_a_clear_error(cast):
    response = cast.client("staff").post(
        "/api/municipalities", "{not json", content_type="application/json"
    )
    assert response.status_code in (400, 422)


def test_missing_object_is_404(cast):
    assert cast.client("staff").get("/api/municipalities/999999").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_list_queries_do_not_grow(db, count, django_assert_num_queries):
    MunicipalityFactory.create_batch(count)
    # The count and one page of rows with province, region and engagement.
    with django_assert_num_queries(2):
        assert Client().get("/api/municipalities").json()["count"] == count


def test_openapi_documents_token_auth(client, db):
    schemes = client.get("/api/openapi.json").json()["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    assert client.get("/api/docs").status_code == 200
