"""The community data JSON API: values and symbols, validation, query counts, language."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prevnet.communitydata.models import Geography, GeoLevel, Observation, Table, TableKind
from prevnet.communitydata.tests.builders import Crime, census, flat, geography
from prevnet.network.factories import MunicipalityFactory

BASE = "/api/data/municipalities"


@pytest.fixture
def data(cast):
    crime = Crime()
    a, b = geography(cast.city_a), geography(cast.city_b)
    province = geography(level=GeoLevel.PROVINCE, province=cast.city_a.province, name="Ontario")
    canada = geography(level=GeoLevel.COUNTRY, name="Canada")
    crime.rates(a, "1610", {2021: 10.0, 2022: 12.5, 2023: None})
    Observation.objects.filter(ref_date="2023", value=None).update(status="x")
    Observation.objects.filter(ref_date="2022", value=12.5).update(symbol="E")
    crime.rates(b, "1610", flat(20.0, range(2021, 2024)))
    crime.rates(province, "1610", flat(15.0, range(2021, 2024)))
    crime.rates(canada, "1610", flat(16.0, range(2021, 2024)))
    crime.rates(a, "2120", flat(300.0, range(2021, 2024)))
    crime.csi_values(a, {2023: 77.0})
    census(a, low_income=14.0, unemployment_rate=9.0)
    census(province, low_income=10.0, unemployment_rate=7.0)
    census(canada, low_income=11.0)
    cast.crime = crime
    return cast


def get(client, url, **params):
    return client.get(url, params)


def test_tables_are_listed_with_their_release(data):
    Table.objects.filter(pid="35100177").update(release="2024-07-25", rows=12)
    body = data.client("anonymous").get("/api/data/tables").json()
    assert body["count"] == 2
    first = body["items"][0]
    assert (first["pid"], first["formatted_pid"], first["kind"]) == (
        "35100026",
        "35-10-0026",
        TableKind.CSI,
    )
    second = body["items"][1]
    assert (second["release"], second["rows"], second["kind"]) == ("2024-07-25", 12, "crime")
    assert "imported_at" in second


def test_violations_list_the_csi_first(data):
    body = data.client("anonymous").get("/api/data/violations").json()
    assert [v["key"] for v in body] == ["csi", "1610", "2120"]
    assert body[0]["label"] == "Crime Severity Index"


def test_crime_series_with_values_symbols_and_references(data):
    url = f"{BASE}/{data.city_a.pk}/crime"
    response = get(data.client("anonymous"), url, violation="1610", peers=[data.city_b.pk])
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["violation"] == "1610" and body["statistic"] == "rate"
    assert body["periods"] == ["2021", "2022", "2023"]
    assert [(line["label"], line["kind"]) for line in body["lines"]] == [
        ("Alphaville", "municipality"),
        ("Ontario", "province"),
        ("Canada", "country"),
        ("Betaburg", "peer"),
    ]
    assert body["lines"][0]["points"] == [
        {"period": "2021", "value": 10.0, "symbols": []},
        {"period": "2022", "value": 12.5, "symbols": ["E"]},
        {"period": "2023", "value": None, "symbols": ["x"]},
    ]
    assert [p["value"] for p in body["lines"][3]["points"]] == [20.0, 20.0, 20.0]
    assert body["peers"] == [{"id": data.city_b.pk, "name": "Betaburg"}]
    assert {"symbol": "x", "meaning": body["symbols"][2]["meaning"]} in body["symbols"]


def test_crime_defaults_to_the_csi_and_the_closest_peers(data):
    body = data.client("anonymous").get(f"{BASE}/{data.city_a.pk}/crime").json()
    assert body["violation"] == "csi"
    assert body["lines"][0]["points"] == [{"period": "2023", "value": 77.0, "symbols": []}]
    assert [p["id"] for p in body["peers"]] == [data.city_b.pk]


def test_lines_only_for_places_with_the_violation(data):
    url = f"{BASE}/{data.city_a.pk}/crime?violation=2120&peers={data.city_b.pk}"
    body = data.client("anonymous").get(url).json()
    assert [line["kind"] for line in body["lines"]] == ["municipality"]
    assert body["lines"][0]["points"][0]["value"] == 300.0


def test_census_against_province_and_canada(data):
    body = data.client("anonymous").get(f"{BASE}/{data.city_a.pk}/census").json()
    by_key = {i["key"]: i for i in body["indicators"]}
    assert by_key["low_income"]["municipality"] == {"value": 14.0, "symbol": ""}
    assert by_key["low_income"]["province"] == {"value": 10.0, "symbol": ""}
    assert by_key["low_income"]["canada"] == {"value": 11.0, "symbol": ""}
    assert by_key["unemployment_rate"]["canada"] is None
    assert "population" not in by_key  # nobody has it


def test_diagnosis_findings_in_the_request_language(data):
    url = f"{BASE}/{data.city_a.pk}/diagnosis"
    english = data.client("anonymous").get(url).json()
    risks = [f for f in english["findings"] if f["kind"] == "risk"]
    assert risks and "Low income" in risks[0]["text"]
    assert risks[0]["numbers"][0] == {"label": "Alphaville", "value": "14.0"}
    assert risks[0]["risk_factors"] == ["low-income"]
    french = data.client("anonymous").get(url, HTTP_ACCEPT_LANGUAGE="fr").json()
    texts = " ".join(f["text"] for f in french["findings"])
    assert "Faible revenu" in texts or "faible revenu" in texts
    assert french["findings"][0]["numbers"][0]["value"] == "14,0"


def test_unknown_municipality_is_404(data):
    for part in ("crime", "census", "diagnosis"):
        response = data.client("anonymous").get(f"{BASE}/999999/{part}")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    "params",
    [
        {"violation": "9999"},  # well formed, not loaded
        {"violation": "x" * 5000},
        {"violation": "1610' OR 1=1 --"},
        {"violation": "16\x0010"},
        {"violation": ""},
        {"statistic": "median"},
        {"statistic": "r" * 5000},
        {"peers": ["abc"]},
        {"peers": [0]},
        {"peers": [2**70]},
        {"peers": ["1", "2", "3", "4", "5", "6"]},
        {"peers": [999999]},  # no such municipality
    ],
)
def test_bad_parameters_are_refused_clearly(data, params):
    response = data.client("anonymous").get(f"{BASE}/{data.city_a.pk}/crime", params)
    # NUL characters never reach the API: RejectNulMiddleware answers 400 before it.
    expected = 400 if any("\x00" in str(v) for v in params.values()) else 422
    assert response.status_code == expected, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_peer_without_data_is_refused(data):
    lonely = MunicipalityFactory(name="Nodata")
    url = f"{BASE}/{data.city_a.pk}/crime"
    response = data.client("anonymous").get(url, {"peers": [lonely.pk]})
    assert response.status_code == 422
    assert str(lonely.pk) in response.json()["detail"]


def test_unknown_violation_message_is_translated(data):
    url = f"{BASE}/{data.city_a.pk}/crime?violation=9999"
    response = data.client("anonymous").get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 422
    assert "Violation inconnue" in response.json()["detail"]


@pytest.mark.parametrize("bad", ["0", "-1", str(2**64), "abc", "1%00"])
def test_bad_municipality_ids(data, bad):
    response = data.client("anonymous").get(f"{BASE}/{bad}/census")
    assert response.status_code in (400, 404, 422)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "part", ["crime?violation=1610", "crime", "census", "diagnosis", "/api/data/tables"]
)
def test_query_count_does_not_grow_with_data(data, part):
    client = data.client("anonymous")
    url = part if part.startswith("/") else f"{BASE}/{data.city_a.pk}/{part}"
    # Every kind of finding from the start (a peer on the CSI: topics; census: risk factors).
    data.crime.csi_values(Geography.objects.get(municipality=data.city_b), {2023: 40.0})
    before = _count(client, url)
    # More of everything: places with data, peers, years, violations, census values, tables.
    for n in range(6):
        city = MunicipalityFactory(name=f"Town {n}", csd_code=f"35001{n:02d}")
        geo = geography(city)
        for code in ("1610", "2120", "1420"):
            data.crime.rates(geo, code, flat(10.0 + n, range(2005, 2024)))
        data.crime.csi_values(geo, flat(50.0 + n, range(2005, 2024)))
        census(geo, low_income=12.0, unemployment_rate=5.0)
    a = geography(data.city_a, level=GeoLevel.POLICE, name="Alphaville police")
    data.crime.rates(a, "1420", flat(5.0, range(2005, 2024)))
    Table.objects.create(pid="98100001", title="census", kind=TableKind.CENSUS)
    assert _count(client, url) == before
