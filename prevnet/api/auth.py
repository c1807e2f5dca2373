"""How the API knows who is calling: a bearer token (scripts) or the browser session.

The three are tried in order. A bearer token that is wrong or revoked is refused outright
(401) rather than treated as anonymous, so a script never silently loses its rights.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer

from prevnet.core.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer pvn_…` with a token from the account page."""

    def authenticate(self, request, token):
        user = ApiToken.authenticate(token)
        if user is None:
            raise AuthenticationError(message=_("Invalid or revoked token."))
        request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; CSRF is checked for unsafe methods."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        # No session cookie: nothing to protect, let the request go on as anonymous.
        if self.param_name not in request.COOKIES:
            return None
        if "\x00" in request.COOKIES[self.param_name]:
            # PostgreSQL would fail on the session look-up: refuse clearly instead.
            raise HttpError(400, _("The session cookie is malformed: log in again."))
        return super()._get_key(request)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None


class Anonymous:
    """Lets a request through unauthenticated: every endpoint still applies the access rules."""

    def __call__(self, request):
        # Only reached without a token and without a session: make sure no other way of
        # logging in (which would skip the CSRF check above) carries a user through.
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            request.user = AnonymousUser()
        return True


AUTH = [TokenAuth(), SessionAuth(), Anonymous()]
