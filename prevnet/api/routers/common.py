"""What every router shares: the access check as HTTP statuses, pagination, error shapes."""

from django.db.models import Model
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination

from prevnet.api.schemas import Problem
from prevnet.core import access

# The error responses, for the OpenAPI document (the bodies are {"detail": ...}).
READ_ERRORS = {401: Problem, 403: Problem, 404: Problem, 422: Problem}
WRITE_ERRORS = {**READ_ERRORS, 409: Problem}


class Pagination(LimitOffsetPagination):
    """Limit and offset, both bounded so no request asks the database for the impossible."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=500)
        offset: int = Field(0, ge=0, le=2**31 - 1)


def require(request, perm: str, obj: Model | None = None) -> None:
    """The access module's answer as a status: 401 to log in first, 403 when the role may not."""
    if access.can(request.user, perm, obj):
        return
    if access.role_of(request.user) == access.PUBLIC:
        raise HttpError(401, _("Log in or send a token to do this."))
    raise HttpError(403, _("You may not do this."))


def require_signed_in(request) -> None:
    """Before looking an object up for a write: anonymous callers learn nothing, not even 404."""
    if access.role_of(request.user) == access.PUBLIC:
        raise HttpError(401, _("Log in or send a token to do this."))


def refuse_invalid(form) -> None:
    """A web form's verdict on query parameters as the API's 422: one entry per message."""
    if form.is_valid():
        return
    raise ValidationError(
        [
            {"loc": ["query", name], "msg": str(message)}
            for name, messages in form.errors.items()
            for message in messages
        ]
    )
