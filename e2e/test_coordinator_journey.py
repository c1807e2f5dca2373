"""A municipal coordinator's journey, in a real browser, in English and in French.

Log in, switch to French, open their municipality from the list, edit it, see the change, export
the list as CSV; axe-core checks every page on the way, and the skip link works from the keyboard.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from django.utils.text import capfirst
from django.utils.translation import gettext, override
from playwright.sync_api import expect

from prevnet.network import services
from prevnet.network.models import Municipality

pytestmark = pytest.mark.e2e

NEW_WEBSITE = "https://alphaville.example.ca/prevention"
NEW_POPULATION = 123_456


def french(text: str) -> str:
    with override("fr"):
        return gettext(text)


def field_label(name: str, language: str) -> re.Pattern:
    """A form field's label as Django writes it (capitalised verbose name, maybe a colon)."""
    with override(language):
        text = capfirst(str(Municipality._meta.get_field(name).verbose_name))
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*$")


def export_headers(language: str) -> list[str]:
    with override(language):
        headers, _rows = services.municipality_export(Municipality.objects.none())
        return [str(h) for h in headers]


def fact(page, label: str):
    """The <dd> of a municipality page's fact list whose <dt> reads ``label``."""
    return page.locator("dl.facts dt", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).locator(
        "xpath=following-sibling::dd[1]"
    )


def settle(page) -> None:
    page.wait_for_load_state("load")


def test_coordinator_edits_their_municipality_in_french_and_exports_the_list(
    page, axe, live_cast, login
):
    city = live_cast.city_a
    detail_path = f"/network/municipalities/{city.pk}/"

    # Log in (English), landing on the home page.
    page.goto("/en/accounts/login/")
    axe(page, "login (en, anonymous)", collect=True)
    login(page, "coordinator_a")
    expect(page).to_have_url(re.compile(r"/en/$"))
    axe(page, "home (en)", collect=True)

    # The municipality list, from the main navigation.
    page.locator("header nav").get_by_role("link", name="Municipalities").click()
    expect(page).to_have_url(re.compile(r"/en/network/municipalities/$"))
    settle(page)
    axe(page, "municipality list (en)", collect=True)

    # Switch to French: same page, under /fr/, and the document says so.
    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/fr/network/municipalities/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    settle(page)
    assert page.url.split("/", 3)[3].startswith("fr/"), page.url
    expect(page.locator("h1")).to_have_text(french("Municipalities"))
    axe(page, "municipality list (fr)", collect=True)

    # Alphaville's page, from the list.
    page.locator("main table").get_by_role("link", name="Alphaville", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/fr{re.escape(detail_path)}$"))
    expect(page.locator("h1")).to_have_text("Alphaville")
    settle(page)
    axe(page, "municipality detail (fr)", collect=True)

    # Edit the website and the population.
    page.locator(f"main a[href$='{detail_path}edit/']").click()
    expect(page).to_have_url(re.compile(rf"/fr{re.escape(detail_path)}edit/$"))
    settle(page)
    axe(page, "municipality edit form (fr)", collect=True)
    # The fields are reached by their labels, as a screen reader user would.
    page.get_by_label(field_label("website", "fr")).fill(NEW_WEBSITE)
    page.get_by_label(field_label("population", "fr")).fill(str(NEW_POPULATION))
    page.locator("main form[method=post] button[type=submit]").click()

    # Back on the municipality page, with the new values and a confirmation.
    expect(page).to_have_url(re.compile(rf"/fr{re.escape(detail_path)}$"))
    expect(page.locator("main [role=status]")).to_contain_text(french("Changes saved."))
    expect(page.locator(f"dl.facts a[href='{NEW_WEBSITE}']")).to_have_text(NEW_WEBSITE)
    population = fact(page, french("Population")).inner_text()  # the page's own "Population"
    assert re.sub(r"\D", "", population).startswith(str(NEW_POPULATION)), population
    settle(page)
    axe(page, "municipality detail after saving (fr)", collect=True)
    city.refresh_from_db()
    assert (city.website, city.population) == (NEW_WEBSITE, NEW_POPULATION)

    # Back to the list and export it as CSV: translated headers, Alphaville's new website.
    page.locator("header nav").get_by_role("link", name=french("Municipalities")).click()
    expect(page).to_have_url(re.compile(r"/fr/network/municipalities/$"))
    with page.expect_download() as download_info:
        page.locator("main a[href*='format=csv']").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv"), download.suggested_filename
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == export_headers("fr"), rows[0]
    assert rows[0] != export_headers("en"), "the CSV headers are not translated into French"
    alphaville = [row for row in rows[1:] if row and row[0] == "Alphaville"]
    assert alphaville, text
    assert NEW_WEBSITE in alphaville[0], alphaville[0]

    # The remaining pages in French: home and login.
    page.goto("/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    axe(page, "home (fr)", collect=True)
    page.goto("/fr/accounts/login/")
    axe(page, "login (fr)", collect=True)

    # And back to English with the switch, for the municipality's pages.
    page.goto(f"/fr{detail_path}")
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(rf"/en{re.escape(detail_path)}$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    settle(page)
    axe(page, "municipality detail (en)", collect=True)
    page.goto(f"/en{detail_path}edit/")
    expect(page.get_by_label(field_label("website", "en"))).to_have_value(NEW_WEBSITE)
    axe(page, "municipality edit form (en)", collect=True)

    axe.assert_clean()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_skip_link_is_first_in_tab_order_and_moves_focus_to_main(page, live_cast, language):
    page.goto(f"/{language}/network/municipalities/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => ({cls: document.activeElement.className,
                   href: document.activeElement.getAttribute('href'),
                   text: document.activeElement.textContent.trim()})"""
    )
    assert "skip-link" in focused["cls"].split(), focused
    assert focused["href"] == "#main", focused
    with override(language):
        assert focused["text"] == gettext("Skip to main content"), focused

    # Once focused, the link is on screen (it hides off-screen until then).
    box = page.locator(".skip-link").bounding_box()
    viewport = page.viewport_size
    assert box is not None and 0 <= box["x"] < viewport["width"], box
    assert 0 <= box["y"] < viewport["height"], box

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    assert page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab continues from the main content, not from the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")
