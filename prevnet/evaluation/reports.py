"""The yearly progress reports: a snapshot of the figures, rendered once in each language.

``build(report, progress)`` computes every figure, stores them on the report (``figures``),
renders the page in English and in French from those stored figures, and the PDFs from the same
HTML. Nothing reads live data afterwards: a published report never changes.

Data sections are pluggable: ``@section(code, label)`` registers a function of the programme
year returning {"headers": [...], "rows": [[...]], "paragraphs": [...]} (plain, JSON-able
values) or raising ``NotAvailable`` (shown as "not available yet", never as zero). The
questionnaire sections are in report_questionnaires.py; cells may be {"en", "fr"} pairs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db.models import Q
from django.db.models.functions import Coalesce, TruncDate
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from prevnet.activities.models import Exchange, ExchangeStatus
from prevnet.core import programme
from prevnet.evaluation import charts
from prevnet.evaluation.computations import NotAvailable
from prevnet.evaluation.figures import programme_indicators, progress, year_period
from prevnet.evaluation.models import Report, ReportStatus
from prevnet.network.models import EngagementEvent, EngagementKind

# The meeting each yearly report is presented at (the programme's calendar).
MEETINGS = {
    1: _("Municipal Meeting 2"),
    2: _("Coordinating Committee 4"),
    3: _("the final Municipal Meeting"),
}

COMMENTARY = [
    ("overview", _("Overview")),
    ("indicators", _("Progress on the indicators")),
    ("engagement", _("Engagement of municipalities")),
    ("exchanges", _("Exchanges and lessons")),
    ("questionnaires", _("What the questionnaires tell us")),
    ("next_steps", _("Adjustments for next year")),
]

SECTIONS: dict[str, tuple[object, Callable[[int], dict]]] = {}

# Section headers and coded cells are stored as codes and translated when rendered.
HEADERS = {
    "municipality": _("Municipality"),
    "province": _("Province or territory"),
    "engagement": _("Engagement"),
    "from": _("From"),
    "visiting": _("Visiting municipality"),
    "host": _("Host"),
    "completed": _("Completed"),
    "learned": _("What was learned"),
    "to_apply": _("What will be applied"),
    "actions": _("Follow-up actions"),
}
CODES = dict(EngagementKind.choices)


def section(code: str, label):
    def register(fn):
        SECTIONS[code] = (label, fn)
        return fn

    return register


@section("engagement", _("Municipalities that began a CCSS or exchanging during the year"))
def _engagement(year: int) -> dict:
    period = year_period(year)
    events = (
        EngagementEvent.objects.filter(started_on__gte=period.start, started_on__lte=period.end)
        .select_related("municipality__province")
        .order_by("started_on", "municipality__name")
    )
    return {
        "headers": ["municipality", "province", "engagement", "from"],
        "rows": [
            [
                e.municipality.name,
                e.municipality.province.abbreviation,
                e.kind,
                e.started_on.isoformat(),
            ]
            for e in events
        ],
    }


@section("exchanges", _("Exchanges completed, with their lessons"))
def _exchanges(year: int) -> dict:
    """Exchanges whose report was written during the year (the report completes an exchange:
    it is where the lessons are), with what was learned, what will be applied and the
    follow-up actions."""
    period = year_period(year)
    done = Coalesce(TruncDate("reported_at"), "return_visit_on", "activity__starts_on")
    exchanges = (
        Exchange.objects.filter(status=ExchangeStatus.REPORTED)
        .annotate(completed=done)
        .filter(completed__gte=period.start, completed__lte=period.end)
        .select_related("visiting__province", "host__province")
        .prefetch_related("actions")
        .order_by("completed", "visiting__name", "pk")
    )
    rows = []
    for e in exchanges:
        actions = "; ".join(
            f"{a.action} ({a.owner}{', ' + a.due_on.isoformat() if a.due_on else ''})"
            for a in e.actions.all()
        )
        rows.append(
            [
                f"{e.visiting.name} ({e.visiting.province.abbreviation})",
                f"{e.host.name} ({e.host.province.abbreviation})",
                e.completed.isoformat(),
                e.learned,
                e.to_apply,
                actions,
            ]
        )
    return {
        "headers": ["visiting", "host", "completed", "learned", "to_apply", "actions"],
        "rows": rows,
    }


# The questionnaire sections are in report_questionnaires.py (registered by the app's ready()).


def _cell(value, language: str) -> str:
    """A stored cell: a code to translate, a {"en", "fr"} pair, or plain text."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get("en", ""))
    return str(CODES.get(value, value))


def _number(value) -> str | None:
    return None if value is None else str(Decimal(value))


