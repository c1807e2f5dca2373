"""The fast path of the Statistics Canada importer: Arrow's CSV reader, columns, not rows.

A full table is millions of rows but only thousands of cells (series). pyarrow's streaming
reader parses the decompressed file in blocks, in C++, into typed columns (about 3 s for the
1.5 GB 35-10-0177 table) without one Python object per field, in a thread one table ahead of
the writes. Each table's COORDINATE column is matched against the series already known: by
comparing runs when it follows their order (``_in_known_order``: Statistics Canada sorts by
period, so every period lists the cells alike), else by ``index_in``, a hash join in C++.
Only the rows of coordinates seen for the first time come back to Python, to create their
series (arrowseries.py). Then:

- PostgreSQL: the table, with its series ids, is laid out in COPY's binary format from its
  columns (pgcopy.py) and sent into its target (a first import's own partition, see
  partitions.py, or the staging table on a re-import); the server stores it on its own core
  while this process parses the next table.
- SQLite: each row becomes three numbers (series id, a code for its period and flags, value)
  laid in one Python list for multi-row inserts into a staging table, copied in order into
  the observation table at the end (``bulk.Writer``).

Whatever the reader does not accept as plainly valid (a value that is not a number, a field
count that differs, invalid UTF-8, a line longer than a block, a code longer than its column)
raises ``bulk.Fallback``; the importer rolls the attempt back and runs the row-by-row path,
which names the line and the problem. Memory is the few tables of 200,000 rows in flight
(read ahead, being written), whatever the file's size, plus one entry per table cell.
"""

from __future__ import annotations

import contextlib
import csv
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

from prevnet.communitydata import arrowseries, bulk, pgcopy
from prevnet.communitydata.bulk import OBS_COLUMNS, Fallback, SeriesMaker
from prevnet.communitydata.reader import StatcanFileError, check_header

# Small blocks: Arrow reads the decompressed stream a block at a time, and a large read from
# a zip member costs several copies of it (16 MB blocks tripled the peak memory).
BLOCK = 1 << 20  # bytes of CSV per block: ~5,000 rows of 35-10-0177
GATHER = 200_000  # rows looked up and written at once
# ... or fewer when the rows are wide (long names): memory is bounded by bytes, not rows.
GATHER_BLOCKS = 48  # 35-10-0177 fills 200,000 rows in about 40 blocks
# The longest text each stored column accepts; longer goes the row-by-row way (which cuts
# or refuses it and says where).
LIMITS = {"REF_DATE": 10, "COORDINATE": 80, "STATUS": 4, "SYMBOL": 4, "TERMINATED": 1}
# The other text is refused row by row beyond the csv module's field limit (reader.py).
LIMITS |= dict.fromkeys(("GEO", "DGUID", "UOM", "SCALAR_FACTOR", "VECTOR"), 1 << 20)


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
    codes = None if connection.vendor == "postgresql" else _Codes()

    def prepare(table: pa.Table) -> tuple:
        """In the reader thread, beside the writes: checks, look-ups and codes, whatever
        does not need the database (Arrow's compute functions release the GIL)."""
        _check_lengths(table)
        return table, lookup.known_ids(table), codes.of(table) if codes else None

    # closing(): the reader thread is stopped as soon as the loop ends, whatever ends it.
    with _Output(writer) as output, contextlib.closing(_gathered(reader, prepare)) as tables:
        lookup.before_making = output.pause
        for table, ids, coded in tables:
            output.write(table, lookup.ids(table) if ids is None else ids, coded)
            rows += table.num_rows
            pool.release_unused()  # the allocator would keep every block's pages
            if progress:
                progress(rows, source.bytes_read, source.data_size)
    return rows


def _gathered(reader, prepare):
    """The reader's small blocks gathered into tables of at least GATHER rows: each look-up
    builds a hash table of every known coordinate (~30 ms for 300,000), once per table. They
    are read and prepared one table ahead in a thread: decompressing, parsing and looking up
    (which release the GIL) go on while the database stores the table before."""
    tables: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()

    def read() -> None:
        batches, count = [], 0
        try:
            for batch in reader:
                batches.append(batch)
                count += batch.num_rows
                if count >= GATHER or len(batches) >= GATHER_BLOCKS:
                    tables.put(prepare(pa.Table.from_batches(batches)))
                    batches, count = [], 0
                    if stop.is_set():
                        return
            if count:
                tables.put(prepare(pa.Table.from_batches(batches)))
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
        column = batch.column(name)
        # Bytes first (read from the offsets): no more bytes than the limit, no more characters.
        longest = pc.max(pc.binary_length(column)).as_py()
        if longest is not None and longest > limit:
            longest = pc.max(pc.utf8_length(column)).as_py()
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
        coordinates = pa.array(list(maker.series), pa.string())
        # One tuple, replaced whole: the reader thread reads it while this one adds series.
        self.known = (coordinates, np.fromiter(maker.series.values(), np.int64, len(coordinates)))

    def known_ids(self, batch: pa.Table) -> np.ndarray | None:
        """The series ids of a table whose coordinates are all known, else None (reader thread;
        series only ever get added, so an older snapshot's answer stays right)."""
        coordinates, series_ids = self.known
        ids = _in_known_order(batch.column("COORDINATE"), coordinates, series_ids)
        if ids is not None:
            return ids
        index, series_ids = self._index(batch)
        return None if index.null_count else series_ids[index.to_numpy(zero_copy_only=False)]

    def ids(self, batch: pa.Table) -> np.ndarray:
        """The series ids of a table, making those of coordinates not seen before."""
        index, series_ids = self._index(batch)
        if index.null_count:
            self.before_making()
            self._make(batch.filter(pc.is_null(index)))
            index, series_ids = self._index(batch)
        return series_ids[index.to_numpy(zero_copy_only=False)]

    def _index(self, batch: pa.Table) -> tuple[pa.Array, np.ndarray]:
        coordinates, series_ids = self.known
        return pc.index_in(batch.column("COORDINATE"), value_set=coordinates), series_ids

    def _make(self, new: pa.Table) -> None:
        """Creates the series of the new coordinates, each from its first row."""
        names = ["COORDINATE", "GEO", "DGUID", "VECTOR", "UOM", "SCALAR_FACTOR"]
        # unique() keeps the order of first appearance; np.unique gives each one's first row.
        coordinates = new.column("COORDINATE")
        cell = pc.index_in(coordinates, value_set=pc.unique(coordinates)).to_numpy()
        first = np.unique(cell, return_index=True)[1]
        cells = new.select(names).take(pa.array(first))
        coordinates, series_ids = self.known
        made = arrowseries.make(self.maker, cells)
        self.known = (
            pa.concat_arrays([coordinates, cells.column("COORDINATE").combine_chunks()]),
            np.concatenate([series_ids, made]),
        )


