"""The social return on investment part of the JSON API: read only.

Thin, like the pages: ask core.access (rules.py), call the SROI services, shape JSON. Signed-in
users read every analysis and the proxy library, as on the web; the public gets 401. No personal
data: who created an analysis is not sent. Money is in Canadian dollars of the analysis's base
year, sent as decimal strings (exact), rounded to the cent as the pages show it.
"""
# No `from __future__ import annotations` here: ninja reads these annotations at import time.

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from prevnet.api.routers.common import READ_ERRORS, Pagination, require
from prevnet.api.schemas import Id
from prevnet.core import access
from prevnet.sroi import report, services
from prevnet.sroi.calculation import money, ratio
from prevnet.sroi.models import CURRENCY, Analysis, FinancialProxy, Outcome

router = Router(tags=["sroi"])

Year = Field(None, ge=1990, le=2100)


# --- schemas ----------------------------------------------------------------------------------


class MunicipalityName(Schema):
    # Its own name: one schema name in the OpenAPI document per shape (MunicipalityRef has the
    # province too).
    id: int
    name: str


class ProgramRef(Schema):
    id: int
    name: str


class TemplateProgramRef(Schema):
    slug: str
    name: str = Field(..., description="In the request's language")


class AnalysisOut(Schema):
    id: int
    title: str
    kind: Literal["municipal", "template"] = Field(
        ..., description="A municipality's program, or a knowledge-base program's template"
    )
    municipality: MunicipalityName | None
    program: ProgramRef | None = Field(None, description="The municipal program")
    template_program: TemplateProgramRef | None = Field(
        None, description="The knowledge-base program (templates)"
    )
    currency: str = Field(CURRENCY, description="Dollars of the base year (real terms)")
    base_year: int
    discount_rate: Decimal = Field(..., description="Real rate per year, in percent")
    sroi_ratio: Decimal | None = Field(
        None, description="PV of benefits ÷ PV of investment; null when nothing is invested"
    )
    npv: Decimal = Field(..., description="Net present value")
    updated_at: dt.datetime


class StakeholderOut(Schema):
    id: int
    name: str
    description: str


class InputOut(Schema):
    year: int
    funder: str
    funder_type: str
    description: str
    amount: Decimal
    in_kind: bool
    discount_factor: Decimal | None = Field(None, description="To the base year")
    present_value: Decimal | None = None


class OutputOut(Schema):
    stakeholder_id: int | None
    description: str
    quantity: Decimal
    unit: str


class ProxyUsed(Schema):
    description: str
    value_per_unit: Decimal = Field(..., description="In the proxy's own year; negative = harm")
    source: str
    currency: str
    year: int
    library_proxy_id: int | None = Field(None, description="Copied from this library proxy")


class OutcomeComputed(Schema):
    value_per_unit_base: Decimal = Field(..., description="In base-year dollars (CPI)")
    inflation_factor: Decimal
    gross: Decimal = Field(..., description="Quantity × value, first year")
    impact: Decimal = Field(..., description="After deadweight, displacement, attribution")
    yearly: list[Decimal] = Field(..., description="Years 1…duration, after drop-off")
    discounted: list[Decimal] = Field(..., description="The same, discounted to the base year")
    present_value: Decimal


class OutcomeOut(Schema):
    id: int
    stakeholder_id: int
    stakeholder: str
    description: str
    indicator: str
    quantity: Decimal
    duration: int = Field(..., description="Years")
    proxy: ProxyUsed
    deadweight: Decimal = Field(..., description="Percent")
    attribution: Decimal = Field(..., description="Percent")
    displacement: Decimal = Field(..., description="Percent")
    drop_off: Decimal = Field(..., description="Percent per year after the first")
    result: OutcomeComputed | None = Field(
        None, description="Null when the outcome is left out (see results.problems)"
    )


class RangeOut(Schema):
    outcome_id: int | None = Field(None, description="Null for the discount rate")
    parameter: str
    low: Decimal
    likely: Decimal
    high: Decimal


