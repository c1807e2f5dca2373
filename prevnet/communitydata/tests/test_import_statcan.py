"""The full-table reader and importer: right values, clear errors, nothing half-imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from prevnet.communitydata.importer import import_statcan_zip
from prevnet.communitydata.models import (
    Geography,
    Member,
    Observation,
    ObservationChange,
    Series,
    Table,
    TableKind,
)
from prevnet.communitydata.reader import StatcanFileError
from prevnet.communitydata.tests import statcan_files as sf
from prevnet.network.factories import MunicipalityFactory

REAL = Path("/work/shared/data/statcan/18100204-eng.zip")
pytestmark = pytest.mark.django_db


def obs(geo: str, violation_code: str, kind: str, year: str) -> Observation:
    return Observation.objects.get(
        series__geography__name=geo,
        series__member_1__ucr_code=violation_code,
        series__member_2__kind=kind,
        ref_date=year,
    )


def test_hand_made_table_values_symbols_and_mapping(tmp_path):
    body = sf.rows(
        {
            (3, 2, 2, 2020): ("12.5", "E", "", ""),
            (3, 2, 1, 2021): ("", "..", "", ""),
            (3, 3, 1, 2022): ("", "x", "", "t"),
            (2, 2, 2, 2023): ("40.1", "", "p", ""),
        }
    )
    result = import_statcan_zip(sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(body=body)))
    assert result.rows == len(body) == 11 * 3 * 3 * 2
    assert result.created == result.rows and result.updated == 0
    table = Table.objects.get(pid="35100177")
    assert table.kind == TableKind.CRIME and table.formatted_pid == "35-10-0177"
    assert table.title == "Incident-based crime statistics"
    robbery = Member.objects.get(name="Robbery [1610]")
    assert (robbery.ucr_code, robbery.kind) == ("1610", "violation")
    assert Member.objects.get(name="Theft of $5,000 or under [2140]").terminated
    assert Member.objects.get(name="Rate per 100,000 population").kind == "rate"
    e = obs("Alphaville, Ontario [535]", "1610", "rate", "2020")
    assert (e.value, e.status, e.decimals) == (12.5, "E", 2)
    missing = obs("Alphaville, Ontario [535]", "1610", "incidents", "2021")
    assert missing.value is None and missing.status == ".."
    suppressed = obs("Alphaville, Ontario [535]", "2140", "incidents", "2022")
    assert suppressed.value is None and suppressed.terminated and suppressed.flags == "x t"
    assert obs("Ontario [35]", "1610", "rate", "2023").symbol == "p"
    assert Series.objects.filter(table=table).count() == 18


def test_geographies_are_classified_and_matched(tmp_path):
    city = MunicipalityFactory(name="Alphaville", csd_code="3500001")
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    levels = dict(Geography.objects.values_list("name", "level"))
    assert levels == {
        "Canada": "country",
        "Ontario [35]": "province",
        "Alphaville, Ontario [535]": "cma",
    }
    cma = Geography.objects.get(level="cma")
    assert cma.municipality == city and cma.match_method == "cma"
    assert Geography.objects.get(level="province").province.sgc_code == "35"


@pytest.mark.parametrize("force", [False, True])
def test_same_file_twice_changes_nothing(tmp_path, force):
    path = sf.make_zip(tmp_path / "t.zip")
    import_statcan_zip(path)
    before = list(Observation.objects.order_by("pk").values_list())
    again = import_statcan_zip(path, force=force)  # force: every value compared
    assert (again.rows, again.created, again.updated, again.unchanged) == (198, 0, 0, 198)
    assert list(Observation.objects.order_by("pk").values_list()) == before
    assert not ObservationChange.objects.exists()


def test_newer_release_replaces_revised_values_and_records_them(tmp_path):
    import_statcan_zip(sf.make_zip(tmp_path / "old.zip"))
    revised = sf.rows({(3, 2, 2, 2020): ("99.9", "", "r", "")}, years=range(2013, 2025))
    result = import_statcan_zip(sf.make_zip(tmp_path / "new.zip", data=sf.data_csv(body=revised)))
    assert result.updated == 1 and result.created == 18  # one revision, one new year
    value = obs("Alphaville, Ontario [535]", "1610", "rate", "2020")
    assert (value.value, value.symbol) == (99.9, "r")
    change = ObservationChange.objects.get()
    assert change.observation == value and change.old_value == 329.0 and change.new_flags == "r"


@pytest.mark.parametrize(
    ("mutate", "line", "needle"),
    [
        (lambda b: b.__setitem__(5, b[5][:-1]), 7, "expected 16 fields"),
        (lambda b: b[40].__setitem__(11, "twelve"), 42, "not a number"),
        (lambda b: b[3].__setitem__(10, "1.2"), 5, "COORDINATE"),
        (lambda b: b[3].__setitem__(10, "1.9.1"), 5, "does not list"),
        (lambda b: b.append(list(b[0])), None, "repeats a cell"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(tmp_path, mutate, line, needle):
    body = sf.rows()
    mutate(body)
    path = sf.make_zip(tmp_path / "bad.zip", data=sf.data_csv(body=body))
    with pytest.raises(StatcanFileError) as info:
        import_statcan_zip(path)
    assert needle in str(info.value)
    if line:
        assert info.value.line == line
    assert not Table.objects.exists() and not Observation.objects.exists()
    assert not Geography.objects.exists()


def test_a_bad_row_in_a_newer_release_keeps_the_old_one_whole(tmp_path):
    import_statcan_zip(sf.make_zip(tmp_path / "old.zip"))
    before = list(Observation.objects.order_by("pk").values_list())
    body = sf.rows({(3, 2, 2, 2020): ("99.9", "", "r", "")})
    body[-1][11] = "oops"
    with pytest.raises(StatcanFileError):
        import_statcan_zip(sf.make_zip(tmp_path / "new.zip", data=sf.data_csv(body=body)))
    assert list(Observation.objects.order_by("pk").values_list()) == before


def test_wrong_header(tmp_path):
    header = [*sf.HEADER]
    header[0] = "Date"
    with pytest.raises(StatcanFileError) as info:
        import_statcan_zip(sf.make_zip(tmp_path / "h.zip", data=sf.data_csv(header=header)))
    assert info.value.line == 1 and "Expected REF_DATE, GEO, DGUID" in str(info.value)
    assert not Table.objects.exists()


def test_truncated_zip(tmp_path):
    path = Path(sf.make_zip(tmp_path / "t.zip"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(StatcanFileError) as info:
        import_statcan_zip(path)
    assert "truncated" in str(info.value)
    assert not Table.objects.exists()


def test_a_zip_without_metadata_or_not_a_zip(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "x.zip", "w") as z:
        z.writestr("35100177.csv", "x")
    with pytest.raises(StatcanFileError, match="MetaData"):
        import_statcan_zip(tmp_path / "x.zip")
    (tmp_path / "y.zip").write_text("<script>alert(1)</script>")
    with pytest.raises(StatcanFileError, match="not a complete zip"):
        import_statcan_zip(tmp_path / "y.zip")


def test_hostile_text_is_stored_as_text(tmp_path):
    body = sf.rows()
    for row in body:
        if row[1] == "Canada":
            row[1] = "<script>alert(1)</script>"
            row[2] = ""
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(body=body)))
    assert Geography.objects.filter(name="<script>alert(1)</script>", level="other").exists()


@pytest.mark.skipif(
    not REAL.exists(), reason="the real Statistics Canada file is not on this machine"
)
def test_real_full_table_download():
    result = import_statcan_zip(REAL)
    table = Table.objects.get(pid="18100204")
    assert table.title == "Electric power selling price index, monthly"
    assert table.kind == TableKind.OTHER
    assert [d.name for d in table.dimensions.all()] == ["Geography", "Index"]
    assert result.rows == Observation.objects.count() > 10_000
    first = Observation.objects.get(series__vector="v107792869", ref_date="1981-01")
    assert (first.value, first.decimals) == (31.0, 1)
    assert Geography.objects.get(dguid="2016A000011124").level == "country"
    assert Geography.objects.get(name="Ontario").level == "province"
    again = import_statcan_zip(REAL, force=True)
    assert again.created == again.updated == 0 and again.unchanged == result.rows


def test_a_huge_field_is_refused_clearly(tmp_path):
    body = sf.rows()
    body[10][1] = "A" * 2_000_000
    with pytest.raises(StatcanFileError, match="not valid CSV"):
        import_statcan_zip(sf.make_zip(tmp_path / "huge.zip", data=sf.data_csv(body=body)))
    assert not Table.objects.exists()


def test_a_metadata_file_without_dimensions(tmp_path):
    with pytest.raises(StatcanFileError, match="lacks its cube"):
        import_statcan_zip(
            sf.make_zip(tmp_path / "m.zip", meta='"Cube Title","Product Id"\n"x","1"\n')
        )


def test_series_created_after_an_import_get_fresh_ids(tmp_path):
    """On PostgreSQL the importer hands out series ids itself; the sequence must follow."""
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    table = Table.objects.get()
    extra = Series.objects.create(
        table=table, geography=Geography.objects.first(), coordinate="9.9.9"
    )
    assert extra.pk > max(Series.objects.exclude(pk=extra.pk).values_list("pk", flat=True))
