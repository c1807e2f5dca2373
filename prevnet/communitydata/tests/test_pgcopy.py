"""PostgreSQL's binary COPY rows, read back field by field as the server reads them."""

from __future__ import annotations

import struct

import numpy as np
import pyarrow as pa
import pytest
from django.db import connection

from prevnet.communitydata import pgcopy

BATCH = pa.table(
    {
        "REF_DATE": ["2020", "2021-03", "2022"],
        "VALUE": pa.array([1.5, None, -2e9], pa.float64()),
        "STATUS": ["", "..", "E"],
        "SYMBOL": ["", "", "é"],  # two bytes in UTF-8: lengths count bytes
        "TERMINATED": ["", "t", ""],
        "DECIMALS": pa.array([1, None, 2], pa.int16()),
    }
)
IDS = np.array([7, 8, 2**40], dtype=np.int64)
ROWS = [
    (7, "2020", 1.5, "", "", False, 1),
    (8, "2021-03", None, "..", "", True, 0),
    (2**40, "2022", -2e9, "E", "é", False, 2),
]


def read(data: bytes) -> list[tuple]:
    """The rows of a binary COPY body: a field count, then each field's length and bytes."""
    rows, at = [], 0
    kinds = ["q", "text", "d", "text", "text", "?", "h"]
    while at < len(data):
        (count,) = struct.unpack_from(">h", data, at)
        at += 2
        row = []
        for kind in (["q"] if count == 8 else []) + kinds:
            (length,) = struct.unpack_from(">i", data, at)
            at += 4
            if length == -1:
                row.append(None)
                continue
            field = data[at : at + length]
            at += length
            row.append(field.decode() if kind == "text" else struct.unpack(">" + kind, field)[0])
        rows.append(tuple(row))
    return rows


def test_rows_hold_each_field_with_its_length_and_null_values():
    assert read(bytes(pgcopy.observation_rows(BATCH, IDS))) == ROWS


def test_numbered_rows_lead_with_their_ids():
    rows = read(bytes(pgcopy.observation_rows(BATCH, IDS, first_id=100)))
    assert rows == [(100 + i, *row) for i, row in enumerate(ROWS)]


def test_a_slice_of_a_table_gives_only_its_rows():
    # Tables the reader hands over may be slices of larger buffers (an offset into them).
    assert read(bytes(pgcopy.observation_rows(BATCH.slice(1), IDS[1:]))) == ROWS[1:]


def test_every_mix_of_period_lengths_symbols_and_missing_values():
    n = 2000
    batch = pa.table(
        {
            "REF_DATE": [("2020", "2020-01", "2020-01-01")[i % 3] for i in range(n)],
            "VALUE": pa.array([None if i % 7 == 0 else i / 4 for i in range(n)], pa.float64()),
            "STATUS": [("", "E", "..", "F")[i % 4] for i in range(n)],
            "SYMBOL": [("", "p", "r", "ü")[i % 5 % 4] for i in range(n)],
            "TERMINATED": ["t" if i % 11 == 0 else "" for i in range(n)],
            "DECIMALS": pa.array([None if i % 13 == 0 else i % 3 for i in range(n)], pa.int16()),
        }
    )
    ids = np.arange(n, dtype=np.int64) * 3
    texts = [batch.column(c).to_pylist() for c in ("REF_DATE", "VALUE", "STATUS", "SYMBOL")]
    expected = [
        (3 * i, *(column[i] for column in texts), i % 11 == 0, 0 if i % 13 == 0 else i % 3)
        for i in range(n)
    ]
    assert read(bytes(pgcopy.observation_rows(batch, ids))) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's COPY")
@pytest.mark.django_db
def test_postgresql_reads_the_rows_as_written():
    columns = "series_id, ref_date, value, status, symbol, terminated, decimals"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE copied (series_id bigint, ref_date varchar(10),"
            " value double precision, status varchar(4), symbol varchar(4), terminated boolean,"
            " decimals smallint)"
        )
        with cursor.cursor.copy(f"COPY copied ({columns}) FROM STDIN (FORMAT binary)") as copy:
            copy.write(pgcopy.SIGNATURE)
            copy.write(pgcopy.observation_rows(BATCH, IDS))
            copy.write(pgcopy.TRAILER)
        cursor.execute(f"SELECT {columns} FROM copied ORDER BY series_id")  # noqa: S608
        assert cursor.fetchall() == ROWS
