"""The Arrow reader's own mechanics: tables gathered and read ahead in a thread, series made
when a coordinate first appears in a later table (PostgreSQL's COPY paused for it), multi-row
inserts on SQLite, and a failure in the middle leaving no thread and nothing written."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from prevnet.communitydata import arrowload, bulk, importer
from prevnet.communitydata.importer import import_statcan_zip
from prevnet.communitydata.models import Observation, Series
from prevnet.communitydata.reader import StatcanFileError
from prevnet.communitydata.tests import statcan_files as sf
from prevnet.communitydata.tests.test_bulk import snapshot

pytestmark = pytest.mark.django_db


def readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "statcan-reader"]


@pytest.fixture
def only_fast(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the row-by-row path ran")

    monkeypatch.setattr(importer, "_load_checked", refuse)


def test_new_cells_in_later_tables_match_the_checked_path(tmp_path, monkeypatch, only_fast):
    # Geography-major order: every table of 7 rows brings new coordinates, so PostgreSQL's
    # COPY is closed and opened again between them, and the reader runs ahead of the writes.
    body = sorted(sf.rows(), key=lambda r: (r[1], r[0]))
    path = sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(body=body))
    monkeypatch.setattr(arrowload, "GATHER", 7)
    monkeypatch.setattr(arrowload, "BLOCK", 1024)  # a few rows a block
    made = []
    make = arrowload._Lookup._make
    monkeypatch.setattr(arrowload._Lookup, "_make", lambda s, new: made.append(1) or make(s, new))
    result = import_statcan_zip(path)
    assert result.rows == result.created == len(body) == Observation.objects.count()
    assert len(made) > 3  # series were made table after table, not all at once
    fast = snapshot()
    Observation.objects.all().delete()
    Series.objects.all().delete()
    monkeypatch.undo()
    monkeypatch.setattr(importer.arrowload, "load", _no_fast)
    import_statcan_zip(path, force=True)
    assert snapshot() == fast
    assert not readers()


def _no_fast(*args, **kwargs):
    raise bulk.Fallback


def test_a_bad_row_far_into_the_file_stops_the_reader_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(arrowload, "GATHER", 5)
    monkeypatch.setattr(arrowload, "BLOCK", 1024)  # a few rows a block
    body = sf.rows()
    body[150][11] = "twelve"
    with pytest.raises(StatcanFileError) as info:
        import_statcan_zip(sf.make_zip(tmp_path / "bad.zip", data=sf.data_csv(body=body)))
    assert info.value.line == 152 and "not a number" in str(info.value)
    assert not Observation.objects.exists() and not Series.objects.exists()
    assert not readers()


def test_a_repeated_cell_is_refused_with_nothing_written(tmp_path, monkeypatch):
    monkeypatch.setattr(arrowload, "GATHER", 5)
    monkeypatch.setattr(arrowload, "BLOCK", 1024)  # a few rows a block
    body = sf.rows()
    body.append(list(body[100]))
    with pytest.raises(StatcanFileError, match="repeats a cell"):
        import_statcan_zip(sf.make_zip(tmp_path / "dup.zip", data=sf.data_csv(body=body)))
    assert not Observation.objects.exists() and not Series.objects.exists()
    assert not readers()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's multi-row INSERT")
@pytest.mark.parametrize("count", [0, 1, 99, 100, 101, 250])
def test_multi_row_inserts_keep_every_row_in_order(count):
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE t_obs (series_id bigint, ref_date text, value real,"
            " status text, symbol text, terminated bool, decimals int)"
        )
        rows = [
            (i, f"{2000 + i % 20}", i / 4, "E" if i % 7 else "", "", i % 2 == 0, 1)
            for i in range(count)
        ]
        bulk._insert_many(cursor.cursor, "t_obs", rows)
        cursor.execute("SELECT * FROM t_obs ORDER BY rowid")
        assert [tuple(r[:5]) + (bool(r[5]), r[6]) for r in cursor.fetchall()] == rows
        cursor.execute("DROP TABLE t_obs")


def test_an_unexpected_error_stops_the_reader_at_once(tmp_path, monkeypatch):
    monkeypatch.setattr(arrowload, "GATHER", 5)
    monkeypatch.setattr(arrowload, "BLOCK", 1024)
    calls = []
    write = arrowload._Output.write

    def failing(self, *args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        write(self, *args)

    monkeypatch.setattr(arrowload._Output, "write", failing)
    with pytest.raises(RuntimeError) as info:
        import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    # Even while the traceback (kept by ``info``) holds the loader's frames, no reader is left.
    assert info.value.__traceback__ is not None and not readers()
    assert not Observation.objects.exists() and not Series.objects.exists()