def _in_known_order(column, known: pa.Array, series_ids: np.ndarray) -> np.ndarray | None:
    """The series ids of ``column`` when its coordinates follow the known ones in the order
    they were first met, else None. Statistics Canada sorts a table by period first, so
    every period lists the cells in the same order: comparing runs of the two columns costs
    a string comparison a row, where ``index_in`` hashes every known coordinate for each
    table (a third of the reader thread's time on 35-10-0177)."""
    runs, start, n = [], 0, len(column)
    while start < n:
        if len(runs) > 1 + n // max(len(known), 1):
            return None  # runs shorter than periods (a cell repeated): hashing is cheaper
        position = pc.index(known, column[start]).as_py()  # -1 when not known
        if position < 0:
            return None
        length = min(n - start, len(known) - position)
        same = pc.equal(column.slice(start, length), known.slice(position, length))
        if not pc.all(same).as_py():
            return None
        runs.append(series_ids[position : position + length])
        start += length
    return np.concatenate(runs) if runs else None


class _Codes:
    """SQLite: a number for each combination of period and flags met (REF_DATE, STATUS, SYMBOL,
    TERMINATED, DECIMALS: a few hundred in a whole table), so that each row is bound as three
    numbers (Writer.write_packed)."""

    def __init__(self):
        self.known: dict[str, int] = {}

    def of(self, table: pa.Table) -> tuple[np.ndarray, list[tuple]]:
        """Each row's code, and the combinations met for the first time."""
        decimals = pc.cast(pc.fill_null(table.column("DECIMALS"), 0), pa.string())
        names = ("REF_DATE", "STATUS", "SYMBOL", "TERMINATED")
        parts = [*(table.column(n) for n in names), decimals]
        encoded = pc.dictionary_encode(
            pc.binary_join_element_wise(*parts, SEPARATOR).combine_chunks()
        )
        codes, new = [], []
        for key in encoded.dictionary.to_pylist():
            code = self.known.get(key)
            if code is None:
                fields = key.split(SEPARATOR)
                if len(fields) != len(parts):
                    raise Fallback  # a field holds the separator: leave it to the checked path
                code = self.known[key] = len(self.known)
                ref_date, status, symbol, terminated, decimals = fields
                new.append((code, ref_date, status, symbol, terminated == "t", int(decimals)))
            codes.append(code)
        return np.array(codes, np.int64)[encoded.indices.to_numpy()], new


SEPARATOR = "\x1f"  # a control character no Statistics Canada field holds


class _Output:
    """Where the observations go. PostgreSQL: one COPY kept open from table to table, so that
    the server stores one while this process parses the next (two cores at work); it is closed
    while series are created, since a connection does nothing else during a COPY. SQLite: rows
    of three numbers (series id, code, value), laid one after the other in one Python list for
    multi-row inserts (Writer.write_packed)."""

    def __init__(self, writer):
        self.writer, self.pg = writer, connection.vendor == "postgresql"
        self.copy, self.stack = None, None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.pause(*exc)

    def pause(self, *exc) -> None:
        if self.stack is not None:
            if not any(exc):
                self.copy.write(pgcopy.TRAILER)
            stack, self.stack, self.copy = self.stack, None, None
            stack.__exit__(*(exc or (None, None, None)))

    def write(self, table: pa.Table, ids: np.ndarray, coded: tuple | None) -> None:
        if self.pg:
            load = self.writer.partition  # a first import numbers its rows (partitions.py)
            first = load.take_ids(table.num_rows) if load else None
            self._copy().write(pgcopy.observation_rows(table, ids, first))
            return
        codes, new = coded
        flat: list = [None] * (3 * table.num_rows)
        flat[0::3], flat[1::3] = ids.tolist(), codes.tolist()
        flat[2::3] = table.column("VALUE").to_pylist()
        self.writer.write_packed(flat, new)

    def _copy(self):
        if self.copy is None:
            columns = ", ".join(("id", *OBS_COLUMNS) if self.writer.partition else OBS_COLUMNS)
            sql = f"COPY {self.writer.target} ({columns}) FROM STDIN (FORMAT binary)"
            with ExitStack() as stack:
                cursor = stack.enter_context(connection.cursor())
                stack.enter_context(bulk.trusted_references(cursor))
                stack.enter_context(connection.wrap_database_errors)
                self.copy = stack.enter_context(cursor.cursor.copy(sql))
                self.copy.write(pgcopy.SIGNATURE)
                self.stack = stack.pop_all()  # open until pause()
        return self.copy
