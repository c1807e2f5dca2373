"""Who is calling: bearer tokens, the browser session with its CSRF check, the token command."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.middleware.csrf import get_token
from django.test import Client
from django.utils import timezone

from prevnet.api.tests.conftest import bearer, send
from prevnet.core.models import ApiToken, User

NEW_CITY = {"name": "Kingston", "province": "ON", "csd_code": "3510010"}


def test_staff_token_creates_a_municipality(cast, staff_token):
    response = send(Client(), "post", "/api/municipalities", NEW_CITY, **bearer(staff_token))
    assert response.status_code == 201, response.content
    assert ApiToken.objects.get().last_used_at is not None


def test_participant_token_gets_403(cast):
    _token, raw = ApiToken.issue(cast.users["participant"], "mine")
    response = send(Client(), "post", "/api/municipalities", NEW_CITY, **bearer(raw))
    assert response.status_code == 403
    # The same token reads what a participant may: their own record.
    people = Client().get("/api/people", **bearer(raw)).json()
    assert [p["id"] for p in people["items"]] == [cast.person_a.pk]


@pytest.mark.parametrize("url", ["/api/regions", "/api/people", "/api/municipalities"])
def test_revoked_wrong_or_inactive_tokens_get_401(cast, staff_token, url):
    token = ApiToken.objects.get()
    token.revoked_at = timezone.now()
    token.save()
    # Refused outright, even where anonymous callers may read: never silently anonymous.
    assert Client().get(url, **bearer(staff_token)).status_code == 401
    assert Client().get(url, **bearer("pvn_nonsense")).status_code == 401
    _token, raw = ApiToken.issue(cast.users["observer"], "old")
    User.objects.filter(pk=cast.users["observer"].pk).update(is_active=False)
    assert Client().get(url, **bearer(raw)).status_code == 401


def test_a_token_wins_over_the_browser_session(cast):
    _token, raw = ApiToken.issue(cast.users["participant"], "mine")
    client = cast.client("staff")
    assert client.get("/api/people", **bearer(raw)).json()["count"] == 1


def test_session_writes_need_the_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.users["staff"])
    url = f"/api/municipalities/{cast.city_a.pk}"
    refused = send(client, "patch", url, {"population": 5})
    assert refused.status_code == 403
    assert "CSRF" in refused.content.decode()
    cast.city_a.refresh_from_db()
    assert cast.city_a.population == 50000
    # Reads need no CSRF token; writes pass with the token the page gives the browser.
    assert client.get(url).status_code == 200
    request = client.get("/en/").wsgi_request
    csrf = get_token(request)
    client.cookies["csrftoken"] = csrf
    accepted = send(client, "patch", url, {"population": 5}, HTTP_X_CSRFTOKEN=csrf)
    assert accepted.status_code == 200, accepted.content


def test_anonymous_with_a_stale_session_cookie_is_anonymous(cast):
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    assert client.get("/api/people").status_code == 401
    assert client.get("/api/municipalities").status_code == 200


def test_a_session_cookie_with_a_nul_is_a_clear_400(db):
    client = Client(HTTP_COOKIE='sessionid="abc\\000defghijk"')
    response = client.get("/api/municipalities")
    assert response.status_code == 400
    assert "session cookie" in response.json()["detail"]


def test_openapi_documents_the_bearer_scheme(client, db):
    schemes = client.get("/api/openapi.json").json()["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())


# --- manage.py create_api_token ------------------------------------------------------------------


def test_command_prints_a_working_secret_once(cast):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", "staff", "--name", "nightly", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    assert raw.startswith("pvn_") and raw not in err.getvalue()
    token = ApiToken.objects.get()
    assert token.name == "nightly" and token.user == cast.users["staff"]
    assert raw not in token.key_hash
    response = send(Client(), "post", "/api/municipalities", NEW_CITY, **bearer(raw))
    assert response.status_code == 201


@pytest.mark.parametrize(
    "args, message",
    [
        (["nobody", "--name", "x"], "No user named nobody"),
        (["staff", "--name", "  "], "1 to 100 characters"),
        (["staff", "--name", "x" * 101], "1 to 100 characters"),
        (["observer", "--name", "x"], "inactive"),
    ],
)
def test_command_refuses_clearly(cast, args, message):
    User.objects.filter(username="observer").update(is_active=False)
    with pytest.raises(CommandError, match=message):
        call_command("create_api_token", *args, stdout=io.StringIO(), stderr=io.StringIO())
    assert not ApiToken.objects.exists()
