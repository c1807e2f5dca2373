"""manage.py create_api_token USERNAME --name NAME: a token for a script, its secret shown once.

Only the secret goes to standard output, so a deployment script can capture it:

    TOKEN=$(./manage.py create_api_token etl-bot --name nightly-import)

The token carries exactly the rights of the user's role; revoke it on the account page.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from prevnet.core.models import ApiToken, User


class Command(BaseCommand):
    help = "Create an API token for a user and print its secret (shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user the token acts as.")
        parser.add_argument(
            "--name", required=True, help="What the token is for, e.g. nightly-import."
        )

    def handle(self, *args, username: str, name: str, **options):
        name = name.strip()
        if not name or len(name) > ApiToken._meta.get_field("name").max_length or "\x00" in name:
            raise CommandError(_("Give the token a name of 1 to 100 characters."))
        user = User.objects.filter(username=username).first() if "\x00" not in username else None
        if user is None:
            raise CommandError(_("No user named %(username)s.") % {"username": username})
        if not user.is_active:
            raise CommandError(
                _("%(username)s is inactive: a token would not work.") % {"username": username}
            )
        token, raw = ApiToken.issue(user, name)
        self.stderr.write(
            _(
                "Token %(token)s for %(username)s (role: %(role)s). "
                "Keep the secret now: it is not stored."
            )
            % {"token": token, "username": username, "role": user.get_role_display()}
        )
        self.stdout.write(raw)
