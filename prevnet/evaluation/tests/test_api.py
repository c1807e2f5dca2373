"""The read-only evaluation API: the dashboard's figures against their targets, the indicator's
breakdowns, for signed-in users only; bad input, hostile strings, the number of queries.

The programme here is 2020-04-01 to 2023-03-31 (conftest.py): year 1 ends 2021-03-31.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prevnet.evaluation import seed
from prevnet.evaluation.models import EnteredValue, Indicator
from prevnet.network.factories import MunicipalityFactory, UserFactory, province
from prevnet.programs.models import MunicipalProgram

pytestmark = pytest.mark.django_db

URL = "/api/evaluation/indicators"


def fostered(city, day: dt.date, mainstreamed=False) -> MunicipalProgram:
    return MunicipalProgram.objects.create(
        municipality=city,
        name=f"Program {MunicipalProgram.objects.count()}",
        started_on=day,
        fostered_by_programme=True,
        is_mainstreamed=mainstreamed,
    )


@pytest.fixture
def figures(cast):
    """Two fostered programs in Ontario in year 1 (one mainstreamed), one in Québec in year 2,
    one not fostered; three publications entered for year 1."""
    seed.load()
    quebec = MunicipalityFactory(name="Québec", province=province("QC"), csd_code="2423027")
    fostered(cast.city_a, dt.date(2020, 6, 1))
    fostered(cast.city_b, dt.date(2021, 1, 15), mainstreamed=True)
    fostered(quebec, dt.date(2021, 6, 1))
    MunicipalProgram.objects.create(
        municipality=cast.city_a, name="Not ours", started_on=dt.date(2020, 6, 1)
    )
    EnteredValue.objects.create(
        indicator=Indicator.objects.get(code="publications"),
        year=1,
        value=3,
        evidence_link="https://example.org/brief",
        note="Secretnote",
        entered_by=UserFactory(username="secretuser", first_name="Secretname"),
    )
    return quebec


def by_code(response) -> dict:
    assert response.status_code == 200, response.content
    return {i["code"]: i for i in response.json()}


def test_indicators_against_their_targets(cast, figures):
    got = by_code(cast.client("observer").get(URL))
    assert list(got) == [i.code for i in Indicator.objects.order_by("item__order", "order", "pk")]
    programs = got["additional-programs"]
    assert programs["period"] == {
        "year": None,
        "value": 3,
        "target": 30,
        "percent": 10,
        "state": None,
        "state_label": None,
    }
    assert [(c["year"], c["value"]) for c in programs["years"]] == [
        (1, 2),
        (2, 1),
        (3, 0),
        (None, 3),
    ]
    assert programs["computed"] and programs["name"].startswith("Additional preventive")
    publications = got["publications"]
    assert not publications["computed"] and publications["period"]["value"] == 3
    assert publications["years"][1]["state"] == "no_data"
    assert publications["years"][1]["state_label"] == "no value entered"
    sensitized = got["stakeholders-sensitized"]
    assert sensitized["years"][0]["target"] == 500  # the year 1 target


def test_a_year_and_a_place(cast, figures):
    client = cast.client("coordinator_a")
    year1 = by_code(client.get(URL + "?year=1"))["additional-programs"]["period"]
    assert (year1["year"], year1["value"], year1["target"]) == (1, 2, None)
    quebec = by_code(client.get(URL + "?region=quebec"))["additional-programs"]["period"]
    assert quebec["value"] == 1
    ontario = by_code(client.get(URL + "?province=on&year=2"))["additional-programs"]["period"]
    assert ontario["value"] == 0


def test_an_indicator_with_its_breakdowns(cast, figures):
    indicator = Indicator.objects.get(code="additional-programs")
    got = cast.client("observer").get(f"{URL}/{indicator.pk}?year=1")
    assert got.status_code == 200, got.content
    body = got.json()
    assert body["period"]["value"] == 2 and body["result"]
    breakdowns = {b["dimension"]: b for b in body["breakdowns"]}
    assert [(v["label"], v["value"]) for v in breakdowns["kind"]["values"]] == [
        ("Preventive programs", 1),
        ("Mainstreamed actions", 1),
    ]
    assert breakdowns["region"]["label"] == "By region"
    assert [(v["label"], v["value"]) for v in breakdowns["province"]["values"]] == [("Ontario", 2)]
    french = cast.client("observer").get(f"{URL}/{indicator.pk}", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["name"].startswith("Programmes de prévention")
    labels = {b["dimension"]: b["label"] for b in french["breakdowns"]}
    assert labels["region"] == "Par région"


def test_an_entered_indicator_shows_no_one(cast, figures):
    """Who entered a value, their note and evidence are the staff pages' business."""
    indicator = Indicator.objects.get(code="publications")
    for who in ("staff", "observer"):
        got = cast.client(who).get(f"{URL}/{indicator.pk}")
        assert got.status_code == 200
        assert got.json()["breakdowns"] is None
        assert got.json()["how_obtained"] == "Entered by staff, with evidence"
        text = got.content.decode() + cast.client(who).get(URL).content.decode()
        assert "Secret" not in text and "secretuser" not in text and "example.org" not in text


