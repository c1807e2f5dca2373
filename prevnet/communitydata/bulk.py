"""What both paths of the Statistics Canada importer share: series creation and bulk writes.

The fast path (arrowload.py) and the row-by-row path (importer.py) both hand out series ids
through ``SeriesMaker`` and write observations through ``Writer``; ``Fallback`` is how the fast
path gives a file over to the row-by-row path, which names the line of any problem.
"""

from __future__ import annotations

from contextlib import contextmanager, nullcontext
from itertools import chain

from django.db import IntegrityError, connection
from django.utils.translation import gettext as _

from prevnet.communitydata import partitions
from prevnet.communitydata.geography import Matcher
from prevnet.communitydata.models import (
    Geography,
    ImportRun,
    Observation,
    ObservationChange,
    Series,
)
from prevnet.communitydata.reader import Metadata, StatcanFileError

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


# SQLite's fast path stages rows of three numbers (Writer.write_packed) and the few hundred
# combinations of period and flags they stand for.
PACKED, CODES = "cd_packed", "cd_codes"
PACKED_COLUMNS = ("series_id", "code", "value")
PACKED_TABLES = (
    f"DROP TABLE IF EXISTS {PACKED}",
    f"DROP TABLE IF EXISTS {CODES}",
    f"CREATE TEMP TABLE {PACKED} (series_id integer, code integer, value real)",
    f"CREATE TEMP TABLE {CODES} (code integer PRIMARY KEY, ref_date text, status text,"
    " symbol text, terminated integer, decimals integer)",
)
UNPACKED_COLUMNS = "p.series_id, c.ref_date, p.value, c.status, c.symbol, c.terminated, c.decimals"
UNPACKED = f"SELECT {UNPACKED_COLUMNS} FROM {PACKED} p JOIN {CODES} c ON c.code = p.code"  # noqa: S608


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
        geography_id = self.geography_id(dguid or f"GEO:{geo}", geo, dguid)
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

    def geography_id(self, key: str, geo: str, dguid: str) -> int:
        geography_id = self.geographies.get(key)
        if geography_id is None:
            self.matcher = self.matcher or Matcher()
            geography = self.matcher.new(key, geo, dguid)
            geography.save()
            geography_id = self.geographies[key] = geography.pk
        return geography_id

    def flush(self) -> None:
        # Raw SQL: a 35-10-0177 import creates ~300,000 series; the ORM's per-object
        # preparation would double the import time.
        if not self.new:
            return
        columns = ", ".join(SERIES_COLUMNS)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Every reference a new series holds was read or written by this import (its
                # table, members and geographies): no check per row where that can be skipped.
                sql = f"COPY {Series._meta.db_table} ({columns}) FROM STDIN"
                trusted = trusted_references(cursor)
                with trusted, connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
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
    """Bulk writes: COPY on PostgreSQL, multi-row INSERTs on SQLite; direct or through staging.

    PostgreSQL: a first import goes into a table of its own, attached as a partition of the
    observation table by ``finish`` (partitions.py); a re-import goes through the staging table
    and ``finish`` compares. SQLite always stages (a temporary table
    with no index, key or check to maintain) and ``settle`` copies a first import into the
    observation table in one statement, in (series, period) order: the unique index then grows
    at its end, and the table's AUTOINCREMENT and foreign key are handled once per statement
    instead of once per row (the 7.7 million rows of 35-10-0177 in half the time of direct
    inserts; bench/README.md)."""

    def __init__(self, direct: bool, maker: SeriesMaker):
        self.direct, self.maker = direct, maker
        self.obs = Observation._meta.db_table
        self.pg = connection.vendor == "postgresql"
        self.staged = not (direct and self.pg)
        self.target = "cd_stage" if self.staged else self.obs
        self.partition: partitions.LoadTable | None = None
        with connection.cursor() as cursor:
            if direct and self.pg and not maker.series:
                # New series only: their rows go into a partition of their own (partitions.py).
                self.partition = partitions.load_table(cursor, maker.next_id)
                self.target = self.partition.name if self.partition else self.obs
            if self.staged:
                temp = "TEMPORARY" if self.pg else "TEMP"
                cursor.execute(f"DROP TABLE IF EXISTS {self.target}")
                cursor.execute(
                    f"CREATE {temp} TABLE {self.target} (series_id bigint, ref_date varchar(10),"
                    " value double precision, status varchar(4), symbol varchar(4),"
                    " terminated boolean, decimals smallint)"
                )
        self.inserted, self.packed = 0, False

    def write(self, rows: list[tuple]) -> None:
        if not rows:
            return
        columns = ", ".join(OBS_COLUMNS)
        with connection.cursor() as cursor:
            if self.pg:
                # COPY goes through psycopg directly; wrap its errors as Django's.
                copy_sql = f"COPY {self.target} ({columns}) FROM STDIN"
                trusted = trusted_references(cursor) if self.partition else nullcontext()
                with trusted, connection.wrap_database_errors, cursor.cursor.copy(copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                # The sqlite3 cursor itself: Django's wrapper would turn every ? into %s and back.
                with connection.wrap_database_errors:
                    _insert_many(cursor.cursor, self.target, rows)
        self.inserted += len(rows)

    def write_packed(self, flat: list, codes: list[tuple]) -> None:
        """SQLite's fast path: ``flat`` holds (series id, code, value) row after row, where a
        code stands for one combination of period and flags, listed in ``codes`` when first
        met (a few hundred in a whole table). Three bound parameters a row instead of seven:
        binding is most of what an insert costs from Python (bench/README.md)."""
        with connection.cursor() as cursor, connection.wrap_database_errors:
            if not self.packed:
                for sql in PACKED_TABLES:
                    cursor.execute(sql)
                self.packed = True
            if codes:
                insert = f"INSERT INTO {CODES} VALUES (%s, %s, %s, %s, %s, %s)"  # noqa: S608
                cursor.executemany(insert, codes)
            _insert_flat(cursor.cursor, PACKED, PACKED_COLUMNS, flat)
        self.inserted += len(flat) // len(PACKED_COLUMNS)

    def settle(self) -> None:
        """A first SQLite import: the staged rows into the observation table, in order."""
        if not (self.direct and self.staged):
            return
        cols = ", ".join(OBS_COLUMNS)
        with connection.cursor() as cursor:
            if self.packed:
                cursor.execute(f"INSERT INTO {self.obs} ({cols}) {UNPACKED} ORDER BY 1, 2")
            cursor.execute(
                f"INSERT INTO {self.obs} ({cols}) SELECT {cols} FROM {self.target}"  # noqa: S608
                " ORDER BY series_id, ref_date"
            )
            self._drop(cursor)

    def _drop(self, cursor) -> None:
        cursor.execute(f"DROP TABLE {self.target}")
        if self.packed:
            cursor.execute(f"DROP TABLE {PACKED}")
            cursor.execute(f"DROP TABLE {CODES}")

    def finish(self, run: ImportRun | None) -> tuple[int, int]:
        """(created, updated)."""
        obs, stage, cols = self.obs, self.target, ", ".join(OBS_COLUMNS)
        self.settle()
        if self.partition is not None:
            with connection.cursor() as cursor:
                self.partition.attach(cursor, self.maker.next_id)
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
            if self.packed:  # a re-import compares the staged rows as written by either path
                cursor.execute(f"INSERT INTO {stage} ({cols}) {UNPACKED}")
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
            self._drop(cursor)
        return created, updated


ROWS_PER_INSERT = 100  # rows of one SQLite INSERT


def _insert_many(cursor, table: str, rows: list[tuple]) -> None:
    _insert_flat(cursor, table, OBS_COLUMNS, list(chain.from_iterable(rows)))


def _insert_flat(cursor, table: str, columns: tuple[str, ...], flat: list) -> None:
    """executemany of INSERTs of 100 rows each, from the rows' values one after the other: a
    statement's own cost (binding its program, starting and ending it) is then paid once per
    100 rows (a third less time than a row each, measured into the staging table;
    bench/README.md)."""
    width = len(columns)
    cols, one = ", ".join(columns), "(" + ", ".join("?" * width) + ")"
    size = ROWS_PER_INSERT * width
    whole = len(flat) - len(flat) % size
    if whole:
        values = ", ".join([one] * ROWS_PER_INSERT)
        cursor.executemany(
            f"INSERT INTO {table} ({cols}) VALUES {values}",  # noqa: S608
            (flat[i : i + size] for i in range(0, whole, size)),
        )
    if whole < len(flat):
        rest = flat[whole:]
        cursor.executemany(
            f"INSERT INTO {table} ({cols}) VALUES {one}",  # noqa: S608
            (rest[i : i + width] for i in range(0, len(rest), width)),
        )


@contextmanager
def trusted_references(cursor):
    """Skip the per-row foreign-key triggers of an INSERT ... SELECT whose series ids come
    from a join with the series table itself (locked by the import), where the database
    allows it (partitions.may_skip_checks: a superuser, or a role granted the right to set
    session_replication_role). Otherwise the commit checks each row's reference (about a third
    of a fresh PostgreSQL import)."""
    allowed = partitions.may_skip_checks(cursor)
    if allowed:
        cursor.execute("SET LOCAL session_replication_role = replica")
    try:
        yield
    finally:
        if allowed:
            cursor.execute("SET LOCAL session_replication_role = origin")


@contextmanager
def sqlite_trusted_references():
    """SQLite's counterpart of trusted_references, around the import's whole transaction (the
    pragma is ignored inside one): no foreign-key look-up for each of millions of rows (2-3 s
    of a 35-10-0177 import, bench/README.md). Safe for the same reason: every id the import
    writes comes from a row it read or wrote in the same write transaction. The one that does
    not, the run an ObservationChange belongs to, is checked at the end (``check_changes``).
    Inside an outer transaction (tests) nothing changes and the checks stay on."""
    unchecked = connection.vendor == "sqlite" and not connection.in_atomic_block
    if unchecked:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if unchecked:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA foreign_keys = ON")


def check_changes() -> None:
    """Raises IntegrityError when a recorded change points at a run that does not exist."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA foreign_key_check({ObservationChange._meta.db_table})")
        if cursor.fetchone() is not None:
            raise IntegrityError("FOREIGN KEY constraint failed (observation change, run)")
