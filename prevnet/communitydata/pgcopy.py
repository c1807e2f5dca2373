"""PostgreSQL's binary COPY format, made from Arrow columns for the fast path's observations.

Text COPY costs at both ends: this process writes every value as text (4.7 s of a 35-10-0177
import) and the server parses it back, floating-point numbers most of all. In the binary
format a row is its number of fields, then each field's length and bytes in network order
(-1 for NULL; https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"). The
fixed-width parts are numpy records, the text parts Arrow's own bytes behind their lengths, and
Arrow's ``binary_join_element_wise`` lays them out row after row without a Python loop.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

SIGNATURE = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # then no flags, no header extension
TRAILER = b"\xff\xff"
NULL = pa.scalar(b"\xff\xff\xff\xff", pa.binary())

# The fields, in this order: series_id, ref_date, value, status, symbol, terminated, decimals.
HEAD = np.dtype([("fields", ">i2"), ("length", ">i4"), ("series_id", ">i8")])
NUMBERED = np.dtype(
    [
        ("fields", ">i2"),
        ("id_length", ">i4"),
        ("id", ">i8"),
        ("length", ">i4"),
        ("series_id", ">i8"),
    ]
)
VALUE = np.dtype([("length", ">i4"), ("value", ">f8")])
TAIL = np.dtype(
    [("t_length", ">i4"), ("terminated", "u1"), ("d_length", ">i4"), ("decimals", ">i2")]
)


def observation_rows(batch: pa.Table, ids: np.ndarray, first_id: int | None = None) -> memoryview:
    """The rows of ``batch`` (a table as the reader gives it) with their series ids, as the
    body of ``COPY ... (series_id, ref_date, value, status, symbol, terminated, decimals)
    FROM STDIN (FORMAT binary)``: without the signature and trailer, written once per COPY.
    With ``first_id`` the rows are numbered from it, for a COPY that lists ``id`` first."""
    n = batch.num_rows
    head = np.empty(n, HEAD if first_id is None else NUMBERED)
    head["fields"] = 7 if first_id is None else 8
    head["length"], head["series_id"] = 8, ids
    if first_id is not None:
        head["id_length"] = 8
        head["id"] = np.arange(first_id, first_id + n, dtype=np.int64)
    value = batch.column("VALUE").combine_chunks()
    present = np.empty(n, VALUE)
    present["length"] = 8
    present["value"] = pc.fill_null(value, 0.0).to_numpy(zero_copy_only=False)
    value_field = _records(present)
    if value.null_count:
        value_field = pc.if_else(pc.is_null(value), NULL, value_field)
    tail = np.empty(n, TAIL)
    tail["t_length"], tail["d_length"] = 1, 2
    tail["terminated"] = pc.equal(batch.column("TERMINATED"), "t").to_numpy(zero_copy_only=False)
    tail["decimals"] = pc.fill_null(batch.column("DECIMALS"), 0).to_numpy(zero_copy_only=False)
    pieces = [
        _records(head),
        *_text(batch.column("REF_DATE")),
        value_field,
        *_text(batch.column("STATUS")),
        *_text(batch.column("SYMBOL")),
        _records(tail),
    ]
    rows = pc.binary_join_element_wise(*pieces, b"")
    offsets = np.frombuffer(rows.buffers()[1], np.int32, n + 1, rows.offset * 4)
    return memoryview(rows.buffers()[2])[offsets[0] : offsets[-1]]


def _records(records: np.ndarray) -> pa.Array:
    """Each numpy record's bytes as one Arrow binary value."""
    width = records.dtype.itemsize
    fixed = pa.Array.from_buffers(
        pa.binary(width), len(records), [None, pa.py_buffer(records.tobytes())]
    )
    return fixed.cast(pa.binary())


def _text(column) -> tuple[pa.Array, pa.Array]:
    """A text field: its length in bytes, then its bytes."""
    text = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    lengths = np.asarray(pc.binary_length(text).to_numpy(zero_copy_only=False), ">i4")
    return _records(lengths), text.cast(pa.binary())
