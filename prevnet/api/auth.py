"""How the API knows who is calling: a bearer token (scripts) or the browser session."""

from __future__ import annotations

from ninja.security import APIKeyCookie, HttpBearer

from prevnet.core.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer pvn_…` with a token from the account page."""

    def authenticate(self, request, token):
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; CSRF is checked for unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None


class Anonymous:
    """Lets a request through unauthenticated: public endpoints still apply the access rules."""

    def __call__(self, request):
        return True


AUTH = [TokenAuth(), SessionAuth(), Anonymous()]
