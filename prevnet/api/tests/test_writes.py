"""Creating and updating through the API: what is stored, who is recorded, how many queries."""

from __future__ import annotations

import pytest
from django.test import Client

from prevnet.api.tests.conftest import bearer, send
from prevnet.network.factories import (
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    province,
)
from prevnet.network.models import EngagementEvent, Municipality, Organization, Person


def test_create_and_update_a_municipality(cast):
    client = cast.client("staff")
    body = {
        "name": "Lévis",
        "province": "qc",
        "csd_code": "2425213",
        "population": 149683,
        "population_year": 2021,
        "latitude": 46.803283,
        "longitude": -71.177891,
        "website": "https://www.ville.levis.qc.ca",
        "membership_status": "member",
        "joined_on": "2015-02-01",
    }
    response = send(client, "post", "/api/municipalities", body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["province"] == "QC" and created["region"] == "quebec"
    assert created["latitude"] == 46.80328
    assert created["engaged_in_ccss"] is False
    assert response.json()["website"].startswith("https://www.ville.levis.qc.ca")
    url = f"/api/municipalities/{created['id']}"
    response = send(client, "patch", url, {"population": 150000, "website": None})
    assert response.status_code == 200, response.content
    assert response.json()["population"] == 150000
    assert response.json()["website"] == ""  # null clears it
    assert response.json()["name"] == "Lévis"  # what was not sent is kept
    assert client.get(url).json() == response.json()


def test_engagement_shows_in_the_municipality(cast):
    client = cast.client("staff")
    url = f"/api/municipalities/{cast.city_a.pk}/engagement"
    response = send(client, "post", url, {"kind": "ccss", "started_on": "2020-01-01"})
    assert response.status_code == 201, response.content
    assert response.json()["ended_on"] is None and response.json()["note"] == ""
    assert [e["kind"] for e in client.get(url).json()] == ["ccss"]
    assert client.get(f"/api/municipalities/{cast.city_a.pk}").json()["engaged_in_ccss"] is True
    listed = client.get("/api/municipalities", {"engaged_in_ccss": "true"}).json()
    assert [m["name"] for m in listed["items"]] == ["Alphaville"]


def test_create_and_update_an_organization_and_a_person(api_cast):
    client = api_cast.client("staff")
    org = send(
        client,
        "post",
        "/api/organizations",
        {"name": "Police A", "type": "police", "municipality_id": api_cast.city_a.pk},
    )
    assert org.status_code == 201, org.content
    org_id = org.json()["id"]
    moved = send(client, "patch", f"/api/organizations/{org_id}", {"municipality_id": None})
    assert moved.json()["municipality_id"] is None
    person = send(
        client,
        "post",
        "/api/people",
        {
            "first_name": "Élise",
            "last_name": "Tremblay",
            "email": "elise@example.org",
            "position_type": "police",
            "organization_id": org_id,
            "language": "fr",
        },
    )
    assert person.status_code == 201, person.content
    assert person.json()["organization_id"] == org_id
    url = f"/api/people/{person.json()['id']}"
    changed = send(client, "patch", url, {"title": "Inspector", "email": None})
    assert changed.json()["title"] == "Inspector" and changed.json()["email"] == ""


def test_filters_match_the_web_list(cast):
    cast.city_b.membership_status = "member"
    cast.city_b.save()
    MunicipalityFactory(name="Gamma", csd_code="2400001", province=province("QC"))
    client = Client()

    def names(params):
        return [m["name"] for m in client.get("/api/municipalities", params).json()["items"]]

    assert names({"membership": "member"}) == ["Betaburg"]
    assert names({"province": "on"}) == ["Alphaville", "Betaburg"]
    assert names({"province": "QC"}) == ["Gamma"]
    assert names({"province": "ZZ"}) == []
    assert names({"region": "quebec"}) == ["Gamma"]
    assert names({"region": "atlantis"}) == []
    assert names({"q": "alpha"}) == ["Alphaville"]
    assert names({"q": "24"}) == ["Gamma"]  # the start of the code
    assert names({"engaged_in_ccss": "false", "province": "ON"}) == ["Alphaville", "Betaburg"]
    page = client.get("/api/municipalities", {"limit": 1, "offset": 1}).json()
    assert page["count"] == 3 and [m["name"] for m in page["items"]] == ["Betaburg"]


def test_organization_and_people_filters(api_cast):
    OrganizationFactory(name="Police B", type="police", municipality=api_cast.city_b)
    PersonFactory(last_name="Zed", position_type="councillor", municipality=api_cast.city_b)
    client = api_cast.client("staff")

    def ids(url, params):
        return [
            row["name" if "org" in url else "last_name"]
            for row in client.get(url, params).json()["items"]
        ]

    assert ids("/api/organizations", {"type": "police"}) == ["Police B"]
    assert ids("/api/organizations", {"municipality_id": api_cast.city_a.pk}) == ["Board A"]
    assert ids("/api/organizations", {"q": "board"}) == ["Board A"]
    assert ids("/api/people", {"position": "councillor"}) == ["Zed"]
    assert ids("/api/people", {"municipality_id": api_cast.city_b.pk}) == ["Zed"]


# --- who changed what ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, method, url, body, model",
    [
        (
            "staff",
            "post",
            "/api/municipalities",
            {"name": "K", "province": "ON", "csd_code": "3510010"},
            Municipality,
        ),
        ("coordinator_a", "patch", "{city}", {"population": 7}, Municipality),
        (
            "staff",
            "post",
            "{city}/engagement",
            {"kind": "exchanging", "started_on": "2023-03-01"},
            EngagementEvent,
        ),
        (
            "coordinator_a",
            "post",
            "/api/organizations",
            {"name": "N", "type": "health", "municipality_id": "CITY"},
            Organization,
        ),
        ("coordinator_a", "patch", "{org}", {"name": "Renamed"}, Organization),
        (
            "staff",
            "post",
            "/api/people",
            {"first_name": "A", "last_name": "B", "position_type": "police"},
            Person,
        ),
        ("staff", "patch", "{person}", {"title": "Chief"}, Person),
    ],
)
def test_history_records_the_api_user(api_cast, who, method, url, body, model):
    city = f"/api/municipalities/{api_cast.city_a.pk}"
    url = url.format(
        city=city,
        org=f"/api/organizations/{api_cast.org_a.pk}",
        person=f"/api/people/{api_cast.person_a.pk}",
    )
    body = {k: (api_cast.city_a.pk if v == "CITY" else v) for k, v in body.items()}
    response = send(api_cast.client(who), method, url, body)
    assert response.status_code in (200, 201), response.content
    record = model.history.filter(id=response.json()["id"]).latest("history_date")
    assert record.history_user == api_cast.users[who]
    assert record.history_type == ("+" if method == "post" else "~")


