"""manage.py demo_logins: the demo accounts, one per role (printed by `make run` at start)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from prevnet.core.models import User
from prevnet.network.demo import DEMO_PASSWORD, LOGINS


class Command(BaseCommand):
    help = "Print the demo logins created by `manage.py load_demo`, one per role."

    def handle(self, *args, **options):
        usernames = [row[0] for row in LOGINS]
        existing = set(
            User.objects.filter(username__in=usernames).values_list("username", flat=True)
        )
        if not existing:
            self.stdout.write(_("No demo logins: run `manage.py load_demo` first."))
            return
        rows = [(_("username"), _("role"), _("password"), _("can do"))]
        for username, role, _first, _last, can in LOGINS:
            if username in existing:
                rows.append((username, str(role.label), DEMO_PASSWORD, str(can)))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        rows.insert(1, tuple("-" * width for width in widths))
        self.stdout.write(_("Demo logins (demo data only; a password changed since is kept):"))
        for row in rows:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())
        missing = sorted(set(usernames) - existing)
        if missing:
            message = _("Missing (run `manage.py load_demo`): %(names)s")
            self.stdout.write(message % {"names": ", ".join(missing)})