def compute_figures(year: int) -> dict:
    """Every figure of the report for programme ``year``, as plain JSON."""
    indicators = []
    for row in progress(programme_indicators()):
        ind = row.indicator
        indicators.append(
            {
                "name_en": ind.name_en,
                "name_fr": ind.name_fr or ind.name_en,
                "unit": ind.unit,
                "baseline": _number(ind.baseline_value),
                "years": {
                    str(y): {
                        "value": _number(c.value),
                        "target": _number(c.target),
                        "state": c.state,
                    }
                    for y, c in row.years.items()
                },
                "programme": {
                    "value": _number(row.total.value),
                    "target": _number(row.total.target),
                    "state": row.total.state,
                },
            }
        )
    sections = {}
    for code, (_label, fn) in SECTIONS.items():
        try:
            sections[code] = {"available": True, **fn(year)}
        except NotAvailable:
            sections[code] = {"available": False}
    begin, end = programme.year_bounds(year)
    return {
        "year": year,
        "period": [begin.isoformat(), end.isoformat()],
        "computed_at": timezone.now().isoformat(),
        "indicators": indicators,
        "sections": sections,
    }


def _chart(indicator: dict, year: int, language: str):
    from prevnet.evaluation.templatetags.evaluation_tags import state

    def num(v):
        return None if v is None else Decimal(v)

    rows = []
    for y in [y for y in programme.YEARS if y <= year]:
        cell = indicator["years"][str(y)]
        label = str(_("Year %(year)d") % {"year": y})
        rows.append((label, num(cell["value"]), num(cell["target"]), state(cell)))
    total = indicator["programme"]
    rows.append((str(_("Programme")), num(total["value"]), num(total["target"]), state(total)))
    name = indicator["name_fr"] if language == "fr" else indicator["name_en"]
    return charts.bars(rows, name)


def render_html(report: Report, language: str) -> str:
    figures = report.figures
    year = figures["year"]
    with translation.override(language):
        indicators = [
            {
                **ind,
                "name": ind["name_fr"] if language == "fr" else ind["name_en"],
                "this_year": ind["years"][str(year)],
                "last_year": ind["years"].get(str(year - 1)),
                "chart": _chart(ind, year, language),
            }
            for ind in figures["indicators"]
        ]
        sections = []
        for code, (label, _fn) in SECTIONS.items():
            data = dict(figures["sections"].get(code, {"available": False}))
            data["headers"] = [str(HEADERS.get(h, h)) for h in data.get("headers", [])]
            data["rows"] = [[_cell(c, language) for c in row] for row in data.get("rows", [])]
            sections.append({"code": code, "label": str(label), **data})
        commentary = [
            (str(label), report.commentary.get(f"{code}_{language}", ""))
            for code, label in COMMENTARY
        ]
        return render_to_string(
            "evaluation/report_body.html",
            {
                "report": report,
                "year": year,
                "meeting": MEETINGS.get(year, ""),
                "period": [
                    date_format(dt.date.fromisoformat(day), "DATE_FORMAT")
                    for day in figures["period"]
                ],
                "indicators": indicators,
                "sections": sections,
                "commentary": commentary,
                "LANGUAGE_CODE": language,
            },
        )


def render_pdf(report: Report, language: str, body: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "evaluation/report_pdf.html",
            {"report": report, "body": body, "LANGUAGE_CODE": language},
        )
    return HTML(string=html).write_pdf()


def build(report: Report, progress_cb: Callable[[int], None] = lambda p: None) -> Report:
    """Compute, render and store a report (both languages, page and PDF)."""
    if report.is_published:
        return report  # frozen: never recomputed
    progress_cb(10)
    report.figures = compute_figures(report.year)
    progress_cb(40)
    report.html_en = render_html(report, "en")
    report.html_fr = render_html(report, "fr")
    progress_cb(60)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    for language in ("en", "fr"):
        body = report.html_en if language == "en" else report.html_fr
        data = render_pdf(report, language, body)
        field = report.pdf_en if language == "en" else report.pdf_fr
        field.save(f"report-{report.pk}-{language}-{stamp}.pdf", ContentFile(data), save=False)
        progress_cb(80 if language == "en" else 95)
    report.generated_at = timezone.now()
    report.status = ReportStatus.READY
    report.progress = 100
    report.error = ""
    report.save()
    return report


def publish(report: Report) -> None:
    if report.status != ReportStatus.READY:
        raise ValueError("only a generated report can be published")
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.PUBLISHED, published_at=timezone.now()
    )


def queue(report: Report) -> bool:
    """Mark a report as waiting for the worker; False when it is published or already busy."""
    updated = Report.objects.filter(
        ~Q(status__in=[ReportStatus.PUBLISHED, ReportStatus.QUEUED, ReportStatus.RUNNING]),
        pk=report.pk,
    ).update(status=ReportStatus.QUEUED, progress=0)
    return bool(updated)
