"""The community data part of the JSON API."""

from ninja import Router

router = Router(tags=["communitydata"])