def test_history_records_the_token_owner(cast, staff_token):
    body = {"name": "Kingston", "province": "ON", "csd_code": "3510010"}
    response = send(Client(), "post", "/api/municipalities", body, **bearer(staff_token))
    assert response.status_code == 201, response.content
    record = Municipality.objects.get(csd_code="3510010").history.get()
    assert record.history_user == cast.users["staff"]


def test_refused_writes_leave_no_history(cast):
    before = Municipality.history.count()
    url = f"/api/municipalities/{cast.city_a.pk}"
    send(cast.client("staff"), "patch", url, {"province": "QC"})
    send(cast.client("coordinator_b"), "patch", url, {"population": 1})
    assert Municipality.history.count() == before


# --- no query per row ----------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 30])
def test_municipality_list_queries_do_not_grow(db, count, django_assert_num_queries):
    cities = MunicipalityFactory.create_batch(count)
    EngagementEvent.objects.create(municipality=cities[0], kind="ccss", started_on="2020-01-01")
    # The count, then one page of rows with their province, region and engagement.
    with django_assert_num_queries(2):
        assert Client().get("/api/municipalities").json()["count"] == count


@pytest.mark.parametrize("count", [3, 30])
def test_organization_and_people_lists_do_not_grow(
    cast, count, django_assert_num_queries, staff_token
):
    for city in MunicipalityFactory.create_batch(count):
        org = OrganizationFactory(municipality=city)
        PersonFactory(municipality=city, organization=org)
    with django_assert_num_queries(2):
        assert Client().get("/api/organizations").json()["count"] == count
    # The token look-up and its last-used stamp, then the count and one page.
    with django_assert_num_queries(4):
        assert Client().get("/api/people", **bearer(staff_token)).json()["count"] == count + 1
