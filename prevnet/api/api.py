"""The JSON API under /api/, with its OpenAPI document at /api/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

from prevnet.api.auth import AUTH

api = NinjaAPI(
    title="prevnet API",
    version="1",
    description=(
        "The network registry of prevnet. Authenticate scripts with "
        "`Authorization: Bearer <token>` (create a token on your account page). "
        "Every endpoint applies the same access rules as the web pages."
    ),
    auth=AUTH,
    urls_namespace="api",
)
