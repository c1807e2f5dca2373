"""The JSON API under /api/, with its OpenAPI document at /api/openapi.json."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from prevnet.activities.api import router as activities_router
from prevnet.api.auth import AUTH
from prevnet.api.routers.network import router as network_router
from prevnet.communitydata.api import router as communitydata_router
from prevnet.evaluation.api import router as evaluation_router
from prevnet.knowledge.api import router as knowledge_router
from prevnet.programs.api import router as programs_router
from prevnet.questionnaires.api import router as questionnaires_router
from prevnet.sroi.api import router as sroi_router

api = NinjaAPI(
    title="prevnet API",
    version="1",
    description=(
        "The network registry of prevnet. Authenticate scripts with "
        "`Authorization: Bearer <token>` (create a token on your account page, or with "
        "`manage.py create_api_token USERNAME --name NAME`); a browser session works too, "
        "with the CSRF token for writes. Every endpoint applies the same access rules as the "
        "web pages: 401 when you must authenticate, 403 when your role may not, 404 for a "
        "missing record, 422 naming the field and the reason for bad input, 409 when a unique "
        "value was taken meanwhile."
    ),
    auth=AUTH,
    urls_namespace="api",
)
api.add_router("/", network_router)
# Each capability's routers under its own prefix; an app with no endpoints yet adds none.
api.add_router("/knowledge/", knowledge_router)
api.add_router("/questionnaires/", questionnaires_router)
api.add_router("/activities/", activities_router)
api.add_router("/programs/", programs_router)
api.add_router("/evaluation/", evaluation_router)
api.add_router("/data/", communitydata_router)
api.add_router("/sroi/", sroi_router)


@api.exception_handler(ValidationError)
def model_validation_error(request, exc: ValidationError):
    """Checks of the models (codes, dates, uniqueness) as 422, naming each field."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = [
        {"loc": ["body", field], "msg": message}
        for field, messages in errors.items()
        for message in messages
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(IntegrityError)
def integrity_error(request, exc: IntegrityError):
    # A concurrent write won the race for a unique value (full_clean() checked it just
    # before); the transaction was rolled back and the client may retry.
    return api.create_response(
        request, {"detail": _("This conflicts with a record saved meanwhile.")}, status=409
    )
