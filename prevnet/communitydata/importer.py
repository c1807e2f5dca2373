"""Write a Statistics Canada table into the database: all or nothing, idempotent, streamed.

Rows are checked and written in batches inside one transaction; the first bad row rolls
everything back and names its line. A table seen for the first time is inserted directly (on
PostgreSQL into a partition of its own, partitions.py). A table already imported goes through
a staging table, then three set-based statements record the values that changed
(ObservationChange), update them and insert the new ones: importing the same file twice changes
nothing, and a newer release replaces revised values with a trace.
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

from prevnet.communitydata import arrowload, bulk, crime
from prevnet.communitydata.models import (
    Dimension,
    ImportRun,
    Member,
    Observation,
    RunStatus,
    Series,
    Table,
)
from prevnet.communitydata.reader import FIXED_END, Metadata, StatcanFileError, StatcanZip

BATCH = 20_000
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
            with bulk.sqlite_trusted_references(), transaction.atomic():
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
    fresh = not Observation.objects.filter(series__table=table).exists()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # SQLite may sort with a helper thread (the first import copies its rows in order).
            cursor.execute("PRAGMA threads = 2")
    result = Result(table=table)
    try:
        with transaction.atomic():  # a savepoint: a fallback leaves nothing of the attempt
            maker = bulk.SeriesMaker(table, members, meta)
            writer = bulk.Writer(direct=fresh, maker=maker)
            result.rows = arrowload.load(source, maker, writer, progress)
    except bulk.Fallback:
        maker = bulk.SeriesMaker(table, members, meta)
        writer = bulk.Writer(direct=fresh, maker=maker)
        result.rows = _load_checked(source, maker, writer, progress)
    if not result.rows:
        raise StatcanFileError(_("The data file holds no row."), line=1)
    result.created, result.updated = writer.finish(run)
    bulk.check_changes()
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


def _load_checked(source: StatcanZip, maker: bulk.SeriesMaker, writer, progress) -> int:
    """The row-by-row path: every row parsed and checked in Python; the first problem is
    reported with its line. Used when the fast path (bulk.py) meets anything unusual."""
    series, n_end = maker.series, len(FIXED_END)
    rows, line, batch = 0, 1, []
    for line, f in source.rows():
        coordinate = f[-6]
        series_id = series.get(coordinate)
        if series_id is None:
            series_id = maker.make(f[1], f[2], coordinate, f[-7], f[-n_end], f[-n_end + 2], line)
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
            maker.flush()
            writer.write(batch)
            rows += len(batch)
            batch = []
            if progress:
                progress(rows, source.bytes_read, source.data_size)
    maker.flush()
    writer.write(batch)
    rows += len(batch)
    if not rows:
        raise StatcanFileError(_("The data file holds no row."), line=line)
    return rows


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
