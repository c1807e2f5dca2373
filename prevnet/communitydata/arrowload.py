"""The fast path of the Statistics Canada importer: Arrow's CSV reader, columns, not rows.

A full table is millions of rows but only thousands of cells (series). pyarrow's streaming
reader parses the decompressed file in large blocks, in C++, into typed columns (a few seconds
for the 1.5 GB 35-10-0177 table) without one Python object per field. Each block's
COORDINATE column is looked up against the series already known (``index_in``, a hash join
in C++); only the rows of coordinates seen for the first time come back to Python, to create
their series. Then:

- PostgreSQL: the block, with its series ids, is written back as CSV by Arrow and sent with
  COPY straight into its target (the observation table, or the staging table on a re-import);
  the server stores it on its own core while this process parses the next block.
- SQLite: the columns become Python lists at once (``to_pylist``, in C) and are zipped into the
  rows of one executemany.

Whatever the reader does not accept as plainly valid (a value that is not a number, a field
count that differs, invalid UTF-8, a line longer than a block, a code longer than its column)
raises ``bulk.Fallback``; the importer rolls the attempt back and runs the row-by-row path,
which names the line and the problem. Memory is one block and its converted columns, whatever
the file's size, plus one entry per table cell.
"""

from __future__ import annotations

import contextlib
import csv
import io
import queue
import threading
import zipfile
import zlib
from contextlib import ExitStack

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from django.db import DatabaseError, connection

from prevnet.communitydata import bulk
from prevnet.communitydata.bulk import OBS_COLUMNS, Fallback, SeriesMaker
from prevnet.communitydata.reader import StatcanFileError, check_header

# Small blocks: Arrow reads the decompressed stream a block at a time, and a large read from
# a zip member costs several copies of it (16 MB blocks tripled the peak memory).
BLOCK = 1 << 20  # bytes of CSV per block: ~5,000 rows of 35-10-0177
GATHER = 200_000  # rows looked up and written at once
WRITE_ROWS = 50_000  # rows turned into Python objects at once (SQLite)
# The longest text each stored column accepts; longer goes the row-by-row way (which cuts
# or refuses it and says where).
LIMITS = {"REF_DATE": 10, "COORDINATE": 80, "STATUS": 4, "SYMBOL": 4, "TERMINATED": 1}
# The other text is refused row by row beyond the csv module's field limit (reader.py).
LIMITS |= dict.fromkeys(("GEO", "DGUID", "UOM", "SCALAR_FACTOR", "VECTOR"), 1 << 20)
MAKE_ROWS = 20_000  # new series turned into Python objects at once


def load(source, maker: SeriesMaker, writer, progress) -> int:
    """Rows read; raises Fallback when the file needs the row-by-row path."""
    try:
        with contextlib.closing(source.data_bytes()) as stream:
            header = _header(stream)
            reader = pacsv.open_csv(
                stream,
                read_options=pacsv.ReadOptions(column_names=header, block_size=BLOCK),
                convert_options=_conversions(header),
            )
            rows = _load_tables(reader, writer, _Lookup(maker), source, progress)
    except (
        pa.ArrowInvalid,
        pa.ArrowNotImplementedError,
        UnicodeDecodeError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        DatabaseError,
    ) as exc:
        raise Fallback from exc
    except StatcanFileError as exc:
        if exc.line == 1:
            raise  # the header: reported as it is
        raise Fallback from exc
    writer.inserted = rows
    return rows


def _load_tables(reader, writer, lookup: _Lookup, source, progress) -> int:
    rows, pool = 0, pa.default_memory_pool()
    # closing(): the reader thread is stopped as soon as the loop ends, whatever ends it.
    with _Output(writer) as output, contextlib.closing(_gathered(reader)) as tables:
        lookup.before_making = output.pause
        for table in tables:
            _check_lengths(table)
            output.write(_observations(table, lookup.ids(table)))
            rows += table.num_rows
            pool.release_unused()  # the allocator would keep every block's pages
            if progress:
                progress(rows, source.bytes_read, source.data_size)
    return rows


