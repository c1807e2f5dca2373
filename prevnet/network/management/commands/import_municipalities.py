"""manage.py import_municipalities FILE: load a network's municipalities from CSV or XLSX."""

from django.core.management.base import BaseCommand, CommandError

from prevnet.network.importing import COLUMNS, REQUIRED, import_municipalities


class Command(BaseCommand):
    help = (
        "Import municipalities from a CSV (UTF-8) or XLSX file whose first line names the "
        f"columns: {', '.join(COLUMNS)} (required: {', '.join(REQUIRED)}). province is the "
        "abbreviation (ON), the Statistics Canada code (35) or the English or French name; "
        "csd_code is the 7-digit census subdivision code and starts with the province's code; "
        "membership_status is prospective, member or former; joined_on is YYYY-MM-DD. "
        "A municipality already registered with the same code is updated. Every bad row is "
        "reported with its line number, and nothing is saved unless every row is good. "
        "See docs/import_municipalities.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to a .csv or .xlsx file")

    def handle(self, *args, **options):
        try:
            result = import_municipalities(options["file"])
        except FileNotFoundError as exc:
            raise CommandError(f"{options['file']}: no such file") from exc
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} problem(s) found; nothing was imported.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
        )