class StakeholderValue(Schema):
    stakeholder: str
    present_value: Decimal


class YearValue(Schema):
    year: int = Field(..., description="1 = the first year after the base year")
    present_value: Decimal


class ResultsOut(Schema):
    base_year: int
    discount_rate: Decimal = Field(..., description="Percent")
    currency: str = CURRENCY
    total_investment: Decimal = Field(..., description="Undiscounted")
    pv_investment: Decimal = Field(..., description="Present value of the investment (costs)")
    pv_benefits: Decimal = Field(..., description="Present value of the benefits")
    npv: Decimal = Field(..., description="Net present value: benefits − investment")
    sroi_ratio: Decimal | None = Field(
        None, description="SROI (benefit-cost) ratio; null when nothing is invested"
    )
    payback_months: Decimal | None = None
    by_stakeholder: list[StakeholderValue]
    by_year: list[YearValue]
    problems: list[str] = Field(..., description="Why a figure is missing, in your language")


class AnalysisDetailOut(AnalysisOut):
    scope: str
    stakeholders: list[StakeholderOut]
    inputs: list[InputOut]
    outputs: list[OutputOut]
    outcomes: list[OutcomeOut]
    ranges: list[RangeOut] = Field(..., description="Uncertain assumptions (low, likely, high)")
    results: ResultsOut


class ProxyOut(Schema):
    id: int
    name_en: str
    name_fr: str
    unit_en: str
    unit_fr: str
    value: Decimal = Field(..., description="Per unit")
    currency: str
    year: int = Field(..., description="Year of the value")
    source: str
    source_url: str
    is_illustrative: bool = Field(
        ..., description="A demonstration figure, not a published one: not for a real report"
    )
    updated_at: dt.datetime


class AnalysisFilters(Schema):
    kind: Literal["municipal", "template"] | None = None
    municipality: Id | None = Field(None, description="Municipality id")
    base_year: int | None = Year


class AnalysisPage(Schema):
    items: list[AnalysisOut]
    count: int


class ProxyFilters(Schema):
    illustrative: bool | None = Field(None, description="Only illustrative, or only published")


# --- helpers ----------------------------------------------------------------------------------


def _analyses():
    return Analysis.objects.select_related("program__municipality", "template_program")


def _summary(analysis: Analysis, ratio_value, npv) -> dict:
    program = analysis.program
    return {
        "id": analysis.pk,
        "title": analysis.title,
        "kind": "template" if analysis.is_template else "municipal",
        "municipality": program.municipality if program else None,
        "program": program,
        "template_program": analysis.template_program,
        "base_year": analysis.base_year,
        "discount_rate": analysis.discount_rate,
        "sroi_ratio": ratio_value,
        "npv": npv,
        "updated_at": analysis.updated_at,
    }


def _outcome_out(o: Outcome, row: dict | None) -> dict:
    return {
        "id": o.pk,
        "stakeholder_id": o.stakeholder_id,
        "stakeholder": o.stakeholder.name,
        "description": o.description,
        "indicator": o.indicator,
        "quantity": o.quantity,
        "duration": o.duration,
        "proxy": {
            "description": o.proxy_description,
            "value_per_unit": o.value_per_unit,
            "source": o.proxy_source,
            "currency": o.proxy_currency,
            "year": o.proxy_year,
            "library_proxy_id": o.library_proxy_id,
        },
        "deadweight": o.deadweight,
        "attribution": o.attribution,
        "displacement": o.displacement,
        "drop_off": o.drop_off,
        "result": row
        and {
            "value_per_unit_base": row["value_base"],
            "inflation_factor": row["inflation"],
            "gross": row["gross"],
            "impact": row["impact"],
            "yearly": row["yearly"],
            "discounted": row["discounted"],
            "present_value": row["present_value"],
        },
    }


# --- endpoints --------------------------------------------------------------------------------


