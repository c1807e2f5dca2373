"""Shared by the API tests: the cast with an organization, JSON requests, bearer tokens."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from prevnet.core.models import ApiToken
from prevnet.network.factories import OrganizationFactory


def send(client: Client, method: str, url: str, data=None, **extra):
    """A JSON request; ``data`` may be a ready string (to send broken JSON)."""
    if data is None:
        return getattr(client, method)(url, **extra)
    body = data if isinstance(data, str) else json.dumps(data)
    return getattr(client, method)(url, body, content_type="application/json", **extra)


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def api_cast(cast):
    cast.org_a = OrganizationFactory(municipality=cast.city_a, name="Board A")
    return cast


@pytest.fixture
def staff_token(cast) -> str:
    _token, raw = ApiToken.issue(cast.users["staff"], "script")
    return raw


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The cast's users get passwords; the default hasher is slow on purpose. Not here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
