"""The JSON API under /api/, with its OpenAPI document at /api/openapi.json."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from ninja import NinjaAPI

from prevnet.api.auth import AUTH
from prevnet.api.routers.network import router as network_router

api = NinjaAPI(
    title="prevnet API",
    version="1",
    description=(
        "The network registry of prevnet. Authenticate scripts with "
        "`Authorization: Bearer <token>` (create a token on your account page). "
        "Every endpoint applies the same access rules as the web pages: 401 when you must "
        "authenticate, 403 when your role may not, 422 with the field and reason for bad input."
    ),
    auth=AUTH,
    urls_namespace="api",
)
api.add_router("/", network_router)


@api.exception_handler(ValidationError)
def model_validation_error(request, exc: ValidationError):
    """Checks of the models (codes, dates, uniqueness) as 422, naming each field."""
    detail = [
        {"loc": ["body", field], "msg": message}
        for field, messages in exc.message_dict.items()
        for message in messages
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(IntegrityError)
def integrity_error(request, exc: IntegrityError):
    # A concurrent write won the race for a unique value; the client may retry.
    return api.create_response(
        request, {"detail": "This conflicts with a record saved meanwhile."}, status=409
    )
