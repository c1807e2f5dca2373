"""Request-wide guards and the access module's redirect to the login page."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from prevnet.core.access import LoginRequired


class LoginRedirectMiddleware:
    """Turns the access module's LoginRequired into a redirect to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginRequired):
            return redirect_to_login(request.get_full_path())
        return None


class RejectNulMiddleware:
    """Refuse parameters holding NUL characters, for every page and endpoint at once.

    No field of prevnet may hold one, and PostgreSQL refuses them in queries: without this
    guard a filter such as ?q=a%00b would reach the database and fail there.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, value in request.COOKIES.items()):
            # A forged session cookie would otherwise reach the session table and fail there.
            return self._refuse(
                request,
                _("The session cookie is malformed: log in again.")
                + " "
                + _(
                    "A cookie contains a NUL character: clear this site's cookies and log in again."
                ),
            )
        for name, params in ((_("query"), request.GET), (_("form"), self._form(request))):
            for key, values in params.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    message = _("The %(where)s parameter “%(name)s” contains a NUL character.")
                    return self._refuse(
                        request, message % {"where": name, "name": key.replace("\x00", "\\0")[:50]}
                    )
        return self.get_response(request)

    @staticmethod
    def _refuse(request, message: str):
        if request.path.startswith("/api/"):
            # API clients read errors as JSON, in the shape of the API's other errors.
            return JsonResponse({"detail": message}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")

    @staticmethod
    def _form(request):
        content_type = request.content_type or ""
        if request.method == "POST" and content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            return request.POST
        return request.GET.__class__()
