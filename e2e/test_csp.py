"""The Content-Security-Policy, as a visitor's browser enforces it (no bypass_csp here).

The other browser tests bypass the CSP to inject axe-core; these walk the same pages under the
real policy and fail on any violation the browser reports in its console.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_pages_break_no_content_security_policy(strict_page, console_log, live_cast, login):
    page = strict_page
    detail = f"/network/municipalities/{live_cast.city_a.pk}/"

    response = page.goto("/en/")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy, f"no strict CSP on the home page: {policy!r}"

    login(page, "coordinator_a")
    for language in ("en", "fr"):
        for path in ("/", "/accounts/login/", "/network/municipalities/", detail, detail + "edit/"):
            page.goto(f"/{language}{path}")
            page.wait_for_load_state("load")
    # The language switch and a saved form: the pages they lead to, under the same policy.
    page.goto(f"/en{detail}")
    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(re.compile(rf"/fr{re.escape(detail)}$"))
    page.goto(f"/fr{detail}edit/")
    page.locator("#id_population").fill("4321")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/fr{re.escape(detail)}$"))
    page.wait_for_load_state("load")

    violations = console_log.csp_violations()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


def test_console_listener_sees_a_csp_violation(strict_page, console_log, live_server, e2e_db):
    """The check above can fail: an inline script on a page of ours is refused and reported."""
    page = strict_page
    page.goto("/en/accounts/login/")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate(
            """() => { const s = document.createElement('script');
                       s.textContent = 'window.inlineRan = true';
                       document.head.appendChild(s); }"""
        )
    assert page.evaluate("() => window.inlineRan === undefined")
    assert console_log.csp_violations()
