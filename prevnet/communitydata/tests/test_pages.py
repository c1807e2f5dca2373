"""The data pages: chart, table, CSV, census, compare, staff import and geography review."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from prevnet.communitydata.models import Geography, GeoLevel, ImportRun, Observation
from prevnet.communitydata.tests import statcan_files as sf
from prevnet.communitydata.tests.builders import Crime, census, flat, geography


@pytest.fixture
def data(cast):
    crime = Crime()
    a, b = geography(cast.city_a), geography(cast.city_b)
    province = geography(level=GeoLevel.PROVINCE, province=cast.city_a.province, name="Ontario")
    canada = geography(level=GeoLevel.COUNTRY, name="Canada")
    crime.rates(a, "1610", {2021: 10.0, 2022: 12.5, 2023: None})
    Observation.objects.filter(ref_date="2023", value=None).update(status="x")
    crime.rates(b, "1610", flat(20.0, range(2021, 2024)))
    crime.rates(province, "1610", flat(15.0, range(2021, 2024)))
    crime.rates(canada, "1610", flat(16.0, range(2021, 2024)))
    crime.rates(a, "2120", flat(300.0, range(2021, 2024)))
    crime.csi_values(a, {2023: 77.0})
    census(a, low_income=14.0)
    census(province, low_income=10.0)
    # The census profile's own Ontario (a later DGUID vintage) has no crime series.
    census(
        geography(level=GeoLevel.PROVINCE, province=cast.city_a.province, name="Ontario 2021"),
        renters=1,
    )
    return cast


def body(response) -> str:
    return (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode()
    )


def test_data_page_chart_table_and_symbols(data, django_assert_max_num_queries):
    url = reverse("communitydata:municipality", args=[data.city_a.pk])
    client = data.client("anonymous")
    with django_assert_max_num_queries(16):
        response = client.get(
            url, {"violation": "1610", "statistic": "rate", "peers": [data.city_b.pk]}
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and html.count("<polyline") == 4  # Alphaville, Ontario, Canada, Betaburg
    assert "12.5" in html and ">x</abbr>" in html  # the suppressed 2023 value shows its symbol
    assert "Low income, LIM-AT (%)" in html and "14" in html


def test_changing_violation_and_csv(data):
    url = reverse("communitydata:municipality", args=[data.city_a.pk])
    client = data.client("participant")
    html = client.get(url, {"violation": "2120", "peers": []}).content.decode()
    assert "300" in html and html.count("<polyline") == 1
    response = client.get(url, {"violation": "1610", "peers": [data.city_b.pk], "format": "csv"})
    rows = list(csv.reader(io.StringIO(body(response))))
    assert rows[0] == [
        "Year",
        "Alphaville",
        "Symbols",
        "Ontario",
        "Symbols",
        "Canada",
        "Symbols",
        "Betaburg",
        "Symbols",
    ]
    assert rows[1] == ["2021", "10.0", "", "15.0", "", "16.0", "", "20.0", ""]
    assert rows[3][:3] == ["2023", "", "x"]


def test_too_many_peers_is_refused_and_hostile_input_is_harmless(data):
    url = reverse("communitydata:municipality", args=[data.city_a.pk])
    response = data.client("anonymous").get(
        url, {"violation": "<script>alert(1)</script>", "peers": ["x"]}
    )
    assert (
        response.status_code == 200 and "<script>alert(1)</script>" not in response.content.decode()
    )


def test_compare_table_and_export(data):
    url = reverse("communitydata:compare")
    params = {
        "municipalities": [data.city_a.pk, data.city_b.pk],
        "indicators": ["crime:1610", "crime:csi", "census:low_income"],
    }
    html = data.client("anonymous").get(url, params).content.decode()
    assert "Alphaville" in html and "Betaburg" in html
    rows = list(
        csv.reader(
            io.StringIO(body(data.client("anonymous").get(url, {**params, "format": "csv"})))
        )
    )
    assert rows == [
        ["Indicator", "Alphaville", "Betaburg"],
        ["Violation [1610]", "12.5", "20.0"],
        ["Crime Severity Index", "77.0", ""],
        ["Low income, LIM-AT (%)", "14.0", ""],
    ]


def test_diagnosis_page(data):
    html = (
        data.client("anonymous")
        .get(reverse("communitydata:diagnosis", args=[data.city_a.pk]))
        .content.decode()
    )
    assert "Low income, LIM-AT (%): 14.0 in Alphaville against 10.0 in" in html


def test_staff_upload_runs_the_import(data, tmp_path):
    path = sf.make_zip(tmp_path / "35100177-eng.zip")
    with open(path, "rb") as f:
        upload = SimpleUploadedFile("35100177-eng.zip", f.read(), content_type="application/zip")
    response = data.client("staff").post(reverse("communitydata:import_list"), {"file": upload})
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"{run.pk}/")
    assert run.status == "done" and run.created == 198 and run.table.pid == "35100177"
    page = data.client("staff").get(response["Location"])
    assert "198" in page.content.decode()
    status = data.client("staff").get(response["Location"], {"format": "json"}).json()
    assert status["finished"] and status["percent"] == 100


def test_staff_upload_of_a_bad_file_lists_the_problem(data, tmp_path):
    upload = SimpleUploadedFile("x.zip", b"PK\x03\x04 not really", content_type="application/zip")
    data.client("staff").post(reverse("communitydata:import_list"), {"file": upload})
    run = ImportRun.objects.get()
    assert run.status == "failed" and "zip" in run.problems[0][2]
    assert (
        "zip"
        in data.client("staff")
        .get(reverse("communitydata:import_detail", args=[run.pk]))
        .content.decode()
    )


def test_upload_form_needs_one_source(data):
    response = data.client("staff").post(reverse("communitydata:import_list"), {})
    assert response.status_code == 200 and "one of the two" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_geography_review_links_a_municipality(data):
    unmatched = Geography.objects.create(
        key="GEO:x", name="Betaburg, Ontario, municipal [35999]", level="police"
    )
    url = reverse("communitydata:geographies")
    assert "Betaburg, Ontario, municipal" in data.client("staff").get(url).content.decode()
    data.client("staff").post(url, {"geography": unmatched.pk, "municipality": data.city_b.pk})
    unmatched.refresh_from_db()
    assert unmatched.municipality == data.city_b and unmatched.match_method == "manual"
    assert (
        data.client("coordinator_b")
        .post(url, {"geography": unmatched.pk, "municipality": ""})
        .status_code
        == 403
    )


def test_compare_without_indicators_shows_the_defaults(data):
    url = reverse("communitydata:compare")
    html = data.client("anonymous").get(url, {"municipalities": [data.city_a.pk]}).content.decode()
    assert "Crime Severity Index" in html and "77" in html and "Low income, LIM-AT (%)" in html
