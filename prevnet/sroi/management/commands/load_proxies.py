from django.core.management.base import BaseCommand

from prevnet.sroi.proxies import load_proxies


class Command(BaseCommand):
    help = (
        "Seed the library of financial proxies with Canadian figures, each with its source and "
        "year; figures that are not published values are marked illustrative. Idempotent."
    )

    def handle(self, *args, **options):
        created, updated = load_proxies()
        self.stdout.write(f"Financial proxies: {created} created, {updated} corrected.")
