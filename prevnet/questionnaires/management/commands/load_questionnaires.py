"""Create the programme's three questionnaires (idempotent: existing versions are kept)."""

from django.core.management.base import BaseCommand

from prevnet.questionnaires.services import load_builtin


class Command(BaseCommand):
    help = (
        "Create and publish the municipal profile, outcome and activity-impact questionnaires "
        "(years 1, 2 and 3), in English and French. Versions that exist are left unchanged."
    )

    def handle(self, *args, **options):
        created = load_builtin()
        self.stdout.write(
            f"{len(created)} questionnaire version(s) created: "
            + (
                ", ".join(f"{v.questionnaire.slug} {v.version} (id {v.pk})" for v in created)
                or "none"
            )
        )
