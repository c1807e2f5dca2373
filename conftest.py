"""The test cast, shared by every app (STYLE.md): one line asks "may this person do this?".

def test_coordinator_edits_own_city(cast):
    assert cast.client("coordinator_a").get(url).status_code == 200
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.test import Client

from prevnet.core.models import Role
from prevnet.network.factories import MunicipalityFactory, PersonFactory, UserFactory

ROLES = ("staff", "coordinator_a", "coordinator_b", "participant", "observer", "anonymous")


@dataclass
class Cast:
    users: dict = field(default_factory=dict)
    city_a: object = None
    city_b: object = None
    person_a: object = None

    def client(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            client.force_login(self.users[who])
        return client


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The cast logs in with passwords; the real hasher costs ~0.3 s a user. Tests only.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    # Uploaded test files go to a temporary folder, not the developer's var/media.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    # Tasks run in the request during tests, so their effects can be asserted directly.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def cast(db) -> Cast:
    city_a = MunicipalityFactory(name="Alphaville", csd_code="3500001")
    city_b = MunicipalityFactory(name="Betaburg", csd_code="3500002")
    users = {
        "staff": UserFactory(username="staff", role=Role.NETWORK_STAFF),
        "coordinator_a": UserFactory(username="coordinator_a", role=Role.COORDINATOR),
        "coordinator_b": UserFactory(username="coordinator_b", role=Role.COORDINATOR),
        "participant": UserFactory(username="participant", role=Role.PARTICIPANT),
        "observer": UserFactory(username="observer", role=Role.OBSERVER),
    }
    city_a.coordinators.add(users["coordinator_a"])
    city_b.coordinators.add(users["coordinator_b"])
    person_a = PersonFactory(municipality=city_a, user=users["participant"])
    return Cast(users=users, city_a=city_a, city_b=city_b, person_a=person_a)
