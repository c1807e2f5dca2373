"""manage.py load_demo: the demo network (real municipalities, fictitious people)."""

from django.core.management.base import BaseCommand

from prevnet.network.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo network: real Canadian municipalities with their Statistics Canada "
        "codes and 2021 populations, the organizations the programme names, fictitious "
        "people and one login per role. Safe to run again: nothing is duplicated."
    )

    def handle(self, *args, **options):
        counts = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo network ready: {municipalities} municipalities, {organizations} "
                "organizations, {people} people, {logins} logins.".format(**counts)
            )
        )
