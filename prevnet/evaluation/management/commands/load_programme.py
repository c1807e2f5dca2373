"""manage.py load_programme: the programme's logic model, indicators and targets (idempotent)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from prevnet.evaluation import seed


class Command(BaseCommand):
    help = (
        "Load the programme's own logic model from its source document: long-term results, the "
        "four components with their outputs and short-term results, the indicators and targets. "
        "Creates what is missing; never overwrites what staff changed."
    )

    def handle(self, *args, **options):
        model = seed.load()
        self.stdout.write(
            _("%(name)s: %(items)d items, %(indicators)d indicators.")
            % {
                "name": model.name,
                "items": model.items.count(),
                "indicators": sum(i.indicators.count() for i in model.items.all()),
            }
        )
