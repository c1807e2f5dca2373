"""Every page, for every role: allowed or denied as designed.

A URL added without a line here fails ``test_every_url_has_a_rule``, so no page can appear
without someone deciding who may open it. The JSON API has its own matrix in api/tests.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import ROLES
from prevnet.core.models import ApiToken
from prevnet.core.tests.matrices import (
    ALL,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    SIGNED_IN,
    STAFF,
    app_matrices,
    only,
)
from prevnet.network.factories import OrganizationFactory
from prevnet.network.models import EngagementEvent, ImportJob

# url name -> (arguments from the cast, expected status per role)
MATRIX = {
    "core:home": (None, ALL),
    "core:account": (None, SIGNED_IN),
    "network:municipality_list": (None, ALL),
    "network:municipality_detail": (lambda c: [c.city_a.pk], ALL),
    "network:municipality_create": (None, STAFF),
    "network:municipality_edit": (lambda c: [c.city_a.pk], only("coordinator_a")),
    "network:engagement_create": (lambda c: [c.city_a.pk], STAFF),
    "network:organization_list": (None, ALL),
    "network:organization_detail": (lambda c: [c.org_a.pk], ALL),
    "network:organization_create": (None, only("coordinator_a", "coordinator_b")),
    "network:organization_edit": (lambda c: [c.org_a.pk], only("coordinator_a")),
    "network:person_list": (None, STAFF),
    "network:person_detail": (lambda c: [c.person_a.pk], only("participant")),
    "network:person_create": (None, STAFF),
    "network:person_edit": (lambda c: [c.person_a.pk], STAFF),
    "network:record_history": (lambda c: ["municipality", c.city_a.pk], STAFF),
    "network:import_create": (None, STAFF),
    "network:import_detail": (lambda c: [c.import_job.pk], STAFF),
    "login": (None, ALL),
    "password_reset": (None, ALL),
    "password_reset_done": (None, ALL),
    "password_reset_complete": (None, ALL),
    "password_change": (None, SIGNED_IN),
    "password_change_done": (None, SIGNED_IN),
    # The admin sends everyone but staff to its own login page.
    "admin:index": (None, {**dict.fromkeys(ROLES, LOGIN), "staff": OK}),
}

# Names checked elsewhere, with the reason.
ELSEWHERE = {
    "core:revoke_token": "POST only; test_revoke_token_only_own below",
    "logout": "POST only; tested in core/tests/test_accounts.py",
    "password_reset_confirm": "needs a token; tested in core/tests/test_accounts.py",
    "set_language": "POST only; tested in core/tests/test_i18n.py",
}


# Each capability lists its own pages in prevnet/<app>/tests/access_matrix.py (MATRIX and
# ELSEWHERE dicts of the same shape; argument functions receive the cast and may create records).
for _module in app_matrices():
    MATRIX.update(getattr(_module, "MATRIX", {}))
    ELSEWHERE.update(getattr(_module, "ELSEWHERE", {}))


def _names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            if ns == "admin":
                continue  # the admin's many pages share one gate, checked via admin:index
            full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _names(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_has_a_rule():
    names = {n for n in _names(get_resolver().url_patterns) if not n.startswith("api:")}
    missing = names - set(MATRIX) - set(ELSEWHERE)
    assert not missing, f"URLs without an access rule in the matrix: {sorted(missing)}"


@pytest.fixture
def full_cast(cast):
    cast.org_a = OrganizationFactory(municipality=cast.city_a)
    cast.import_job = ImportJob.objects.create(file="imports/x.csv", original_name="x.csv")
    EngagementEvent.objects.create(municipality=cast.city_a, kind="ccss", started_on="2024-01-01")
    return cast


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(full_cast, name):
    args_of, expected = MATRIX[name]
    url = reverse(name, args=args_of(full_cast) if args_of else None)
    got = {who: full_cast.client(who).get(url).status_code for who in ROLES}
    assert got == expected, f"{url}: got {got}"


def test_anonymous_is_sent_to_login_with_next(full_cast):
    url = reverse("network:municipality_create")
    response = full_cast.client("anonymous").get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "next=" in response["Location"]


def test_revoke_token_only_own(cast):
    token, _raw = ApiToken.issue(cast.users["staff"], "script")
    url = reverse("core:revoke_token", args=[token.pk])
    assert cast.client("coordinator_a").post(url).status_code == NOT_FOUND
    assert cast.client("anonymous").post(url).status_code == LOGIN
    assert cast.client("staff").get(url).status_code == NOT_ALLOWED
    token.refresh_from_db()
    assert token.revoked_at is None
    assert cast.client("staff").post(url).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
