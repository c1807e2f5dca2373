"""The read-only activities API: what each role sees, the filters, peer matches, bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from prevnet.activities.models import Exchange, TrainingModule
from prevnet.activities.tests.factories import ActivityFactory, RegistrationFactory
from prevnet.knowledge.models import Program, Topic
from prevnet.network.factories import MunicipalityFactory, PersonFactory, province
from prevnet.network.models import EngagementEvent
from prevnet.programs.models import MunicipalProgram

pytestmark = pytest.mark.django_db

URL = "/api/activities/"


@pytest.fixture
def activities(cast):
    quebec = MunicipalityFactory(name="Québec", province=province("QC"), csd_code="2423027")
    workshop = ActivityFactory(
        title="Workshop in Ontario",
        starts_on=dt.date(2025, 6, 1),
        place=cast.city_a,
        region=cast.city_a.province.region,
    )
    module, _c = TrainingModule.objects.get_or_create(subject="planning")
    training = ActivityFactory(
        type="training",
        title="Training online",
        starts_on=dt.date(2026, 5, 1),
        place=None,
        online=True,
        module=module,
    )
    visit = ActivityFactory(
        type="exchange",
        title="Québec visits",
        starts_on=dt.date(2025, 9, 1),
        place=cast.city_a,
        published=False,
        region=quebec.province.region,
    )
    Exchange.objects.create(activity=visit, visiting=quebec, host=cast.city_a, status="approved")
    RegistrationFactory(activity=workshop, person=PersonFactory(first_name="Secretname"))
    return workshop, training, visit


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [a["title"] for a in response.json()["items"]]


def test_public_sees_published_activities_and_no_people(client, cast, activities):
    got = client.get(URL)
    assert titles(got) == ["Training online", "Workshop in Ontario"]  # newest first
    assert "Secretname" not in got.content.decode()
    signed_in = cast.client("observer").get(URL)
    assert titles(signed_in) == ["Training online", "Québec visits", "Workshop in Ontario"]
    assert "Secretname" not in cast.client("staff").get(URL).content.decode()


def test_filters(cast, activities, settings):
    settings.PREVNET_PROGRAMME_START = "2025-04-01"
    client = cast.client("staff")
    assert titles(client.get(URL + "?type=training")) == ["Training online"]
    assert titles(client.get(URL + "?region=quebec")) == ["Québec visits"]
    assert titles(client.get(URL + "?region=atlantis")) == []  # unknown: nothing, as on the web
    assert titles(client.get(URL + "?year=2")) == ["Training online"]
    assert titles(client.get(URL + "?starts_from=2025-09-01&starts_until=2026-04-30")) == [
        "Québec visits"
    ]
    assert client.get(URL + "?limit=1").json()["count"] == 3


@pytest.mark.parametrize(
    "query, field",
    [
        ("type=party", "type"),
        ("year=9", "year"),
        ("starts_from=yesterday", "starts_from"),
        ("region=" + "x" * 21, "region"),
        ("limit=100000", "limit"),
    ],
)
def test_bad_filters_are_422_naming_the_field(cast, query, field):
    response = cast.client("staff").get(URL + "?" + query)
    assert response.status_code == 422
    assert field in str(response.json()["detail"])


def test_nul_is_refused_before_the_api_naming_the_parameter(cast):
    response = cast.client("staff").get(URL + "?region=a%00b")
    assert response.status_code == 400 and "region" in response.content.decode()


def test_hostile_text_is_only_a_value(cast, activities):
    response = cast.client("staff").get(URL + "?region=%3Cscript%3E")
    assert titles(response) == []


def test_detail_of_an_exchange_and_a_training(cast, client, activities):
    workshop, training, visit = activities
    got = cast.client("participant").get(f"{URL}{visit.pk}").json()
    assert got["exchange"]["visiting"] == {
        "id": visit.exchange.visiting_id,
        "name": "Québec",
        "province": "QC",
    }
    assert got["exchange"]["status"] == "approved" and got["region"] == "quebec"
    assert client.get(f"{URL}{visit.pk}").status_code == 401  # unpublished: sign in first
    detail = client.get(f"{URL}{training.pk}").json()
    assert (detail["module"], detail["place"], detail["exchange"]) == ("planning", None, None)
    assert client.get(f"{URL}999999").status_code == 404


def test_matches_for_a_municipality(cast, client):
    youth = Topic.objects.get(slug="youth-gang-violence")
    program = Program.objects.create(
        slug="fourth-r", name_en="the Fourth R", name_fr="Quatrième R", strength="promising"
    )
    program.topics.add(youth)
    mentor = MunicipalityFactory(
        name="Mentorville", csd_code="3590001", latitude=Decimal("45.0"), longitude=Decimal("-80.7")
    )
    MunicipalProgram.objects.create(municipality=mentor, name="Fourth R", knowledge_program=program)
    EngagementEvent.objects.create(municipality=mentor, kind="ccss", started_on=dt.date(2020, 1, 1))
    from prevnet.activities.models import LearningProfile

    LearningProfile.objects.create(municipality=cast.city_a).topics.add(youth)
    url = f"{URL}matching/{cast.city_a.pk}"
    got = cast.client("observer").get(url + "?limit=2")
    assert got.status_code == 200, got.content
    best = got.json()[0]
    assert best["municipality"] == {"id": mentor.pk, "name": "Mentorville", "province": "ON"}
    assert set(best["parts"]) == {"expertise", "similarity", "distance", "language", "mentoring"}
    assert best["reasons"] and best["score"] > 0
    assert len(got.json()) == 2
    assert client.get(url).status_code == 401
    assert cast.client("observer").get(f"{URL}matching/999999").status_code == 404
    assert client.get(f"{URL}matching/999999").status_code == 401  # nothing learned, not even 404
    assert cast.client("observer").get(url + "?limit=0").status_code == 422
