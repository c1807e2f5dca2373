"""Log in and out, throttled failures, password reset by e-mail (sent by a task), change."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

LOGIN = "/en/accounts/login/"
PASSWORD = "correct horse battery staple"


def test_login_and_logout(cast):
    client = cast.client("anonymous")
    response = client.post(LOGIN, {"username": "observer", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("core:account")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("core:account")).status_code == 302


def test_wrong_password_says_so(cast):
    response = cast.client("anonymous").post(LOGIN, {"username": "observer", "password": "no"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_failed_logins_are_throttled(cast, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = cast.client("anonymous")
    for _ in range(3):
        client.post(LOGIN, {"username": "observer", "password": "wrong"})
    # Even the right password is refused now, with a page that says why.
    response = client.post(LOGIN, {"username": "observer", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    # Another account from the same address is not locked (lockout is per user and address).
    other = cast.client("anonymous").post(LOGIN, {"username": "staff", "password": PASSWORD})
    assert other.status_code == 302


def test_password_reset_by_email_sent_through_a_task(cast):
    client = cast.client("anonymous")
    response = client.post(reverse("password_reset"), {"email": "observer@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["observer@example.org"]
    link = re.search(r"https?://[^/]+(/\S+/reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a new long passphrase 42", "new_password2": "a new long passphrase 42"},
    )
    assert done.status_code == 302
    assert (
        client.post(
            LOGIN, {"username": "observer", "password": "a new long passphrase 42"}
        ).status_code
        == 302
    )


def test_password_reset_in_french_sends_french_email(cast):
    cast.client("anonymous").post("/fr/accounts/password_reset/", {"email": "observer@example.org"})
    assert "mot de passe" in mail.outbox[0].subject.lower()


def test_password_reset_for_unknown_address_reveals_nothing(cast):
    response = cast.client("anonymous").post(
        reverse("password_reset"), {"email": "nobody@example.org"}
    )
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_change(cast):
    client = cast.client("participant")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another passphrase 99",
            "new_password2": "another passphrase 99",
        },
    )
    assert response.status_code == 302
    cast.users["participant"].refresh_from_db()
    assert cast.users["participant"].check_password("another passphrase 99")


def test_api_token_created_once_and_revoked(cast):
    client = cast.client("coordinator_a")
    response = client.post(reverse("core:account"), {"name": "nightly export"})
    secret = response.context["new_secret"]
    assert secret.startswith("pvn_")
    token = cast.users["coordinator_a"].api_tokens.get()
    assert secret not in token.key_hash  # only the hash is stored
    assert secret not in client.get(reverse("core:account")).content.decode()


@pytest.mark.parametrize("role", ["staff", "coordinator", "participant", "observer"])
def test_staff_flag_follows_role(db, role):
    from prevnet.network.factories import UserFactory

    user = UserFactory(role=role)
    assert user.is_staff == (role == "staff")


def test_account_links_to_own_record(cast):
    html = cast.client("participant").get(reverse("core:account")).content.decode()
    assert cast.person_a.get_absolute_url() in html
    html = cast.client("observer").get(reverse("core:account")).content.decode()
    assert "/network/people/" not in html
