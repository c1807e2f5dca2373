"""SROI in a real browser: build an analysis from a template, read the ratio, download the PDF;
axe-core on every page in English and in French."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from prevnet.sroi.tests.factories import municipal_program, template_program, worked_analysis

pytestmark = pytest.mark.e2e


def settle(page) -> None:
    page.wait_for_load_state("load")


def test_coordinator_builds_an_analysis_from_a_template(page, axe, live_cast, login):
    worked_analysis(template=template_program(), with_ranges=True)  # the template
    program = municipal_program(live_cast.city_a, name="Alphaville hub")
    login(page, "coordinator_a")

    page.goto("/en/sroi/")
    axe(page, "analyses (en)", collect=True)
    page.get_by_role("link", name="New analysis").click()
    settle(page)
    axe(page, "new analysis (en)", collect=True)
    page.get_by_label("Title").fill("Alphaville hub SROI")
    page.get_by_label("Municipal program").select_option(str(program.pk))
    template_choice = "Worked example (Community hubs)"
    page.get_by_label("Start from a template").select_option(label=template_choice)
    page.get_by_label("Base year").fill("2024")
    page.get_by_label("Discount rate (%)").fill("5")
    page.get_by_role("button", name="Save").click()
    settle(page)

    expect(page.locator("h1")).to_have_text("Alphaville hub SROI")
    expect(page.locator("dd.ratio")).to_contain_text("0.95 : 1")
    axe(page, "results and impact map (en)", collect=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Report (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    pdf = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Impact map" in text and "14,239.07" in text

    page.get_by_role("link", name="Sensitivity and Monte Carlo").click()
    settle(page)
    expect(page.locator("svg.chart").first).to_be_visible()
    axe(page, "sensitivity (en)", collect=True)

    # An outcome form sent empty: errors named, still accessible.
    page.go_back()
    settle(page)
    page.get_by_role("link", name="Add an outcome").click()
    settle(page)
    page.get_by_role("button", name="Save").click()
    settle(page)
    expect(page.locator(".errorlist-summary")).to_be_visible()
    axe(page, "outcome form with errors (en)", collect=True)

    # The same pages in French.
    page.get_by_role("button", name="Français").click()
    settle(page)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    axe(page, "outcome form (fr)", collect=True)
    for path, label in (("/fr/sroi/", "analyses"), ("/fr/sroi/proxies/", "proxies")):
        page.goto(path)
        axe(page, f"{label} (fr)", collect=True)
    page.goto("/fr/sroi/")
    page.get_by_role("link", name="Alphaville hub SROI").click()
    settle(page)
    expect(page.locator("dd.ratio")).to_contain_text("0,95 : 1")
    axe(page, "results (fr)", collect=True)
    page.goto(page.url + "sensitivity/")
    axe(page, "sensitivity (fr)", collect=True)
    page.goto(page.url.replace("sensitivity/", "report/"))
    axe(page, "report (fr)", collect=True)
    axe.assert_clean()
