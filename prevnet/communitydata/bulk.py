"""The fast path of the Statistics Canada importer (importer.py), and the pieces both paths share.

A full table is millions of rows but only thousands of cells (series): the per-row work is
kept out of Python. On PostgreSQL the decompressed CSV goes to the server untouched with COPY
into a temporary table of text columns (the server parses it, on another core); the series are
made from its distinct coordinates, then one INSERT ... SELECT converts and joins every row. On
SQLite the csv module parses, Python looks each row's series up in a dictionary, and SQLite
converts the text (VALUE by the column's REAL affinity, DECIMALS by INTEGER affinity).

The fast path checks less than the row-by-row path: whatever it does not accept as plainly
valid (a value that is not a number, a field count that differs, a coordinate that does not
fit, a very long line) raises ``Fallback``; the importer then rolls the attempt back and runs
the row-by-row path, which names the line and the problem. Valid files never pay for that.
"""

from __future__ import annotations

import csv
import gc
import zipfile
import zlib
from contextlib import contextmanager, nullcontext
from itertools import islice
from operator import itemgetter

from django.db import DatabaseError, connection
from django.utils.translation import gettext as _

from prevnet.communitydata.geography import Matcher
from prevnet.communitydata.models import (
    Geography,
    ImportRun,
    Observation,
    ObservationChange,
    Series,
)
from prevnet.communitydata.reader import FIXED_END, Metadata, StatcanFileError, check_header

OBS_COLUMNS = ("series_id", "ref_date", "value", "status", "symbol", "terminated", "decimals")
SERIES_COLUMNS = (
    "id",
    "table_id",
    "geography_id",
    "coordinate",
    "vector",
    "member_1_id",
    "member_2_id",
    "uom",
    "scalar_factor",
)
CHUNK = 1 << 20
LONG_LINE = 1 << 20  # the csv module's field limit (reader.py): longer lines go the slow way


class Fallback(Exception):
    """The fast path met something it does not judge itself; the row-by-row path will."""


class SeriesMaker:
    """Hands out series ids by COORDINATE, creating the series (and geographies) on first sight."""

    def __init__(self, table, members: dict[tuple[int, int], int], meta: Metadata):
        self.table, self.members = table, members
        self.n_dims = len(meta.dimensions)
        self.geo_position = geo_position(meta)
        self.series = dict(Series.objects.filter(table=table).values_list("coordinate", "id"))
        self.geographies = dict(Geography.objects.values_list("key", "id"))
        self.matcher: Matcher | None = None
        last = Series.objects.order_by("-id").values_list("id", flat=True).first()
        self.next_id = (last or 0) + 1
        self.new: list[tuple] = []

    def make(self, geo, dguid, coordinate, vector, uom, scalar, line: int) -> int:
        keys = coordinate.split(".")
        if len(keys) != self.n_dims or not all(k.isdigit() for k in keys):
            raise StatcanFileError(
                _("COORDINATE %(c)s does not name one member of each of the %(n)s dimensions.")
                % {"c": coordinate[:40], "n": self.n_dims},
                line=line,
                column="COORDINATE",
            )
        geo_key = dguid or f"GEO:{geo}"
        geography_id = self.geographies.get(geo_key)
        if geography_id is None:
            self.matcher = self.matcher or Matcher()
            geography = self.matcher.new(geo_key, geo, dguid)
            geography.save()
            geography_id = self.geographies[geo_key] = geography.pk
        positions = [p for p in range(1, self.n_dims + 1) if p != self.geo_position]
        ids = [self.members.get((p, int(keys[p - 1]))) for p in positions]
        if None in ids:
            raise StatcanFileError(
                _("COORDINATE %(c)s names a member the metadata file does not list.")
                % {"c": coordinate[:40]},
                line=line,
                column="COORDINATE",
            )
        series_id = self.series[coordinate] = self.next_id
        self.next_id += 1
        self.new.append(
            (
                series_id,
                self.table.pk,
                geography_id,
                coordinate[:80],
                vector[:20],
                ids[0] if ids else None,
                ids[1] if len(ids) > 1 else None,
                uom[:100],
                scalar.strip()[:30],
            )
        )
        return series_id

    def flush(self) -> None:
        # Raw SQL: a 35-10-0177 import creates ~300,000 series; the ORM's per-object
        # preparation would double the import time.
        if not self.new:
            return
        columns = ", ".join(SERIES_COLUMNS)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                sql = f"COPY {Series._meta.db_table} ({columns}) FROM STDIN"
                with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
                    for row in self.new:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(SERIES_COLUMNS))
                cursor.executemany(
                    f"INSERT INTO {Series._meta.db_table} ({columns}) VALUES ({marks})",  # noqa: S608
                    self.new,
                )
        self.new.clear()


