"""Load the programs and practices the programme's seed names into the knowledge base."""

from django.core.management.base import BaseCommand

from prevnet.knowledge import seed


class Command(BaseCommand):
    help = (
        "Load (or refresh) the seed's programs and practices: summaries in English and French, "
        "Canadian examples, studies and ratings with their sources. Safe to run again."
    )

    def handle(self, *args, **options):
        self.stdout.write(seed.load())
