"""manage.py demo_logins: the demo accounts, one per role (printed by `make run`)."""

from django.core.management.base import BaseCommand

from prevnet.core.models import User
from prevnet.network.demo import DEMO_PASSWORD, LOGINS


class Command(BaseCommand):
    help = "Print the demo logins created by load_demo, one per role."

    def handle(self, *args, **options):
        existing = set(
            User.objects.filter(username__in=[row[0] for row in LOGINS]).values_list(
                "username", flat=True
            )
        )
        if not existing:
            self.stdout.write("No demo logins: run `manage.py load_demo` first.")
            return
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for username, role, _first, _last, can in LOGINS:
            if username in existing:
                self.stdout.write(f"  {username:<18} {role.label:<24} {can}")
