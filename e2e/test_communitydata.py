"""Community data in a real browser: open a data page, change the violation, download the CSV;
the diagnosis, comparison and staff pages; axe-core clean in English and French."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from prevnet.communitydata.models import Geography, GeoLevel, ImportRun
from prevnet.communitydata.tests.builders import Crime, census, flat, geography

pytestmark = pytest.mark.e2e


@pytest.fixture
def data(live_cast):
    crime = Crime()
    a, b = geography(live_cast.city_a), geography(live_cast.city_b)
    province = geography(
        level=GeoLevel.PROVINCE, province=live_cast.city_a.province, name="Ontario"
    )
    crime.rates(a, "1610", {**flat(10.0), 2023: 25.0})
    crime.rates(a, "2120", {**flat(300.0), 2023: 450.0})
    crime.rates(b, "1610", flat(20.0))
    crime.rates(province, "1610", flat(15.0))
    crime.csi_values(a, flat(80.0))
    census(a, low_income=14.0, unemployment_rate=9.0)
    census(province, low_income=10.0, unemployment_rate=7.0)
    Geography.objects.create(
        key="GEO:p", name="Somewhere, Ontario, municipal [35999]", level="police"
    )
    ImportRun.objects.create(
        original_name="35100177-eng.zip", status="failed", problems=[[3, "VALUE", "bad"]]
    )
    return live_cast


def test_data_page_change_violation_and_download_csv(page, axe, data):
    page.goto(f"/en/data/municipality/{data.city_a.pk}/")
    axe(page, "data page (en)", collect=True)
    page.locator("#id_violation").select_option("2120")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "violation=2120" in page.url
    table = page.locator("#trend-table")
    assert "450" in table.inner_text()
    with page.expect_download() as download_info:
        table.get_by_role("link", name="Download CSV").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:2] == ["Year", "Alphaville"] and rows[-1][:2] == ["2023", "450.0"]
    page.goto(f"/fr/data/municipality/{data.city_a.pk}/?violation=1610")
    assert page.locator("svg polyline").count() >= 2
    axe(page, "data page (fr)", collect=True)
    for language in ("en", "fr"):
        page.goto(f"/{language}/data/municipality/{data.city_a.pk}/diagnosis/")
        assert "1610" in page.locator("main").inner_text()
        axe(page, f"diagnosis ({language})", collect=True)
        page.goto(
            f"/{language}/data/compare/?municipalities={data.city_a.pk}&municipalities={data.city_b.pk}&indicators=crime:1610&indicators=census:low_income"
        )
        axe(page, f"compare ({language})", collect=True)
        page.goto(f"/{language}/data/")
        axe(page, f"index ({language})", collect=True)
    axe.assert_clean()


def test_staff_pages_are_accessible(page, axe, data, login):
    login(page, "staff")
    run = ImportRun.objects.get()
    for language in ("en", "fr"):
        for url in ("/data/imports/", f"/data/imports/{run.pk}/", "/data/geographies/"):
            page.goto(f"/{language}{url}")
            axe(page, f"{url} ({language})", collect=True)
    axe.assert_clean()
