"""The knowledge base in a real browser: search, filter, open, compare, download a PDF, read a
brief; axe-core checks every page in English and in French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils.translation import gettext, override
from playwright.sync_api import expect
from pypdf import PdfReader

from prevnet.knowledge import demo

pytestmark = pytest.mark.e2e


def french(text: str) -> str:
    with override("fr"):
        return gettext(text)


@pytest.fixture
def knowledge_base(e2e_db):
    demo.load()


def test_search_filter_open_compare_and_download(page, axe, knowledge_base):
    page.goto("/en/knowledge/")
    axe(page, "knowledge search (en)", collect=True)

    # Search "gang": Cure Violence and CIRV come up.
    page.get_by_label("Search programs, in English or French").fill("gang")
    page.locator("main form[role=search] button[type=submit]").click()
    results = page.locator("ul.results > li h2")
    expect(results.filter(has_text="Cure Violence")).to_have_count(1)
    expect(results.filter(has_text="CIRV")).to_have_count(1)
    axe(page, "knowledge search results (en)", collect=True)

    # Filter by setting: community. The facet shows it chosen; a school-only program is gone.
    facet = page.locator("nav.facets fieldset", has_text="Setting")
    facet.get_by_role("link", name=re.compile(r"^Community$")).click()
    expect(page).to_have_url(re.compile(r"setting=community"))
    expect(page.locator("nav.facets a[aria-current=true]")).to_contain_text("Community")
    expect(results.filter(has_text="Fourth R")).to_have_count(0)
    expect(results.filter(has_text="CIRV")).to_have_count(1)

    # Compare two programs side by side.
    page.get_by_label("Compare Cure Violence (Chicago CeaseFire)").check()
    page.get_by_label(re.compile(r"^Compare Community Initiative to Reduce Violence")).check()
    page.get_by_role("button", name="Compare selected programs").click()
    expect(page.locator("h1")).to_have_text("Compare programs")
    headers = page.locator("table.compare thead th")
    expect(headers).to_have_count(2)
    axe(page, "compare (en)", collect=True)

    # Open a program and download its PDF.
    headers.get_by_role("link", name=re.compile("^Community Initiative")).click()
    expect(page.locator("h1")).to_contain_text("CIRV")
    axe(page, "program page (en)", collect=True)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as PDF").click()
    path = Path(download_info.value.path())
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Community Initiative to Reduce Violence" in text

    # The evidence scale and the briefs.
    page.goto("/en/knowledge/evidence/")
    axe(page, "evidence scale (en)", collect=True)
    page.goto("/en/knowledge/briefs/")
    page.get_by_role("link", name="Preventing youth and gang violence").click()
    expect(page.locator("main article h2").first).to_have_text("What the evidence says")
    axe(page, "brief (en)", collect=True)
    axe.assert_clean()


def test_french_pages_are_accessible_and_search_in_french(page, axe, knowledge_base):
    page.goto("/fr/knowledge/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label(french("Search programs, in English or French")).fill("dissuasion ciblée")
    page.locator("main form[role=search] button[type=submit]").click()
    expect(page.locator("ul.results > li h2").first).to_contain_text("Initiative communautaire")
    axe(page, "recherche (fr)", collect=True)
    page.locator("ul.results > li h2 a").first.click()
    axe(page, "programme (fr)", collect=True)
    for path in ("/fr/knowledge/evidence/", "/fr/knowledge/briefs/youth-gang-violence/",
                 "/fr/knowledge/compare/?p=snap&p=fourth-r&p=green-dot"):  # fmt: skip
        page.goto(path)
        axe(page, f"{path} (fr)", collect=True)
    axe.assert_clean()
