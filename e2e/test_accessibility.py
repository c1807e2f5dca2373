"""axe-core on each page, in English and in French, seen by the people who use it.

One test per page and language, so that a report names the page at once. The coordinator's own
view of these pages is checked along their journey (test_coordinator_journey.py); here the public
sees the registry and network staff see the edit form with all its fields (selects, dates,
the coordinators' multiple choice).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

LANGUAGES = ["en", "fr"]
PAGES = {
    # name: (who, path; {pk} is Alphaville's)
    "home": ("anonymous", "/"),
    "login": ("anonymous", "/accounts/login/"),
    "municipality_list": ("anonymous", "/network/municipalities/"),
    "municipality_detail": ("anonymous", "/network/municipalities/{pk}/"),
    "municipality_edit": ("staff", "/network/municipalities/{pk}/edit/"),
    "municipality_detail_staff": ("staff", "/network/municipalities/{pk}/"),
    "organization_list": ("anonymous", "/network/organizations/"),
    "person_list": ("staff", "/network/people/"),
    "history": ("staff", "/network/history/municipality/{pk}/"),
    "import": ("staff", "/network/import/"),
    "account": ("staff", "/account/"),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_serious_accessibility_violation(page, axe, live_cast, login, name, language):
    who, path = PAGES[name]
    if who != "anonymous":
        login(page, who, language=language)
    response = page.goto(f"/{language}{path.format(pk=live_cast.city_a.pk)}")
    assert response is not None and response.status == 200, (name, response and response.status)
    expect(page.locator("html")).to_have_attribute("lang", language)
    axe(page, f"{name} ({language}, {who})")


def test_form_errors_are_accessible(page, axe, live_cast, login):
    """A refused edit: the errors are announced with the fields, and the page stays clean."""
    login(page, "staff")
    page.goto(f"/en/network/municipalities/{live_cast.city_a.pk}/edit/")
    page.locator("#id_population").fill("-5")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("main .errorlist").first).to_be_visible()
    axe(page, "municipality edit form with errors (en, staff)")


def test_axe_reports_a_serious_violation(page, axe, live_server, e2e_db):
    """The check above can fail: a button without a name on one of our pages is reported."""
    page.goto("/en/accounts/login/")
    page.evaluate(
        """() => { const b = document.createElement('button');
                   b.id = 'nameless'; document.querySelector('main').appendChild(b); }"""
    )
    found = {v["id"]: v for v in axe.violations(page)}
    assert "button-name" in found, sorted(found)
    assert found["button-name"]["nodes"][0]["target"] == ["#nameless"]
