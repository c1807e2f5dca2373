"""Census Profile 2021 CSV: cp1252 accents, repeated SYMBOL columns, matching by name."""

from __future__ import annotations

import pytest

from prevnet.communitydata import census
from prevnet.communitydata.importer import run_import
from prevnet.communitydata.models import CensusValue, Geography, ImportRun
from prevnet.communitydata.reader import StatcanFileError
from prevnet.communitydata.tests import statcan_files as sf
from prevnet.network.factories import MunicipalityFactory
from prevnet.network.models import Province

pytestmark = pytest.mark.django_db
PLACES = [
    ("2021A000011124", "01", "Country", "Canada"),
    ("2021A000224", "24", "Province", "Quebec"),
    ("2021A00052437067", "2437067", "Census subdivision", "Trois-Rivières"),
    ("2021A00052466023", "2466023", "Census subdivision", "Montréal"),
]


def rows_of(code):
    low = {"01": "11.1", "24": "10.0", "2437067": "13.5", "2466023": "17.4"}[code]
    return [
        ("Population, 2021", "139163" if code == "2437067" else "1762949", "", ""),
        ("0 to 14 years", "20000", "", "14.4"),
        (
            "Prevalence of low income based on the Low-income measure, after tax (LIM-AT) (%)",
            low,
            "",
            "",
        ),
        ("0 to 17 years (%)", "99", "", ""),
        (
            "Unemployment rate",
            "x" if code == "2437067" else "",
            "x" if code == "2437067" else "..",
            "",
        ),
        ("Renter", "35000", "", "47.5"),
        ("0 to 14 years", "999", "", "99.9"),  # a later row of the same name: ignored
    ]


@pytest.fixture
def montreal():
    quebec = Province.objects.get(sgc_code="24")
    return MunicipalityFactory(name="Montréal", csd_code="2466023", province=quebec)


def test_cp1252_file_with_repeated_symbol_columns(tmp_path, montreal):
    path = sf.census_csv(tmp_path / "census.csv", PLACES, rows_of)
    with open(path, "rb") as f:
        assert "Trois-Rivi\xe8res".encode("cp1252") in f.read()  # really cp1252
    assert census.is_census_file(path)
    result = census.import_census(path)
    tr = Geography.objects.get(dguid="2021A00052437067")
    assert tr.name == "Trois-Rivières" and tr.level == "csd" and tr.municipality is None
    mtl = Geography.objects.get(dguid="2021A00052466023")
    assert mtl.name == "Montréal" and mtl.municipality == montreal and mtl.match_method == "csd"
    values = {
        (v.geography.name, v.characteristic): (v.value, v.symbol) for v in CensusValue.objects.all()
    }
    assert values[("Montréal", "low_income")] == (17.4, "")
    assert values[("Montréal", "age_0_14")] == (14.4, "")  # the rate column, first occurrence
    assert values[("Montréal", "renters")] == (47.5, "")
    assert values[("Montréal", "unemployment_rate")] == (None, "..")
    assert values[("Trois-Rivières", "unemployment_rate")] == (None, "x")
    assert values[("Quebec", "low_income")] == (10.0, "")
    assert result.created == len(values) == 4 * 5
    again = census.import_census(path)
    assert (again.created, again.updated) == (0, 0)


def test_missing_columns_and_bad_value_import_nothing(tmp_path, montreal):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"CENSUS_YEAR,DGUID,GEO_NAME\n2021,x,y\n")
    with pytest.raises(StatcanFileError, match="ALT_GEO_CODE"):
        census.import_census(bad)

    def broken(code):
        rows = rows_of(code)
        if code == "2466023":
            rows[2] = (rows[2][0], "lots", "", "")
        return rows

    path = sf.census_csv(tmp_path / "c.csv", PLACES, broken)
    with pytest.raises(StatcanFileError) as info:
        census.import_census(path)
    assert info.value.line == 1 + 3 * 7 + 3 and info.value.column == "C1_COUNT_TOTAL"
    assert not CensusValue.objects.exists() and not Geography.objects.exists()


def test_run_import_recognises_a_census_file(tmp_path, montreal):
    run = ImportRun.objects.create(original_name="census.csv")
    run_import(run, sf.census_csv(tmp_path / "census.csv", PLACES, rows_of))
    run.refresh_from_db()
    assert run.status == "done" and run.created == 20 and run.table is None
