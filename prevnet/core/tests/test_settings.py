"""Configuration from the environment; production refuses unsafe settings."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings

PROD = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
    "ALLOWED_HOSTS": "prevnet.example.ca",
    "DATABASE_URL": "sqlite:///" + str(settings.BASE_DIR / "var" / "check.sqlite3"),
}


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PROD)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_page_has_a_content_security_policy(client, db):
    for url in ("/en/", "/fr/network/municipalities/", "/en/accounts/login/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy


def test_database_url_selects_the_engine():
    import dj_database_url

    parsed = dj_database_url.parse("postgres://u:p@127.0.0.1:5432/prevnet")
    assert parsed["ENGINE"] == "django.db.backends.postgresql"
