"""The knowledge base part of the JSON API."""

from ninja import Router

router = Router(tags=["knowledge"])
