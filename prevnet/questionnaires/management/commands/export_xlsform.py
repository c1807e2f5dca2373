"""Write a questionnaire version as an .xlsx XLSForm."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prevnet.questionnaires import services, xlsform
from prevnet.questionnaires.models import QuestionnaireVersion


class Command(BaseCommand):
    help = "Export questionnaire version VERSION_ID to FILE as an XLSForm (.xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("version_id", type=int)
        parser.add_argument("file", type=Path)

    def handle(self, *args, version_id: int, file: Path, **options):
        version = QuestionnaireVersion.objects.filter(pk=version_id).first()
        if version is None:
            raise CommandError(f"No questionnaire version with id {version_id}.")
        file.write_bytes(xlsform.write(services.form_of(version)))
        self.stdout.write(f"{file}")
