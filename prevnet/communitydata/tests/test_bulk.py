"""The importer's fast path (arrowload.py) and its row-by-row fallback give the same database."""

from __future__ import annotations

import csv
import io

import pytest

from prevnet.communitydata import importer
from prevnet.communitydata.importer import import_statcan_zip
from prevnet.communitydata.models import Observation, Series
from prevnet.communitydata.reader import StatcanFileError
from prevnet.communitydata.tests import statcan_files as sf

pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple]:
    return sorted(
        Observation.objects.values_list(
            "series__coordinate",
            "series__vector",
            "series__geography__name",
            "ref_date",
            "value",
            "status",
            "symbol",
            "terminated",
            "decimals",
        )
    )


def body_with_symbols() -> list[list[str]]:
    body = sf.rows(
        {
            (3, 2, 2, 2020): ("12.5", "E", "", ""),
            (3, 2, 1, 2021): ("", "..", "", ""),
            (3, 3, 1, 2022): ("", "x", "", "t"),
            (2, 2, 2, 2023): ("-0.75", "", "p", ""),
        }
    )
    body[7][-1] = ""  # DECIMALS left empty: 0
    return body


@pytest.fixture
def no_fallback(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the row-by-row path ran")

    monkeypatch.setattr(importer, "_load_checked", refuse)


@pytest.fixture
def counted_fallback(monkeypatch):
    calls = []
    checked = importer._load_checked

    def counted(*args, **kwargs):
        calls.append(1)
        return checked(*args, **kwargs)

    monkeypatch.setattr(importer, "_load_checked", counted)
    return calls


def minimal_quoting(body) -> str:
    """As some tools rewrite the file: empty fields unquoted (NULL to PostgreSQL's COPY)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([sf.HEADER, *body])
    return "\ufeff" + out.getvalue()


@pytest.mark.parametrize("quoted", [True, False])
def test_a_valid_file_takes_the_fast_path(tmp_path, no_fallback, quoted):
    body = body_with_symbols()
    data = sf.data_csv(body=body) if quoted else minimal_quoting(body)
    path = sf.make_zip(tmp_path / "t.zip", data=data)
    result = import_statcan_zip(path)
    assert result.rows == result.created == Observation.objects.count() == 198
    assert Series.objects.count() == 18
    rows = {(o[3], o[0]): o[4:] for o in snapshot()}
    assert rows[("2020", "3.2.2")] == (12.5, "E", "", False, 2)
    assert rows[("2021", "3.2.1")] == (None, "..", "", False, 0)
    assert rows[("2022", "3.3.1")] == (None, "x", "", True, 0)
    assert rows[("2023", "2.2.2")] == (-0.75, "", "p", False, 2)
    assert rows[("2013", "2.1.2")] == (212.0, "", "", False, 0)  # DECIMALS left empty


def test_fast_and_row_by_row_paths_write_the_same_rows(tmp_path, monkeypatch):
    path = sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(body=body_with_symbols()))
    import_statcan_zip(path)
    fast = snapshot()
    Observation.objects.all().delete()
    Series.objects.all().delete()

    def no_fast(*args, **kwargs):
        raise importer.bulk.Fallback

    monkeypatch.setattr(importer.arrowload, "load", no_fast)
    import_statcan_zip(path, force=True)
    assert snapshot() == fast


def test_a_revision_through_the_fast_path(tmp_path, no_fallback):
    import_statcan_zip(sf.make_zip(tmp_path / "old.zip"))
    revised = sf.rows({(3, 2, 2, 2020): ("99.9", "", "r", "")}, years=range(2013, 2025))
    result = import_statcan_zip(sf.make_zip(tmp_path / "new.zip", data=sf.data_csv(body=revised)))
    assert (result.updated, result.created) == (1, 18)


def test_a_blank_line_is_skipped(tmp_path):
    # (Both paths skip it, as the csv module does.)
    text = sf.data_csv()
    path = sf.make_zip(tmp_path / "t.zip", data=text + "\n")
    assert import_statcan_zip(path).rows == 198


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda b: b[40].__setitem__(11, "12,5"), "not a number"),
        (lambda b: b[40].__setitem__(15, "two"), "not a number"),
        (lambda b: b[41].__setitem__(11, "nan?"), "not a number"),
    ],
)
def test_what_the_fast_path_cannot_read_is_named_by_the_checked_path(
    tmp_path, counted_fallback, mutate, needle
):
    body = sf.rows()
    mutate(body)
    with pytest.raises(StatcanFileError) as info:
        import_statcan_zip(sf.make_zip(tmp_path / "bad.zip", data=sf.data_csv(body=body)))
    assert needle in str(info.value) and info.value.line in (42, 43)
    assert counted_fallback == [1]
    assert not Observation.objects.exists() and not Series.objects.exists()


def test_a_long_code_is_cut_as_the_checked_path_cuts_it(tmp_path):
    body = sf.rows()
    body[3][12] = "ABCDEFG"  # STATUS longer than its four characters
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(body=body)))
    assert Observation.objects.filter(status="ABCD").count() == 1


def test_accented_codes_within_their_length_stay_on_the_fast_path(tmp_path, counted_fallback):
    # "éé" is 4 bytes but 2 characters: the byte count alone must not send the file away.
    body = sf.rows()
    body[3][12], body[4][13] = "éé", "ÉÉÉÉ"
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(body=body)))
    assert counted_fallback == []
    assert Observation.objects.filter(status="éé").count() == 1
    assert Observation.objects.filter(symbol="ÉÉÉÉ").count() == 1


def test_five_accented_characters_are_cut_by_the_checked_path(tmp_path, counted_fallback):
    body = sf.rows()
    body[3][12] = "ééééé"
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(body=body)))
    assert counted_fallback == [1]
    assert Observation.objects.filter(status="éééé").count() == 1