@router.get("/analyses", response={200: AnalysisPage, **READ_ERRORS})
def list_analyses(request, filters: Query[AnalysisFilters], pagination: Query[Pagination.Input]):
    """Analyses, last changed first, each with its headline ratio (signed-in users).

    The ratio and net present value are those of the analysis page, rounded to the cent.
    """
    require(request, "sroi.view_analysis")
    qs = access.visible(request.user, "sroi.view_analysis", _analyses())
    if filters.kind is not None:
        qs = qs.filter(template_program__isnull=filters.kind == "municipal")
    if filters.municipality is not None:
        qs = qs.filter(program__municipality_id=filters.municipality)
    if filters.base_year is not None:
        qs = qs.filter(base_year=filters.base_year)
    qs = qs.order_by("-updated_at", "-pk").prefetch_related(
        "inputs", Prefetch("outcomes", Outcome.objects.select_related("stakeholder"))
    )
    page = Pagination().paginate_queryset(qs, pagination, request)
    cpi = services.cpi_table()
    items = []
    for analysis in page["items"]:
        results, _problems = services.results_of(analysis, cpi)
        value = ratio(results.sroi_ratio) if results.sroi_ratio is not None else None
        items.append(_summary(analysis, value, money(results.npv)))
    return {"items": items, "count": page["count"]}


@router.get("/analyses/{int:analysis_id}", response={200: AnalysisDetailOut, **READ_ERRORS})
def get_analysis(request, analysis_id: Id):
    """One analysis: its inputs, outcomes and assumptions, and its results as its page shows
    them (present values of benefits and investment, net present value, SROI ratio, payback).
    """
    require(request, "sroi.view_analysis")  # the public learns nothing, not even a 404
    analysis = _analyses().filter(pk=analysis_id).first()
    if analysis is None:
        raise HttpError(404, _("There is no SROI analysis with this number."))
    require(request, "sroi.view_analysis", analysis)
    context = report.results_context(analysis)
    rows = {row["outcome"].pk: row for row in context["impact_rows"]}
    computed_inputs = [
        {
            "year": i.year,
            "funder": i.funder,
            "funder_type": i.funder_type,
            "description": i.description,
            "amount": i.amount,
            "in_kind": i.in_kind,
            "discount_factor": row["factor"],
            "present_value": row["present_value"],
        }
        for i, row in zip(analysis.inputs.all(), context["input_rows"], strict=True)
    ]
    outcomes = analysis.outcomes.select_related("stakeholder")
    return {
        **_summary(analysis, context["sroi_ratio"], context["npv"]),
        "scope": analysis.scope,
        "stakeholders": list(analysis.stakeholders.all()),
        "inputs": computed_inputs,
        "outputs": list(analysis.outputs.all()),
        "outcomes": [_outcome_out(o, rows.get(o.pk)) for o in outcomes],
        "ranges": list(analysis.ranges.all()),
        "results": {
            "base_year": analysis.base_year,
            "discount_rate": analysis.discount_rate,
            "total_investment": context["total_investment"],
            "pv_investment": context["pv_investment"],
            "pv_benefits": context["pv_benefits"],
            "npv": context["npv"],
            "sroi_ratio": context["sroi_ratio"],
            "payback_months": context["payback_months"],
            "by_stakeholder": [
                {"stakeholder": k, "present_value": v} for k, v in context["by_stakeholder"]
            ],
            "by_year": [{"year": t, "present_value": v} for t, v in context["by_year"]],
            "problems": [str(p) for p in context["problems"]],
        },
    }


@router.get("/proxies", response={200: list[ProxyOut], **READ_ERRORS})
@paginate(Pagination)
def list_proxies(request, filters: Query[ProxyFilters]):
    """The network's library of financial proxies, with their sources (signed-in users).

    Illustrative values are demonstration figures: replace them before a real report.
    """
    require(request, "sroi.view_financialproxy")
    qs = access.visible(request.user, "sroi.view_financialproxy", FinancialProxy.objects.all())
    if filters.illustrative is not None:
        qs = qs.filter(is_illustrative=filters.illustrative)
    return qs.order_by("name_en", "pk")
