"""The municipal programs part of the JSON API."""

from ninja import Router

router = Router(tags=["programs"])