def test_every_signed_in_role_sees_the_same_aggregates(cast, figures):
    """The dashboard shows signed-in users the same figures whatever their role (it hides no
    small counts), and so does the API."""
    staff = cast.client("staff").get(URL + "?year=1").json()
    for who in ("coordinator_a", "participant", "observer"):
        assert cast.client(who).get(URL + "?year=1").json() == staff


def test_anonymous_must_sign_in_before_anything_is_looked_up(client, figures):
    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}/{Indicator.objects.first().pk}").status_code == 401
    assert client.get(f"{URL}/999999").status_code == 401


def test_a_missing_indicator_is_404(cast, figures):
    response = cast.client("observer").get(f"{URL}/999999")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    "query, field",
    [
        ("year=0", "year"),
        ("year=4", "year"),
        ("year=one", "year"),
        ("year=99999999999999999999999", "year"),
        ("region=atlantis", "region"),
        ("region=" + "x" * 21, "region"),
        ("province=ZZ", "province"),
        ("province=ONT", "province"),
        ("province=%27%3B--", "province"),
        ("region=%27%20OR%20%271%27%3D%271", "region"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(cast, figures, query, field):
    indicator = Indicator.objects.get(code="additional-programs")
    for url in (URL, f"{URL}/{indicator.pk}"):
        response = cast.client("observer").get(url + "?" + query)
        assert response.status_code == 422, (url, response.content)
        assert field in str(response.json()["detail"])


def test_hostile_ids_and_nul(cast, figures):
    client = cast.client("observer")
    assert client.get(f"{URL}/{2**63}").status_code in (404, 422)
    assert client.get(f"{URL}/0").status_code == 422
    assert client.get(f"{URL}/1%20OR%201=1").status_code == 404  # not an id: no route
    assert client.get(URL + "?region=a%00b").status_code == 400  # refused before the API


def test_the_number_of_queries_does_not_grow_with_the_data(cast, figures):
    client = cast.client("observer")
    indicator = Indicator.objects.get(code="additional-programs")

    def count(url) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count(URL + "?region=ontario"), count(f"{URL}/{indicator.pk}?province=ON")
    for n in range(10):
        city = MunicipalityFactory(csd_code=f"35001{n:02d}")
        fostered(city, dt.date(2020 + n % 3, 5, 1), mainstreamed=n % 2 == 0)
        EnteredValue.objects.create(
            indicator=Indicator.objects.get(code="publications"),
            year=1 + n % 3,
            value=1,
            evidence_link="https://example.org",
        )
    after = count(URL + "?region=ontario"), count(f"{URL}/{indicator.pk}?province=ON")
    assert after == before
    assert by_code(client.get(URL))["additional-programs"]["period"]["value"] == 13
