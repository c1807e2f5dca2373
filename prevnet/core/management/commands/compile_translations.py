"""Compile locale/*/LC_MESSAGES/*.po into .mo files without GNU gettext.

`make run` and `make test` call this, so a fresh machine needs no system package for French.
(Developers still use `manage.py makemessages`, which needs xgettext, to extract strings.)
"""

from __future__ import annotations

from pathlib import Path

import polib
from django.core.management.base import BaseCommand, CommandError

from prevnet.core.translations import catalogue_paths


class Command(BaseCommand):
    help = "Compile every .po file (LOCALE_PATHS and each app's locale/) into its .mo file."

    def handle(self, *args, **options):
        count = 0
        for po_path in catalogue_paths():
            try:
                catalog = polib.pofile(str(po_path))
            except (OSError, ValueError) as exc:
                raise CommandError(f"{po_path}: {exc}") from exc
            catalog.save_as_mofile(str(Path(po_path).with_suffix(".mo")))
            count += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"{po_path}: {catalog.percent_translated()}% translated")
        self.stdout.write(f"Compiled {count} catalogue(s).")
