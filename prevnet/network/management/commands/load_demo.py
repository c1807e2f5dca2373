"""manage.py load_demo: the demo network (real municipalities, fictitious people)."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from prevnet.network.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo network: 23 real Canadian municipalities (the seed's Ottawa, Edmonton, "
        "Winnipeg, Halifax and Prince Albert, and others from every region) with their "
        "Statistics Canada census subdivision codes and 2021 populations, the organizations "
        "the programme names, fictitious people (is_demo) and one login per role (see "
        "`manage.py demo_logins`). All in one transaction; running it again changes nothing. "
        "Records that are not demo data are never modified."
    )

    def handle(self, *args, **options):
        counts = load_demo()
        message = _(
            "Demo network ready: %(municipalities)s municipalities, %(organizations)s "
            "organizations, %(people)s people, %(logins)s logins."
        )
        self.stdout.write(self.style.SUCCESS(message % counts))
        # Then each capability's own demo data (questionnaires, knowledge base, activities...),
        # in INSTALLED_APPS order, each loader returning one line to print.
        for config in apps.get_app_configs():
            loader = getattr(config, "demo_loader", None)
            if loader:
                summary = import_string(loader)()
                self.stdout.write(self.style.SUCCESS(str(summary)))
