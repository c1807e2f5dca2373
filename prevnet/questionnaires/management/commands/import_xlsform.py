"""Import an .xlsx XLSForm as a new draft version; prints the new version's id."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prevnet.questionnaires import services, xlsform


class Command(BaseCommand):
    help = (
        "Import an XLSForm (.xlsx with survey, choices and settings sheets; label::English (en) "
        "and label::French (fr) columns) into a new draft version of the questionnaire named by "
        "settings.form_id. Checked with pyxform; nothing is saved if anything is wrong. Prints "
        "the new version's id."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            version = services.save_form(xlsform.read(file.read_bytes()))
        except (xlsform.XLSFormError, services.FormProblems) as exc:
            raise CommandError(
                "Nothing imported:\n" + "\n".join(f"- {p}" for p in exc.problems)
            ) from None
        self.stdout.write(str(version.pk))
