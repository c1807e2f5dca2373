"""The read-only programs API: the registry for everyone, the web list's filters, bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prevnet.knowledge.models import Program, Topic
from prevnet.network.factories import MunicipalityFactory, OrganizationFactory, province
from prevnet.programs.models import Funding, MunicipalProgram

pytestmark = pytest.mark.django_db

URL = "/api/programs/"


@pytest.fixture
def programs(cast):
    quebec = MunicipalityFactory(name="Québec", province=province("QC"), csd_code="2423027")
    kb = Program.objects.create(slug="fourth-r", name_en="the Fourth R", name_fr="Quatrième R")
    outreach = MunicipalProgram.objects.create(
        municipality=cast.city_a,
        name="Youth outreach",
        priority_problem="Youth and gang violence",
        knowledge_program=kb,
        started_on=dt.date(2025, 9, 1),
        evaluation_status="process",
        fostered_by_programme=True,
        indicators="Youth contacted\n\nReferrals made",
    )
    Funding.objects.create(program=outreach, funder_type="federal", amount="180000", year=2025)
    Funding.objects.create(program=outreach, funder_type="municipal", amount="60000.50")
    outreach.partners.add(OrganizationFactory(municipality=cast.city_a, name="Youth Bureau"))
    outreach.topics.add(Topic.objects.get(slug="youth-gang-violence"))
    lights = MunicipalProgram.objects.create(
        municipality=quebec, name="Lumières", is_mainstreamed=True
    )
    return outreach, lights


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [p["name"] for p in response.json()["items"]]


def test_anyone_reads_the_registry_with_real_values(client, programs):
    outreach, lights = programs
    got = client.get(URL)
    assert names(got) == ["Youth outreach", "Lumières"]  # by municipality, then name
    first = got.json()["items"][0]
    assert first["municipality"] == {
        "id": outreach.municipality_id,
        "name": "Alphaville",
        "province": "ON",
    }
    assert first["knowledge_program"] == "fourth-r"
    assert first["evaluation_status"] == "process" and first["fostered_by_programme"] is True
    assert float(first["total_funding"]) == 240000.50
    assert first["url"] == outreach.get_absolute_url()
    assert got.json()["items"][1]["total_funding"] is None  # no funding known


def test_detail(client, programs):
    outreach, _lights = programs
    got = client.get(f"{URL}{outreach.pk}")
    assert got.status_code == 200, got.content
    body = got.json()
    assert body["indicators"] == ["Youth contacted", "Referrals made"]
    assert [p["name"] for p in body["partners"]] == ["Youth Bureau"]
    assert body["topics"] == ["youth-gang-violence"]
    assert sorted(float(f["amount"]) for f in body["fundings"]) == [60000.5, 180000.0]
    assert float(body["total_funding"]) == 240000.50 and body["logic_models"] == []
    assert client.get(f"{URL}999999").status_code == 404
    assert client.get(f"{URL}{2**63}").status_code in (404, 422)


def test_filters_as_on_the_web_list(cast, programs):
    client = cast.client("observer")
    assert names(client.get(URL + "?region=quebec")) == ["Lumières"]
    assert names(client.get(URL + "?region=QUEBEC")) == ["Lumières"]
    assert names(client.get(URL + "?province=on")) == ["Youth outreach"]
    assert names(client.get(URL + "?q=gang")) == ["Youth outreach"]
    assert names(client.get(URL + "?q=qu%C3%A9bec")) == ["Lumières"]
    assert names(client.get(URL + "?evaluation=process")) == ["Youth outreach"]
    assert names(client.get(URL + "?fostered=no")) == ["Lumières"]
    assert names(client.get(URL + "?fostered=yes&province=QC")) == []
    assert client.get(URL + "?limit=1").json()["count"] == 2


@pytest.mark.parametrize(
    "query, field",
    [
        ("region=atlantis", "region"),
        ("province=ZZ", "province"),
        ("province=ONT", "province"),
        ("evaluation=excellent", "evaluation"),
        ("fostered=maybe", "fostered"),
        ("q=" + "x" * 101, "q"),
        ("limit=100000", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_bad_filters_are_422_naming_the_field(cast, query, field):
    response = cast.client("staff").get(URL + "?" + query)
    assert response.status_code == 422, response.content
    assert field in str(response.json()["detail"])


def test_an_unknown_region_is_explained_in_french(cast):
    response = cast.client("staff").get(URL + "?region=atlantis", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 422
    assert "valide" in str(response.json()["detail"])


def test_hostile_strings_are_only_values(client, programs):
    for q in ("'; DROP TABLE programs_municipalprogram; --", "%' OR 1=1 --", "<script>"):
        assert names(client.get(URL, {"q": q})) == []
    assert client.get(URL, {"region": "' OR '1'='1"}).status_code == 422
    assert client.get(URL + "?q=a%00b").status_code == 400  # refused before the API
    assert MunicipalProgram.objects.count() == 2


def test_the_number_of_queries_does_not_grow_with_the_programs(client, programs):
    def count(url) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    outreach, _lights = programs
    few, detail = count(URL), count(f"{URL}{outreach.pk}")
    for n in range(5):
        program = MunicipalProgram.objects.create(
            municipality=MunicipalityFactory(csd_code=f"350010{n}"), name=f"P{n}"
        )
        Funding.objects.create(program=program, funder_type="other", amount=n)
        Funding.objects.create(program=outreach, funder_type="other", amount=n)
        outreach.partners.add(OrganizationFactory(municipality=outreach.municipality))
    assert count(URL) == few
    assert count(f"{URL}{outreach.pk}") == detail
