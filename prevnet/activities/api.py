"""The activities and peer matching part of the JSON API."""

from ninja import Router

router = Router(tags=["activities"])
