"""Yearly progress reports: generated in the background from the data, in both languages (page
and PDF), frozen once published."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from prevnet.evaluation.models import Report, ReportStatus
from prevnet.network.models import EngagementEvent, Municipality
from prevnet.programs.models import MunicipalProgram


def pdf_text(field) -> str:
    with field.open("rb") as f:
        return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(f.read())).pages)


def compact(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def demo(db, settings):
    # The real calendar: programme year 1 = 2025-04-01 to 2026-03-31, entirely past.
    settings.PREVNET_PROGRAMME_START = "2025-04-01"
    call_command("load_demo", stdout=io.StringIO())


def generate(cast, year=1) -> Report:
    client = cast.client("staff")
    response = client.post(reverse("evaluation:report_create"), {"year": year, "title": "Year 1"})
    report = Report.objects.get()
    assert response.status_code == 302
    commentary = reverse("evaluation:report_commentary", args=[report.pk])
    client.post(
        commentary,
        {"overview_en": "A good first year.", "overview_fr": "Une bonne première année."},
    )
    response = client.post(reverse("evaluation:report_generate", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    return report


def test_report_from_the_demo_data_shows_the_right_figures(demo, cast):
    report = generate(cast)
    assert report.status == ReportStatus.READY and report.progress == 100
    rows = {i["name_en"]: i for i in report.figures["indicators"]}
    # Engaged in a CCSS and exchanging on 2026-03-31: Ottawa, Edmonton, Winnipeg, Prince Albert,
    # Saskatoon. Fostered programs started in year 1: Ottawa, Edmonton, Winnipeg (demo).
    engaged = rows["Municipalities exchanging and engaged in a CCSS"]
    programs = rows["Additional preventive programs or mainstreamed actions fostered"]
    assert engaged["years"]["1"]["value"] == "5"
    assert programs["years"]["1"]["value"] == "3"
    english = compact(pdf_text(report.pdf_en))
    # Indicator, last year (none), this year, its target (none), programme to date, its target.
    # Programme to date counts today's stock: the demo's outcome questionnaire (answered at
    # load time, in year 2; a seeded random draw) adds the municipalities whose latest answer
    # says they use a CCSS and exchange about it.
    to_date = engaged["programme"]["value"]
    assert int(to_date) >= 5
    assert re.search(rf"engaged in a CCSS\s+—\s+5\s+—\s+{to_date}\s+30", english), english[:3000]
    assert re.search(r"mainstreamed actions fostered\s+—\s+3\s+—\s+3\s+30", english), english[:3000]
    assert "A good first year." in english
    # Activities demo, year 1: five different people at the two workshops (one came to both),
    # one passed the planning assessment, one exchange (reported), Gatineau coached in year 2.
    activity_figures = {
        "Unique municipal stakeholders sensitized": "5",
        "Key municipal employees trained to the standard": "1",
        "Inter-municipal coaching and mentoring projects": "1",
        "New municipalities given direct coaching": "0",
    }
    for name, expected in activity_figures.items():
        assert rows[name]["years"]["1"]["value"] == expected, name
    assert re.search(r"stakeholders sensitized\s+—\s+5\s+500\s+5\s+500", english), english[:3000]
    assert "Prince Albert (SK)" in english and "A coordinating body with a small staff" in english
    assert "Not available yet" in english  # the questionnaires: not faked
    french = compact(pdf_text(report.pdf_fr))
    assert re.search(rf"engagées dans une SGSC\s+—\s+5\s+—\s+{to_date}\s+30", french), french[:3000]
    assert "Une bonne première année." in french
    page = cast.client("staff").get(report.get_absolute_url()).content.decode()
    assert "A good first year." in page


def test_published_report_does_not_change_after_the_data_change(demo, cast):
    report = generate(cast)
    response = cast.client("staff").post(reverse("evaluation:report_publish", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    before = (report.figures, report.html_en, report.html_fr, report.pdf_en.name)
    assert report.status == ReportStatus.PUBLISHED
    # The data change: three more fostered programs in year 1, one more engaged municipality.
    city = Municipality.objects.get(csd_code="1209034")
    EngagementEvent.objects.create(
        municipality=city, kind="exchanging", started_on=dt.date(2025, 5, 1)
    )
    for n in range(3):
        MunicipalProgram.objects.create(
            municipality=city,
            name=f"New {n}",
            started_on=dt.date(2025, 6, 1),
            fostered_by_programme=True,
        )
    # Regenerating a published report is refused; the snapshot stays as it was.
    cast.client("staff").post(reverse("evaluation:report_generate", args=[report.pk]))
    cast.client("staff").post(
        reverse("evaluation:report_commentary", args=[report.pk]), {"overview_en": "x"}
    )
    report.refresh_from_db()
    assert (report.figures, report.html_en, report.html_fr, report.pdf_en.name) == before
    page = cast.client("observer").get(report.get_absolute_url()).content.decode()
    assert "A good first year." in page
    # A new report sees the new figures.
    new = Report.objects.create(year=1, title="Again")
    cast.client("staff").post(reverse("evaluation:report_generate", args=[new.pk]))
    new.refresh_from_db()
    programs = {i["name_en"]: i for i in new.figures["indicators"]}[
        "Additional preventive programs or mainstreamed actions fostered"
    ]
    assert programs["years"]["1"]["value"] == "6"


def test_drafts_are_for_staff_and_published_reports_for_signed_in(cast):
    report = Report.objects.create(year=1, title="Draft")
    url = report.get_absolute_url()
    assert cast.client("observer").get(url).status_code == 403
    assert cast.client("staff").get(url).status_code == 200
    listing = cast.client("observer").get(reverse("evaluation:report_list")).content.decode()
    assert "Draft" not in listing
    for action in ("report_generate", "report_publish"):
        target = reverse(f"evaluation:{action}", args=[report.pk])
        assert cast.client("coordinator_a").post(target).status_code == 403
        assert cast.client("staff").get(target).status_code == 405
    pdf = reverse("evaluation:report_pdf", args=[report.pk, "en"])
    assert cast.client("staff").get(pdf).status_code == 404  # not generated yet


def test_publish_needs_a_generated_report(cast):
    report = Report.objects.create(year=1, title="Draft")
    cast.client("staff").post(reverse("evaluation:report_publish", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_progress_is_polled_as_json(cast):
    report = Report.objects.create(year=1, title="Busy", status=ReportStatus.RUNNING, progress=40)
    data = cast.client("staff").get(report.get_absolute_url() + "?format=json").json()
    assert data == {
        "status": "running",
        "label": "Being generated",
        "progress": 40,
        "finished": False,
    }


def test_pdf_download_of_a_published_report(demo, cast):
    report = generate(cast)
    cast.client("staff").post(reverse("evaluation:report_publish", args=[report.pk]))
    response = cast.client("observer").get(reverse("evaluation:report_pdf", args=[report.pk, "fr"]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_busy_report_page_polls_its_progress(cast):
    report = Report.objects.create(year=1, title="Busy", status=ReportStatus.QUEUED)
    html = cast.client("staff").get(report.get_absolute_url()).content.decode()
    assert 'data-poll="' in html and "evaluation/report_progress.js" in html
    assert "Generate the report" not in html  # no second run while one is queued


def test_a_failed_generation_is_recorded_on_the_report(cast, monkeypatch):
    from prevnet.evaluation import reports

    def broken(year):
        raise RuntimeError("the PDF engine is missing")

    monkeypatch.setattr(reports, "compute_figures", broken)
    report = Report.objects.create(year=1, title="Year 1")
    cast.client("staff").post(reverse("evaluation:report_generate", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "PDF engine" in report.error
    html = cast.client("staff").get(report.get_absolute_url()).content.decode()
    assert "PDF engine" in html and "Generate the report" in html  # staff may try again


def test_hostile_commentary_and_title_stay_text(cast):
    report = Report.objects.create(year=1, title="<b>Year</b> 1")
    url = reverse("evaluation:report_commentary", args=[report.pk])
    cast.client("staff").post(url, {"overview_en": "<script>alert(1)</script>"})
    cast.client("staff").post(reverse("evaluation:report_generate", args=[report.pk]))
    report.refresh_from_db()
    assert "<script>alert(1)</script>" not in report.html_en
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report.html_en
    page = cast.client("staff").get(report.get_absolute_url()).content.decode()
    assert "<b>Year</b>" not in page and "<script>alert(1)" not in page
    too_long = cast.client("staff").post(url, {"overview_en": "x" * 6000})
    assert too_long.status_code == 200  # refused with a message: 5,000 characters at most


def _exchange(visiting, host, day, status, learned="", reported=None):
    from prevnet.activities.models import Activity, Exchange

    act = Activity.objects.create(
        type="exchange", title=f"{visiting.name} visits", starts_on=day, place=host
    )
    return Exchange.objects.create(
        activity=act,
        visiting=visiting,
        host=host,
        status=status,
        learned=learned,
        to_apply="Apply: " + learned if learned else "",
        reported_at=reported and dt.datetime.combine(reported, dt.time(12), tzinfo=dt.UTC),
    )


def test_exchanges_section_lists_the_year_s_completed_exchanges_with_their_lessons(cast):
    from prevnet.activities.models import FollowUpAction
    from prevnet.evaluation import reports
    from prevnet.network.factories import MunicipalityFactory, province

    # Programme year 1 = 2020-04-01 to 2021-03-31 (the evaluation tests' calendar).
    a = MunicipalityFactory(name="Avonlea", province=province("PE"), csd_code="1100901")
    b = MunicipalityFactory(name="Bellevue", province=province("QC"), csd_code="2400901")
    first = _exchange(a, b, dt.date(2020, 5, 1), "reported", "Night patrols", dt.date(2020, 9, 1))
    FollowUpAction.objects.create(
        exchange=first, action="Brief council", owner="Mayor", due_on=dt.date(2020, 10, 1)
    )
    _exchange(b, a, dt.date(2021, 3, 1), "reported", "<script>x</script>", dt.date(2021, 3, 31))
    _exchange(a, b, dt.date(2021, 3, 1), "reported", "Next year", dt.date(2021, 4, 1))
    _exchange(b, a, dt.date(2020, 6, 1), "return_done")  # visits done, no report: no lessons
    section = reports._exchanges(1)
    assert [r[0] for r in section["rows"]] == ["Avonlea (PE)", "Bellevue (QC)"]
    assert section["rows"][0][1:] == [
        "Bellevue (QC)",
        "2020-09-01",
        "Night patrols",
        "Apply: Night patrols",
        "Brief council (Mayor, 2020-10-01)",
    ]
    assert [r[3] for r in reports._exchanges(2)["rows"]] == ["Next year"]
    report = Report.objects.create(year=1, title="Year 1")
    reports.build(report)
    assert report.figures["sections"]["exchanges"]["available"]
    assert "&lt;script&gt;x&lt;/script&gt;" in report.html_en and "<script>x" not in report.html_en
    assert "Ce qui a été appris" in report.html_fr
    english = compact(pdf_text(report.pdf_en))
    assert "Exchanges completed, with their lessons" in english
    assert "Night patrols" in english and "Brief council" in english