def geo_position(meta: Metadata) -> int:
    for i, name in enumerate(meta.dimensions, 1):
        if name.casefold() in ("geography", "géographie"):
            return i
    return 1


class Writer:
    """Bulk writes: COPY on PostgreSQL, executemany on SQLite; direct or through staging.

    ``raw`` (SQLite): the rows are the file's text and SQLite converts them;
    ``settle_raw`` then looks for what it could not convert. Raw rows always go through the
    staging table and are copied from it in (series, period) order: a series' observations
    end up together on disk and the unique index grows at its end. (On the 1.5 GB table this
    was no faster than inserting in the file's period-major order: bench/README.md.)"""

    def __init__(self, direct: bool, raw: bool = False):
        self.direct, self.raw = direct, raw
        self.obs = Observation._meta.db_table
        self.pg = connection.vendor == "postgresql"
        self.staged = raw or not direct
        self.target = "cd_stage" if self.staged else self.obs
        with connection.cursor() as cursor:
            if self.staged:
                temp = "TEMPORARY" if self.pg else "TEMP"
                cursor.execute(f"DROP TABLE IF EXISTS {self.target}")
                cursor.execute(
                    f"CREATE {temp} TABLE {self.target} (series_id bigint, ref_date varchar(10),"
                    " value double precision, status varchar(4), symbol varchar(4),"
                    " terminated boolean, decimals smallint)"
                )
        self.inserted = 0

    def write(self, rows: list[tuple]) -> None:
        if not rows:
            return
        columns = ", ".join(OBS_COLUMNS)
        with connection.cursor() as cursor:
            if self.pg:
                # COPY goes through psycopg directly; wrap its errors as Django's.
                copy_sql = f"COPY {self.target} ({columns}) FROM STDIN"
                with connection.wrap_database_errors, cursor.cursor.copy(copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                if self.raw:
                    # The series id, then REF_DATE, VALUE, STATUS, SYMBOL, TERMINATED, DECIMALS
                    # as text: the value read by the column's REAL affinity.
                    values = "?, ?, NULLIF(?, ''), ?, ?, ? = 't', COALESCE(NULLIF(?, ''), 0)"
                else:
                    values = ", ".join(["?"] * len(OBS_COLUMNS))
                # The sqlite3 cursor itself: Django's wrapper would turn every ? into %s and back.
                with connection.wrap_database_errors:
                    cursor.cursor.executemany(
                        f"INSERT INTO {self.target} ({columns}) VALUES ({values})",  # noqa: S608
                        rows,
                    )
        self.inserted += len(rows)

    def settle_raw(self, rows: int) -> None:
        """Check the staged text: SQLite keeps as text what its column affinity could not read
        as a number, and the row-by-row path cuts long codes (and names the row of a bad
        value). A first import copies the valid rows in (series, period) order in the same
        pass, and falls back if any was left out."""
        valid = (
            "typeof(value) <> 'text' AND typeof(decimals) = 'integer' AND length(ref_date) <= 10"
            " AND length(status) <= 4 AND length(symbol) <= 4"
        )
        cols = ", ".join(OBS_COLUMNS)
        with connection.cursor() as cursor:
            if self.direct:
                cursor.execute(
                    f"INSERT INTO {self.obs} ({cols}) SELECT {cols} FROM {self.target}"  # noqa: S608
                    f" WHERE {valid} ORDER BY series_id, ref_date"
                )
                if cursor.rowcount != rows:
                    raise Fallback
                cursor.execute(f"DROP TABLE {self.target}")
            else:
                cursor.execute(f"SELECT 1 FROM {self.target} WHERE NOT ({valid}) LIMIT 1")  # noqa: S608
                if cursor.fetchone():
                    raise Fallback

    def finish(self, run: ImportRun | None) -> tuple[int, int]:
        """(created, updated)."""
        obs, stage, cols = self.obs, self.target, ", ".join(OBS_COLUMNS)
        if self.direct:
            return self.inserted, 0
        distinct = "IS DISTINCT FROM" if self.pg else "IS NOT"
        differs = (
            f"(o.value {distinct} s.value OR o.status <> s.status OR o.symbol <> s.symbol"
            " OR o.terminated <> s.terminated OR o.decimals <> s.decimals)"
        )
        flags = "TRIM({t}.status || ' ' || {t}.symbol || CASE WHEN {t}.terminated THEN ' t' ELSE '' END)"  # noqa: E501
        changes = ObservationChange._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE INDEX cd_stage_key ON {stage} (series_id, ref_date)")
            if self.pg:
                cursor.execute(f"ANALYZE {stage}")
            if run is None:
                run = ImportRun.objects.create(original_name="(command)")
            run_id = run.pk if self.pg else run.pk.hex
            cursor.execute(
                f"INSERT INTO {changes} (run_id, observation_id, old_value, new_value,"  # noqa: S608
                f" old_flags, new_flags) SELECT %s, o.id, o.value, s.value,"
                f" {flags.format(t='o')}, {flags.format(t='s')}"
                f" FROM {stage} s JOIN {obs} o ON o.series_id = s.series_id"
                f" AND o.ref_date = s.ref_date WHERE {differs}",
                [run_id],
            )
            updated = cursor.rowcount
            set_cols = ", ".join(f"{c} = s.{c}" for c in OBS_COLUMNS[2:])
            cursor.execute(
                f"UPDATE {obs} AS o SET {set_cols} FROM {stage} s"  # noqa: S608
                f" WHERE o.series_id = s.series_id AND o.ref_date = s.ref_date AND {differs}"
            )
            with trusted_references(cursor) if self.pg else nullcontext():
                cursor.execute(
                    f"INSERT INTO {obs} ({cols}) SELECT {cols} FROM {stage} s WHERE NOT EXISTS"  # noqa: S608
                    f" (SELECT 1 FROM {obs} o WHERE o.series_id = s.series_id"
                    " AND o.ref_date = s.ref_date) ORDER BY s.series_id, s.ref_date"
                )
                created = cursor.rowcount
            cursor.execute(f"DROP TABLE {stage}")
        return created, updated


def load_sqlite(source, maker: SeriesMaker, writer: Writer, progress, batch_size: int) -> int:
    """Rows read. The csv module parses a batch; set operations find its new coordinates; per
    row only a dictionary look-up and a tuple of the file's text; SQLite converts the text."""
    n_end = len(FIXED_END)
    coordinate_of = itemgetter(-6)
    rows = 0
    # The cyclic garbage collector would walk every batch's 20,000 row lists again and again
    # (a third of the parsing time); these lists hold only strings and are freed by refcount.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with source.data_text() as text:
            reader = csv.reader(text)
            header = next(reader, None)
            check_header(header)
            width = len(header)
            while batch := list(islice(reader, batch_size)):
                if set(map(len, batch)) != {width}:
                    batch = [f for f in batch if f]  # blank lines are skipped, as row by row
                    if set(map(len, batch)) - {width}:
                        raise Fallback
                new = set(map(coordinate_of, batch)).difference(maker.series)
                if new:
                    for f in batch:
                        if f[-6] in new and f[-6] not in maker.series:
                            if len(f[-6]) > 80:
                                raise Fallback  # stored cut short: found by the row-by-row path
                            maker.make(f[1], f[2], f[-6], f[-7], f[-n_end], f[-n_end + 2], 0)
                    maker.flush()
                get = maker.series.__getitem__
                writer.write([(get(f[-6]), f[0], f[-5], f[-4], f[-3], f[-2], f[-1]) for f in batch])
                rows += len(batch)
                if progress:
                    progress(rows, source.bytes_read, source.data_size)
    except (csv.Error, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise Fallback from exc
    except StatcanFileError as exc:
        if exc.line == 1:
            raise  # the header: reported as it is
        raise Fallback from exc
    finally:
        if collecting:
            gc.enable()
    writer.settle_raw(rows)
    return rows


def load_postgresql(source, maker: SeriesMaker, writer: Writer, progress) -> int:
    """Rows read. COPY of the raw CSV, series from its distinct coordinates, one INSERT."""
    try:
        with connection.cursor() as cursor:
            width = _copy_raw(cursor, source, progress)
            col = {name: f"c{width - len(FIXED_END) + i}" for i, name in enumerate(FIXED_END)}
            cursor.execute("ANALYZE cd_stage_raw")
            # A server-side cursor: a table has hundreds of thousands of cells.
            with connection.chunked_cursor() as cells:
                cells.execute(
                    f"SELECT {col['COORDINATE']}, min(c1), min(c2), min({col['VECTOR']}),"  # noqa: S608
                    f" min({col['UOM']}), min({col['SCALAR_FACTOR']})"
                    f" FROM cd_stage_raw GROUP BY {col['COORDINATE']}"
                )
                while chunk := cells.fetchmany(20_000):
                    for coordinate, geo, dguid, vector, uom, scalar in chunk:
                        if coordinate is None or len(coordinate) > 80:
                            raise Fallback
                        if coordinate not in maker.series:
                            args = (geo, dguid, coordinate, vector, uom, scalar)
                            maker.make(*(a or "" for a in args), line=0)
                    maker.flush()
            cursor.execute(f"ANALYZE {Series._meta.db_table}")
            with trusted_references(cursor):
                cursor.execute(
                    f"INSERT INTO {writer.target} ({', '.join(OBS_COLUMNS)})"  # noqa: S608
                    f" SELECT s.id, left(coalesce(r.c0, ''), 10),"
                    f" NULLIF(r.{col['VALUE']}, '')::float8,"
                    f" left(coalesce(r.{col['STATUS']}, ''), 4),"
                    f" left(coalesce(r.{col['SYMBOL']}, ''), 4),"
                    f" coalesce(r.{col['TERMINATED']}, '') = 't',"
                    f" coalesce(NULLIF(r.{col['DECIMALS']}, ''), '0')::smallint"
                    f" FROM cd_stage_raw r JOIN {Series._meta.db_table} s"
                    f" ON s.table_id = %s AND s.coordinate = r.{col['COORDINATE']}"
                    " ORDER BY 1, 2",
                    [maker.table.pk],
                )
                rows = cursor.rowcount
            cursor.execute("DROP TABLE cd_stage_raw")
    except (StatcanFileError, DatabaseError) as exc:
        raise Fallback from exc
    writer.inserted = rows
    return rows


@contextmanager
def trusted_references(cursor):
    """Skip the per-row foreign-key triggers of an INSERT ... SELECT whose series ids come
    from a join with the series table itself (locked by the import), where the database
    allows it: a superuser may set session_replication_role. Otherwise the commit checks each
    row's reference (about a third of a fresh PostgreSQL import)."""
    cursor.execute("SELECT current_setting('is_superuser')")
    allowed = cursor.fetchone()[0] == "on"
    if allowed:
        cursor.execute("SET LOCAL session_replication_role = replica")
    try:
        yield
    finally:
        if allowed:
            cursor.execute("SET LOCAL session_replication_role = origin")


def _copy_raw(cursor, source, progress) -> int:
    """COPY the data file, header checked here, into cd_stage_raw; returns its width."""
    try:
        stream = source.data_bytes()
        first = stream.readline().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        header = next(csv.reader([first]), None)
        check_header(header)  # a wrong header is reported as it is, line 1
        width = len(header)
        columns = ", ".join(f"c{i} text" for i in range(width))
        cursor.execute("DROP TABLE IF EXISTS cd_stage_raw")
        cursor.execute(f"CREATE TEMPORARY TABLE cd_stage_raw ({columns})")
        done, lines, run = 0, 0, 0
        sql = "COPY cd_stage_raw FROM STDIN (FORMAT csv)"
        with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            while chunk := stream.read(CHUNK):
                copy.write(chunk)
                # A line longer than the csv module accepts goes to the row-by-row path.
                newline = chunk.find(b"\n")
                if newline < 0:
                    run += len(chunk)
                else:
                    if run + newline > LONG_LINE:
                        raise Fallback
                    run = len(chunk) - chunk.rfind(b"\n") - 1
                if run > LONG_LINE:
                    raise Fallback
                lines += chunk.count(b"\n")
                done += 1
                if progress and done % 16 == 0:
                    progress(lines, source.bytes_read, source.data_size)
        stream.close()
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError) as exc:
        raise Fallback from exc
    if not cursor.rowcount:
        raise Fallback
    return width
