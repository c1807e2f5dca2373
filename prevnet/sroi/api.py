"""The social return on investment part of the JSON API."""

from ninja import Router

router = Router(tags=["sroi"])
