"""Import a KoboToolbox or ODK CSV export of answers into a campaign, with a skip report."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prevnet.questionnaires.answers_import import import_csv
from prevnet.questionnaires.models import Campaign


class Command(BaseCommand):
    help = (
        "Import answers collected with KoboToolbox or ODK (a CSV export of the same form) into "
        "campaign CAMPAIGN_ID. Each row is checked like a submitted answer; rows that fail are "
        "skipped and listed with the reason. Importing the same file again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("campaign_id", type=int)
        parser.add_argument("file", type=Path)

    def handle(self, *args, campaign_id: int, file: Path, **options):
        campaign = Campaign.objects.filter(pk=campaign_id).select_related("version").first()
        if campaign is None:
            raise CommandError(f"No campaign with id {campaign_id}.")
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        report = import_csv(campaign, file.read_bytes())
        if report.problem:
            raise CommandError(report.problem)
        self.stdout.write("\n".join(report.lines()))
