"""The Arrow reader's own mechanics: tables gathered and read ahead in a thread, series made
when a coordinate first appears in a later table (PostgreSQL's COPY paused for it), multi-row
inserts on SQLite, and a failure in the middle leaving no thread and nothing written."""

from __future__ import annotations

import threading

import numpy as np
import pyarrow as pa
import pytest
from django.db import connection

from prevnet.communitydata import arrowload, bulk, importer
from prevnet.communitydata.importer import import_statcan_zip
from prevnet.communitydata.models import ImportRun, Observation, ObservationChange, Series
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


KNOWN = pa.array(["1.1", "1.2", "1.3"])
KNOWN_IDS = np.array([10, 11, 12])


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        ([["1.2", "1.3"], ["1.1", "1.2"]], [11, 12, 10, 11]),  # across a period's end
        ([["1.1", "1.2", "1.3", "1.1", "1.2", "1.3", "1.1"]], [10, 11, 12, 10, 11, 12, 10]),
        ([["1.3"]], [12]),
        ([["1.1", "1.3"]], None),  # out of the known order
        ([["1.1", "1.2", "1.3", "1.2"]], [10, 11, 12, 11]),  # a run may start anywhere
        ([["1.3", "1.3", "1.3", "1.3"]], None),  # runs of one: given up after a few
        ([["1.1", "9.9"]], None),  # not known
        ([["9.9"]], None),
    ],
)
def test_coordinates_in_the_known_order_take_their_ids_without_hashing(chunks, expected):
    ids = arrowload._in_known_order(pa.chunked_array(chunks), KNOWN, KNOWN_IDS)
    assert (None if ids is None else ids.tolist()) == expected


def test_nothing_known_yet_means_no_ids():
    column = pa.chunked_array([["1.1"]])
    assert arrowload._in_known_order(column, pa.array([], pa.string()), np.array([])) is None


def test_period_major_tables_take_the_known_order_and_match_the_checked_path(
    tmp_path, monkeypatch, only_fast
):
    # Statistics Canada's own order (period, then cells): after the first period every table,
    # even one across two periods, is matched by comparison rather than by a hash look-up.
    path = sf.make_zip(tmp_path / "t.zip")
    monkeypatch.setattr(arrowload, "GATHER", 7)
    monkeypatch.setattr(arrowload, "BLOCK", 1024)
    answers = []
    in_order = arrowload._in_known_order
    monkeypatch.setattr(
        arrowload, "_in_known_order", lambda *a: answers.append(in_order(*a)) or answers[-1]
    )
    result = import_statcan_zip(path)
    cells = Series.objects.count()
    assert result.rows == result.created == Observation.objects.count() == 11 * cells
    matched = [a is not None for a in answers]
    # Only the tables holding the first period's cells miss (the reader runs a table ahead).
    assert matched.count(False) <= cells // 7 + 2 and all(matched[-(len(matched) // 2) :])
    fast = snapshot()
    Observation.objects.all().delete()
    Series.objects.all().delete()
    monkeypatch.undo()
    monkeypatch.setattr(importer.arrowload, "load", _no_fast)
    import_statcan_zip(path, force=True)
    assert snapshot() == fast


def foreign_keys() -> int:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's foreign_keys pragma")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sqlite_checks_references_again_after_an_import_with_them_off(tmp_path, monkeypatch):
    seen = []
    settle = bulk.Writer.settle
    monkeypatch.setattr(bulk.Writer, "settle", lambda s: seen.append(foreign_keys()) or settle(s))
    result = import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    assert seen == [0] and foreign_keys() == 1
    assert result.created == Observation.objects.count() > 0
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_key_check")
        assert cursor.fetchall() == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's foreign_keys pragma")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sqlite_checks_references_again_after_a_failed_import(tmp_path):
    body = sf.rows()
    body[150][11] = "twelve"
    with pytest.raises(StatcanFileError):
        import_statcan_zip(sf.make_zip(tmp_path / "bad.zip", data=sf.data_csv(body=body)))
    assert foreign_keys() == 1 and not Observation.objects.exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's foreign_keys pragma")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_recorded_for_a_missing_run_is_refused(tmp_path):
    path = sf.make_zip(tmp_path / "t.zip")
    import_statcan_zip(path)
    body = sf.rows({(1, 1, 1, 2020): ("999", "", "", "")})
    newer = sf.make_zip(tmp_path / "newer.zip", data=sf.data_csv(body=body))
    run = ImportRun(original_name="gone")  # never saved: no such run in the database
    with pytest.raises(StatcanFileError, match="breaks a rule"):
        import_statcan_zip(newer, run=run)
    assert foreign_keys() == 1 and not ObservationChange.objects.exists()
    assert Observation.objects.filter(value=999).count() == 0


def test_wide_rows_are_gathered_by_blocks_not_rows(monkeypatch):
    # A table of long labels must not hold GATHER rows at once: at most GATHER_BLOCKS blocks.
    monkeypatch.setattr(arrowload, "GATHER_BLOCKS", 3)
    batch = pa.record_batch({"x": pa.array(range(10))})
    tables = list(arrowload._gathered(iter([batch] * 8), lambda table: table))
    assert [t.num_rows for t in tables] == [30, 30, 20]
    assert not readers()
