"""Write a Statistics Canada table into the database: all or nothing, idempotent, streamed.

Rows are checked and written in batches inside one transaction; the first bad row rolls
everything back and names its line. A table seen for the first time is inserted directly. A
table already imported goes through a staging table, then three set-based statements record
the values that changed (ObservationChange), update them and insert the new ones: importing the
same file twice changes nothing, and a newer release replaces revised values with a trace.
Memory is bounded by the batch size and the series dictionary (one entry per table cell).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prevnet.communitydata import crime
from prevnet.communitydata.geography import Matcher
from prevnet.communitydata.models import (
    Dimension,
    Geography,
    ImportRun,
    Member,
    Observation,
    ObservationChange,
    RunStatus,
    Series,
    Table,
)
from prevnet.communitydata.reader import FIXED_END, Metadata, StatcanFileError, StatcanZip

BATCH = 20_000
OBS_COLUMNS = ("series_id", "ref_date", "value", "status", "symbol", "terminated", "decimals")
Progress = Callable[[int, int, int], None]  # (rows read, bytes read, bytes total)


@dataclass
class Result:
    table: Table | None = None
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def import_statcan_zip(
    path, run: ImportRun | None = None, progress: Progress | None = None, force: bool = False
):
    """Import one full-table download; raises StatcanFileError with nothing written.

    The very file imported last (same data CRC and size) is not read again unless ``force``:
    the answer is "all unchanged" at once rather than after a full comparison.
    """
    with StatcanZip(path) as source:
        meta = source.metadata()
        table = Table.objects.filter(pid=meta.pid, fingerprint=source.fingerprint).first()
        if table is not None and not force:
            if progress:
                progress(table.rows, source.data_size, source.data_size)
            return Result(table=table, rows=table.rows, unchanged=table.rows)
        try:
            with transaction.atomic():
                return _import(source, meta, run, progress)
        except IntegrityError as exc:
            raise StatcanFileError(
                _("The file repeats a cell (same coordinate and period) or breaks a rule: %(e)s")
                % {"e": exc}
            ) from exc


def _import(source: StatcanZip, meta: Metadata, run, progress) -> Result:
    if connection.vendor == "postgresql":
        # Series ids are handed out from the current maximum: one import at a time.
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {Series._meta.db_table} IN EXCLUSIVE MODE")
    table, members = _save_metadata(meta)
    crime.map_table(table)
    geo_position = _geo_position(meta)
    fresh = not Observation.objects.filter(series__table=table).exists()
    series = dict(Series.objects.filter(table=table).values_list("coordinate", "id"))
    geographies = dict(Geography.objects.values_list("key", "id"))
    writer = _Writer(direct=fresh)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # A larger page cache (64 MB) keeps the observation index's inserts in memory.
            cursor.execute("PRAGMA cache_size = -65536")
    matcher = None
    next_series = (Series.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    new_series: list[tuple] = []
    result = Result(table=table)
    width_end = len(FIXED_END)
    n_dims = len(meta.dimensions)
    batch: list[tuple] = []
    line = 1
    for line, f in source.rows():
        coordinate = f[-6]
        series_id = series.get(coordinate)
        if series_id is None:
            keys = coordinate.split(".")
            if len(keys) != n_dims or not all(k.isdigit() for k in keys):
                raise StatcanFileError(
                    _("COORDINATE %(c)s does not name one member of each of the %(n)s dimensions.")
                    % {"c": coordinate[:40], "n": n_dims},
                    line=line,
                    column="COORDINATE",
                )
            geo, dguid = f[1], f[2]
            geo_key = dguid or f"GEO:{geo}"
            geography_id = geographies.get(geo_key)
            if geography_id is None:
                matcher = matcher or Matcher()
                geography = matcher.new(geo_key, geo, dguid)
                geography.save()
                geography_id = geographies[geo_key] = geography.pk
            others = [int(k) for i, k in enumerate(keys, 1) if i != geo_position]
            ids = [members.get((pos, mid)) for pos, mid in _positions(others, geo_position)]
            if None in ids:
                raise StatcanFileError(
                    _("COORDINATE %(c)s names a member the metadata file does not list.")
                    % {"c": coordinate[:40]},
                    line=line,
                    column="COORDINATE",
                )
            series_id = series[coordinate] = next_series
            next_series += 1
            uom, scalar = f[-width_end], f[-width_end + 2].strip()
            new_series.append(
                (
                    series_id,
                    table.pk,
                    geography_id,
                    coordinate[:80],
                    f[-7][:20],
                    ids[0] if ids else None,
                    ids[1] if len(ids) > 1 else None,
                    uom[:100],
                    scalar[:30],
                )
            )
        raw = f[-5]
        try:
            value = float(raw) if raw else None
            decimals = int(f[-1]) if f[-1] else 0
        except ValueError:
            raise StatcanFileError(
                _("VALUE %(v)s or DECIMALS %(d)s is not a number.")
                % {"v": raw[:30], "d": f[-1][:10]},
                line=line,
                column="VALUE",
            ) from None
        batch.append((series_id, f[0][:10], value, f[-4][:4], f[-3][:4], f[-2] == "t", decimals))
        if len(batch) >= BATCH:
            _flush_series(new_series)
            writer.write(batch)
            result.rows += len(batch)
            batch = []
            if progress:
                progress(result.rows, source.bytes_read, source.data_size)
    _flush_series(new_series)
    writer.write(batch)
    result.rows += len(batch)
    if not result.rows:
        raise StatcanFileError(_("The data file holds no row."), line=line)
    result.created, result.updated = writer.finish(run)
    result.unchanged = result.rows - result.created - result.updated
    if progress:
        progress(result.rows, source.data_size, source.data_size)
    table.release, table.fingerprint, table.rows = meta.release, source.fingerprint, result.rows
    table.save(update_fields=["release", "fingerprint", "rows", "imported_at"])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The ids were handed out here: move the sequence past them for later inserts.
            for sql in connection.ops.sequence_reset_sql(no_style(), [Series]):
                cursor.execute(sql)
            # Fresh statistics, or the planner scans millions of rows for a page's few hundred.
            cursor.execute(f"ANALYZE {Series._meta.db_table}, {Observation._meta.db_table}")
    return result


def _positions(others: list[int], geo_position: int):
    positions = [p for p in range(1, len(others) + 2) if p != geo_position]
    return zip(positions, others, strict=False)


def _geo_position(meta: Metadata) -> int:
    for i, name in enumerate(meta.dimensions, 1):
        if name.casefold() in ("geography", "géographie"):
            return i
    return 1


SERIES_COLUMNS = "id, table_id, geography_id, coordinate, vector, member_1_id, member_2_id, uom"
SERIES_COLUMNS += ", scalar_factor"


def _flush_series(new_series: list[tuple]) -> None:
    # Raw executemany: a 35-10-0177 import creates ~300,000 series; the ORM's per-object
    # preparation would double the import time.
    if new_series:
        marks = ", ".join(["%s"] * 9)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {Series._meta.db_table} ({SERIES_COLUMNS}) VALUES ({marks})",  # noqa: S608
                new_series,
            )
        new_series.clear()


def _save_metadata(meta: Metadata) -> tuple[Table, dict[tuple[int, int], int]]:
    table, _created = Table.objects.update_or_create(
        pid=meta.pid, defaults={"title": meta.title or meta.pid, "url": meta.url}
    )
    members: dict[tuple[int, int], int] = {}
    for position, name in enumerate(meta.dimensions, 1):
        dim, _c = Dimension.objects.update_or_create(
            table=table, position=position, defaults={"name": name}
        )
        existing = {m.member_id: m for m in dim.members.all()}
        new, changed = [], []
        for info in meta.members.get(position, []):
            values = {
                "name": info.name,
                "code": info.code,
                "parent_member_id": info.parent_member_id,
                "terminated": info.terminated,
            }
            member = existing.get(info.member_id)
            if member is None:
                new.append(Member(dimension=dim, member_id=info.member_id, **values))
            elif any(getattr(member, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(member, k, v)
                changed.append(member)
        Member.objects.bulk_create(new, batch_size=2000)
        Member.objects.bulk_update(changed, ["name", "code", "parent_member_id", "terminated"])
        for member_id, pk in Member.objects.filter(dimension=dim).values_list("member_id", "id"):
            members[(position, member_id)] = pk
    return table, members


class _Writer:
    """Bulk writes: COPY on PostgreSQL, executemany on SQLite; direct or through staging."""

    def __init__(self, direct: bool):
        self.direct = direct
        self.obs = Observation._meta.db_table
        self.pg = connection.vendor == "postgresql"
        self.target = self.obs if direct else "cd_stage"
        if not direct:
            with connection.cursor() as cursor:
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
                marks = ", ".join(["%s"] * len(OBS_COLUMNS))
                cursor.executemany(f"INSERT INTO {self.target} ({columns}) VALUES ({marks})", rows)  # noqa: S608
        self.inserted += len(rows)

    def finish(self, run: ImportRun | None) -> tuple[int, int]:
        """(created, updated)."""
        if self.direct:
            return self.inserted, 0
        obs, stage = self.obs, self.target
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
            cols = ", ".join(OBS_COLUMNS)
            cursor.execute(
                f"INSERT INTO {obs} ({cols}) SELECT {cols} FROM {stage} s WHERE NOT EXISTS"  # noqa: S608
                f" (SELECT 1 FROM {obs} o WHERE o.series_id = s.series_id"
                " AND o.ref_date = s.ref_date)"
            )
            created = cursor.rowcount
            cursor.execute(f"DROP TABLE {stage}")
        return created, updated


def progress_path(run: ImportRun) -> Path:
    return Path(settings.MEDIA_ROOT) / "statcan" / "progress" / f"{run.pk}.json"


def read_progress(run: ImportRun) -> dict:
    """The running import's progress. It is written to a file, not the database, because the
    import's transaction would hide it from the page that polls until the very end."""
    try:
        return json.loads(progress_path(run).read_text())
    except (OSError, ValueError):
        return {"rows": run.rows_read, "done": run.bytes_read, "total": run.bytes_total}


def run_import(
    run: ImportRun, path, on_progress: Progress | None = None, force: bool = False
) -> ImportRun:
    """Import the file of a run (upload, fetch or command) and record the outcome on it."""
    from prevnet.communitydata import census  # census files share the run and its progress

    ImportRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    status_file = progress_path(run)
    status_file.parent.mkdir(parents=True, exist_ok=True)

    def progress(rows: int, done: int, total: int) -> None:
        status_file.write_text(json.dumps({"rows": rows, "done": done, "total": total}))
        if on_progress:
            on_progress(rows, done, total)

    try:
        if census.is_census_file(path):
            result = census.import_census(path, progress=progress)
        else:
            result = import_statcan_zip(path, run=run, progress=progress, force=force)
    except StatcanFileError as exc:
        run.status, run.problems = RunStatus.FAILED, [[exc.line, exc.column, exc.message]]
    else:
        run.status, run.table = RunStatus.DONE, result.table
        run.rows_read, run.created = result.rows, result.created
        run.updated, run.unchanged = result.updated, result.unchanged
        run.problems = []
    status_file.unlink(missing_ok=True)
    run.finished_at = timezone.now()
    run.save()
    return run