def _gathered(reader):
    """The reader's small blocks gathered into tables of at least GATHER rows: each look-up
    builds a hash table of every known coordinate (~30 ms for 300,000), once per table. They
    are read one table ahead in a thread: decompressing and parsing (which release the GIL)
    go on while the database stores the table before."""
    tables: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()

    def read() -> None:
        batches, count = [], 0
        try:
            for batch in reader:
                batches.append(batch)
                count += batch.num_rows
                if count >= GATHER:
                    tables.put(pa.Table.from_batches(batches))
                    batches, count = [], 0
                    if stop.is_set():
                        return
            if count:
                tables.put(pa.Table.from_batches(batches))
            tables.put(None)
        except BaseException as exc:  # handed to the importer's thread, raised there
            tables.put(exc)

    thread = threading.Thread(target=read, name="statcan-reader", daemon=True)
    thread.start()
    try:
        while (item := tables.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():  # unblock a reader waiting on a full queue
            with contextlib.suppress(queue.Empty):
                tables.get(timeout=0.1)
        thread.join()


def _header(stream) -> list[str]:
    first = stream.readline(1 << 20).removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    header = next(csv.reader([first]), None)
    check_header(header)  # a wrong header is reported as it is, line 1
    if len(set(header)) != len(header):
        raise Fallback  # Arrow names columns by header; the row-by-row path reads by position
    return header


def _conversions(header: list[str]) -> pacsv.ConvertOptions:
    text = ("REF_DATE", "GEO", "DGUID", "UOM", "SCALAR_FACTOR", "VECTOR", "COORDINATE")
    types = {name: pa.string() for name in text}
    types |= {"STATUS": pa.string(), "SYMBOL": pa.string(), "TERMINATED": pa.string()}
    types |= {"VALUE": pa.float64(), "DECIMALS": pa.int16()}
    return pacsv.ConvertOptions(
        column_types=types,
        include_columns=list(types),
        null_values=[""],  # an empty VALUE or DECIMALS; text stays "" (strings_can_be_null)
        strings_can_be_null=False,
        true_values=[],
        false_values=[],
    )


def _check_lengths(batch: pa.Table) -> None:
    for name, limit in LIMITS.items():
        longest = pc.max(pc.utf8_length(batch.column(name))).as_py()
        if longest is not None and longest > limit:
            raise Fallback
    decimals = pc.min(batch.column("DECIMALS")).as_py()
    if decimals is not None and decimals < 0:
        raise Fallback  # a PositiveSmallIntegerField


class _Lookup:
    """Series ids by COORDINATE, in Arrow arrays: the known coordinates and their ids."""

    def __init__(self, maker: SeriesMaker):
        self.maker = maker
        self.before_making = lambda: None  # set to pause the writer's COPY
        self.coordinates = pa.array(list(maker.series), pa.string())
        self.series_ids = np.fromiter(maker.series.values(), np.int64, len(maker.series))

    def ids(self, batch: pa.Table) -> np.ndarray:
        coordinate = batch.column("COORDINATE")
        index = pc.index_in(coordinate, value_set=self.coordinates)
        if index.null_count:
            self.before_making()
            self._make(batch.filter(pc.is_null(index)))
            index = pc.index_in(coordinate, value_set=self.coordinates)
        return self.series_ids[index.to_numpy(zero_copy_only=False)]

    def _make(self, new: pa.Table) -> None:
        """Creates the series of the new coordinates, each from its first row, a slice at a
        time (a table's first block is hundreds of thousands of new cells)."""
        names = ["COORDINATE", "GEO", "DGUID", "VECTOR", "UOM", "SCALAR_FACTOR"]
        # unique() keeps the order of first appearance; np.unique gives each one's first row.
        coordinates = new.column("COORDINATE")
        cell = pc.index_in(coordinates, value_set=pc.unique(coordinates)).to_numpy()
        first = np.unique(cell, return_index=True)[1]
        cells = new.select(names).take(pa.array(first))
        for start in range(0, cells.num_rows, MAKE_ROWS):
            part = cells.slice(start, MAKE_ROWS)
            made = part.column("COORDINATE").to_pylist()
            columns = [part.column(n).to_pylist() for n in names[1:]]
            for coordinate, geo, dguid, vector, uom, scalar in zip(made, *columns, strict=True):
                self.maker.make(geo, dguid, coordinate, vector, uom, scalar, line=0)
            self.maker.flush()
            series = self.maker.series
            more = np.fromiter((series[c] for c in made), np.int64, len(made))
            self.series_ids = np.concatenate([self.series_ids, more])
        self.coordinates = pa.concat_arrays(
            [self.coordinates, cells.column("COORDINATE").combine_chunks()]
        )


def _observations(batch: pa.Table, ids: np.ndarray) -> pa.Table:
    return pa.table(
        {
            "series_id": pa.array(ids),
            "ref_date": batch.column("REF_DATE"),
            "value": batch.column("VALUE"),
            "status": batch.column("STATUS"),
            "symbol": batch.column("SYMBOL"),
            "terminated": pc.equal(batch.column("TERMINATED"), "t"),
            "decimals": pc.fill_null(batch.column("DECIMALS"), 0),
        }
    )


class _Output:
    """Where the observations go. PostgreSQL: one COPY kept open from table to table, so that
    the server stores one while this process parses the next (two cores at work); it is closed
    while series are created, since a connection does nothing else during a COPY. SQLite: the
    columns become Python lists (``to_pylist``, in C), zipped into rows for the writer."""

    def __init__(self, writer):
        self.writer, self.pg = writer, connection.vendor == "postgresql"
        self.copy, self.stack = None, None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.pause(*exc)

    def pause(self, *exc) -> None:
        if self.stack is not None:
            stack, self.stack, self.copy = self.stack, None, None
            stack.__exit__(*(exc or (None, None, None)))

    def write(self, table: pa.Table) -> None:
        if self.pg:
            buffer = io.BytesIO()
            # Strings are quoted ("" is an empty string), nulls left empty (NULL to COPY).
            pacsv.write_csv(table, buffer, pacsv.WriteOptions(include_header=False))
            self._copy().write(buffer.getbuffer())
            return
        for start in range(0, table.num_rows, WRITE_ROWS):
            part = table.slice(start, WRITE_ROWS)
            columns = (part.column(c).to_pylist() for c in OBS_COLUMNS)
            self.writer.write(list(zip(*columns, strict=True)))

    def _copy(self):
        if self.copy is None:
            sql = f"COPY {self.writer.target} ({', '.join(OBS_COLUMNS)}) FROM STDIN (FORMAT csv)"
            with ExitStack() as stack:
                cursor = stack.enter_context(connection.cursor())
                stack.enter_context(bulk.trusted_references(cursor))
                stack.enter_context(connection.wrap_database_errors)
                self.copy = stack.enter_context(cursor.cursor.copy(sql))
                self.stack = stack.pop_all()  # open until pause()
        return self.copy
