"""manage.py import_municipalities FILE: load a network's municipalities from CSV or XLSX."""

import argparse
import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from prevnet.network.importing import import_municipalities

HELP = """\
Import municipalities from a CSV file (UTF-8, with or without a byte-order mark; cells
separated by commas, or by semicolons as French spreadsheets write them) or an XLSX workbook
(its first sheet). Line 1 names the columns, in any order and any case:

  name               required; up to 200 characters
  province           required; abbreviation (ON), Statistics Canada code (35), or English or
                     French name (Quebec, Québec)
  csd_code           required; the 7-digit census subdivision code, starting with the
                     province's 2-digit code (Ottawa: 3506008)
  population         a whole number (1017449, 1,017,449 or 1 017 449)
  population_year    the census year of that population (2021)
  latitude           decimal degrees (45.42)
  longitude          decimal degrees (-75.70)
  website            a web address (https://ottawa.ca; www.ottawa.ca gets https://)
  membership_status  prospective (the default), member or former; or their French labels
  joined_on          the date it joined, YYYY-MM-DD; not for a prospective municipality

All or nothing: every row is checked first, and if any is wrong nothing is saved and every
problem is printed with its line (the header is line 1) and column. A municipality already
registered with the same csd_code is updated; a blank optional cell keeps what the registry
has. Importing the same file twice changes nothing. A code twice in the file is an error
naming both lines. Files over PREVNET_MAX_IMPORT_BYTES (20 MB) are refused unread.
See docs/import_municipalities.md.
"""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the column table
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to a .csv or .xlsx file")

    def handle(self, *args, **options):
        path = options["file"]
        if not os.path.exists(path):
            raise CommandError(_("%(path)s: no such file") % {"path": path})
        if not os.path.isfile(path):
            raise CommandError(_("%(path)s is not a file") % {"path": path})
        result = import_municipalities(path)  # the edit history records no user, reason “import”
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            count = len(result.errors)
            raise CommandError(
                ngettext(
                    "%(count)s problem found; nothing was imported.",
                    "%(count)s problems found; nothing was imported.",
                    count,
                )
                % {"count": count}
            )
        message = _(
            "Imported %(rows)s rows: %(created)s created, %(updated)s updated, "
            "%(unchanged)s unchanged."
        )
        counts = {
            "rows": result.rows,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        }
        self.stdout.write(self.style.SUCCESS(message % counts))
