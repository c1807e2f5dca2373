"""manage.py import_statcan FILE | --fetch PID: import a Statistics Canada table."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from prevnet.communitydata.fetch import fetch_table
from prevnet.communitydata.importer import run_import
from prevnet.communitydata.models import ImportRun
from prevnet.communitydata.reader import StatcanFileError


class Command(BaseCommand):
    help = (
        "Import a Statistics Canada full-table download (<pid>-eng.zip, e.g. 35-10-0177 police-"
        "reported crime) or a Census Profile 2021 CSV. All or nothing; importing the same file "
        "again changes nothing; a newer release replaces revised values and records them. "
        "With --fetch PID the table is downloaded from Statistics Canada first (needs network)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="the downloaded zip or census CSV")
        parser.add_argument("--fetch", metavar="PID", help="download table PID (e.g. 35-10-0177)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--force",
            action="store_true",
            help="compare every value even when this very file was the last one imported",
        )

    def handle(self, *args, **options):
        if bool(options["file"]) == bool(options["fetch"]):
            raise CommandError("Give either a FILE or --fetch PID.")
        try:
            if options["fetch"]:
                self.stdout.write(f"Downloading table {options['fetch']} from Statistics Canada…")
                path = fetch_table(options["fetch"], Path(settings.MEDIA_ROOT) / "statcan")
            else:
                path = Path(options["file"])
                if not path.is_file():
                    raise CommandError(f"No such file: {path}")
        except StatcanFileError as exc:
            raise CommandError(str(exc)) from exc
        run = ImportRun.objects.create(original_name=path.name[:255])
        bar = None if options["no_progress"] else _Bar(self.stderr)
        result = run_import(run, path, on_progress=bar, force=options["force"])
        if bar:
            bar.close()
        if result.status == "failed":
            raise CommandError(
                "; ".join(f"line {p[0]}: {p[2]}" if p[0] else p[2] for p in result.problems)
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: {result.rows_read:,} rows; {result.created:,} new, "
                f"{result.updated:,} revised, {result.unchanged:,} unchanged."
            )
        )


class _Bar:
    """A one-line progress bar on stderr, redrawn at most twice a second."""

    def __init__(self, out):
        self.out, self.last, self.start = out, 0.0, time.monotonic()

    def __call__(self, rows: int, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.5 and done < total:
            return
        self.last = now
        share = done / total if total else 0
        filled = int(30 * share)
        line = f"\r[{'#' * filled}{'.' * (30 - filled)}] {share:4.0%} {rows:,} rows {now - self.start:.0f} s"  # noqa: E501
        self.out.write(line, ending="")
        self.out.flush()

    def close(self):
        self.out.write("")  # end the bar's line
