"""Process evaluation in a real browser: staff set a target, see the progress on the dashboard,
generate a progress report; the programs registry and logic models; axe-core on every page, in
English and French."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils.translation import gettext, override
from playwright.sync_api import expect

from prevnet.core import programme
from prevnet.evaluation import seed
from prevnet.network.models import EngagementEvent
from prevnet.programs.models import MunicipalProgram

pytestmark = pytest.mark.e2e


def french(text: str) -> str:
    with override("fr"):
        return gettext(text)


@pytest.fixture
def evaluation_data(live_cast):
    seed.load()
    for kind in ("ccss", "exchanging"):
        EngagementEvent.objects.create(
            municipality=live_cast.city_a, kind=kind, started_on=dt.date(2020, 1, 1)
        )
    MunicipalProgram.objects.create(
        municipality=live_cast.city_a, name="Youth outreach", fostered_by_programme=True
    )
    return live_cast


def test_staff_set_a_target_see_progress_and_generate_a_report(page, axe, evaluation_data, login):
    year = programme.year_of(dt.date.today()) or 1
    login(page, "staff")
    page.goto("/en/evaluation/")
    expect(page.locator("h1")).to_have_text("Programme dashboard")
    axe(page, "dashboard (en, staff)", collect=True)

    page.get_by_role("link", name="Municipalities exchanging and engaged in a CCSS").click()
    axe(page, "indicator (en)", collect=True)
    page.get_by_role("link", name="Edit the indicator and its targets").click()
    axe(page, "indicator form (en)", collect=True)
    page.get_by_label(f"Target for year {year}").fill("4")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("main [role=status]")).to_contain_text("Indicator saved.")

    # One municipality of four: 25 % of the year's target, in the table and the chart's title.
    page.goto("/en/evaluation/")
    section = page.locator("section.indicator", has_text="exchanging and engaged")
    expect(section.locator("tbody tr").nth(year - 1)).to_contain_text("25 %")
    expect(section.locator("svg title")).to_contain_text("target 4")

    # A progress report, generated in the background (immediately in tests), with its PDFs.
    page.goto("/en/evaluation/reports/")
    axe(page, "reports (en)", collect=True)
    page.get_by_role("link", name="Start a progress report").click()
    page.get_by_label("Programme year").select_option(str(year))
    page.get_by_label("Title").fill(f"Progress, year {year}")
    page.locator("main form[method=post] button[type=submit]").click()
    page.get_by_role("button", name="Generate the report").click()
    expect(page.locator("#report-status strong")).to_have_text("Generated")
    expect(page.get_by_role("link", name="PDF in French")).to_be_visible()
    expect(page.locator(".report-body")).to_contain_text("Indicators against targets")
    axe(page, "report (en)", collect=True)

    # The same pages in French.
    page.get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator(".report-body")).to_contain_text(french("Indicators against targets"))
    axe(page, "report (fr)", collect=True)
    page.goto("/fr/evaluation/")
    expect(page.locator("h1")).to_have_text(french("Programme dashboard"))
    axe(page, "dashboard (fr)", collect=True)
    axe.assert_clean()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_programs_and_logic_models_pages_are_accessible(
    page, axe, evaluation_data, login, language
):
    login(page, "coordinator_a", language=language)
    city = evaluation_data.city_a
    model = seed.load()
    program = MunicipalProgram.objects.get(name="Youth outreach")
    for label, path in (
        ("program", f"/programs/{program.pk}/"),
        ("program edit", f"/programs/{program.pk}/edit/"),
        ("program delete", f"/programs/{program.pk}/delete/"),
        ("programs", "/programs/"),
        ("city programs", f"/programs/municipality/{city.pk}/"),
        ("program form", f"/programs/municipality/{city.pk}/new/"),
        ("logic models", "/evaluation/logic-models/"),
        ("programme logic model", f"/evaluation/logic-models/{model.pk}/"),
        ("new logic model", "/evaluation/logic-models/new/"),
    ):
        page.goto(f"/{language}{path}")
        expect(page.locator("h1")).to_be_visible()
        axe(page, f"{label} ({language}, coordinator)", collect=True)
    # The coordinator starts a logic model for their municipality and sees its diagram.
    page.goto(f"/{language}/evaluation/logic-models/new/")
    page.locator("#id_name").fill("Outreach logic model")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/evaluation/logic-models/\d+/$"))
    expect(page.locator(".diagram svg")).to_be_attached()
    axe(page, f"municipal logic model ({language})", collect=True)
    axe.assert_clean()


def test_report_progress_is_polled_under_the_strict_csp(
    strict_page, console_log, evaluation_data, login
):
    from prevnet.evaluation.models import Report, ReportStatus

    page = strict_page
    report = Report.objects.create(year=1, title="Busy", status=ReportStatus.RUNNING, progress=40)
    login(page, "staff")
    for path in ("/en/evaluation/", "/en/evaluation/logic-models/", "/en/programs/"):
        page.goto(path)
    page.goto(f"/en/evaluation/reports/{report.pk}/")
    expect(page.locator("#report-status .percent")).to_have_text("40 %")
    Report.objects.filter(pk=report.pk).update(progress=80)
    expect(page.locator("#report-status .percent")).to_have_text("80 %")
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.READY, progress=100)
    expect(page.locator("#report-status strong")).to_have_text("Generated")  # reloaded
    assert not console_log.csp_violations(), console_log.messages
