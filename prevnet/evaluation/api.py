"""The process evaluation part of the JSON API: the dashboard's figures, read only.

Thin, like the pages: ask core.access, validate the place filters with the dashboard's own form,
and take every figure from ``figures`` (the dashboard's service); nothing is recomputed here.
Signed-in users read aggregates, as on the dashboard; the records and people behind a number,
and who entered a value, stay on the staff pages.
"""
# No `from __future__ import annotations` here: ninja reads these annotations at import time.

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from prevnet.api.routers.common import READ_ERRORS, refuse_invalid, require
from prevnet.api.schemas import Id, text
from prevnet.core import programme
from prevnet.evaluation import figures
from prevnet.evaluation.computations import REGISTRY, Where
from prevnet.evaluation.forms import PlaceFilterForm
from prevnet.evaluation.models import Direction, Indicator, Unit
from prevnet.evaluation.templatetags.evaluation_tags import STATES

router = Router(tags=["evaluation"])

# Figures as numbers, as the dashboard's downloads give them (30, not "30.00"): the same JSON
# whichever database summed them.
Number = int | float

DIMENSIONS = {
    "region": lambda: _("By region"),
    "province": lambda: _("By province or territory"),
    "kind": lambda: _("By kind"),
    "position_type": lambda: _("By position"),
    "module": lambda: _("By training module"),
}


class FigureFilters(Schema):
    year: int | None = Field(
        None,
        ge=1,
        le=programme.YEARS[-1],
        description="Programme year; without it, the whole programme",
    )
    region: text(20) | None = Field(None, description="Region code, e.g. ontario")
    province: text(2) | None = Field(None, description="Abbreviation, e.g. ON")


class CellOut(Schema):
    year: int | None = Field(..., description="Programme year; null for the whole programme")
    value: Number | None = Field(..., description="null when there is none: see state")
    target: Number | None
    percent: int | None = Field(..., description="Value as a percentage of the target")
    state: str | None = Field(
        ..., description="Why there is no value: not_started, not_available or no_data"
    )
    state_label: str | None = Field(..., description="The state in the request's language")


class IndicatorOut(Schema):
    id: int
    code: str
    name: str = Field(..., description="In the request's language")
    unit: Unit
    direction: Direction
    cumulative: bool
    baseline_value: Number | None
    programme_target: Number | None
    computed: bool = Field(..., description="Computed from prevnet's records, or entered by staff")
    period: CellOut = Field(..., description="The chosen year's figure, or the programme's")
    years: list[CellOut] = Field(..., description="Each programme year, then the programme")
    url: str = Field(..., description="The indicator's web page")


class BreakdownLine(Schema):
    label: str
    value: Number


class BreakdownOut(Schema):
    dimension: str = Field(..., description="region, province, kind, position_type or module")
    label: str
    values: list[BreakdownLine]


class IndicatorDetailOut(IndicatorOut):
    definition: str
    result: str = Field(..., description="The logic model's result it measures")
    logic_model_id: int
    how_obtained: str
    means_of_verification: str
    breakdowns: list[BreakdownOut] | None = Field(
        ..., description="The period's value broken down; null when the computation has none"
    )


def _where(filters: FigureFilters) -> Where:
    """The dashboard's form decides what a place means; what it refuses is a 422 here."""
    data = {
        "region": (filters.region or "").lower(),
        "province": (filters.province or "").upper(),
    }
    form = PlaceFilterForm(data)
    refuse_invalid(form)
    region, province = form.cleaned_data["region"], form.cleaned_data["province"]
    return Where(region.pk if region else None, province.pk if province else None)


def _cell(year: int | None, cell: figures.Cell) -> dict:
    state = None if cell.value is not None else (cell.state or None)
    return {
        "year": year,
        "value": figures._plain(cell.value),
        "target": figures._plain(cell.target),
        "percent": cell.percent,
        "state": state,
        "state_label": STATES[state]() if state in STATES else None,
    }


def _indicator(row: figures.Row, year: int | None) -> dict:
    indicator = row.indicator
    years = [_cell(y, c) for y, c in row.years.items()] + [_cell(None, row.total)]
    return {
        "id": indicator.pk,
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "cumulative": indicator.cumulative,
        "baseline_value": figures._plain(indicator.baseline_value),
        "programme_target": figures._plain(indicator.programme_target),
        "computed": not indicator.is_entered,
        "period": _cell(year, row.years[year]) if year else _cell(None, row.total),
        "years": years,
        "url": indicator.get_absolute_url(),
    }


@router.get(
    "/indicators",
    response={200: list[IndicatorOut], **READ_ERRORS},
    summary="The programme's indicators against their targets",
)
def list_indicators(request, filters: Query[FigureFilters]):
    """Each indicator of the programme's logic model with its value and target for the period
    (a programme year, or the whole programme) and for every year, in a region or province:
    the dashboard's figures. Signed-in users only, as the dashboard."""
    require(request, "evaluation.view_dashboard")
    where = _where(filters)
    rows = figures.progress(figures.programme_indicators(), where)
    return [_indicator(row, filters.year) for row in rows]


@router.get(
    "/indicators/{int:indicator_id}",
    response={200: IndicatorDetailOut, **READ_ERRORS},
    summary="One indicator with its breakdowns",
)
def get_indicator(request, indicator_id: Id, filters: Query[FigureFilters]):
    """One indicator (of any logic model) with its figures and, for the period, its value broken
    down by each disaggregation its computation supports: what the indicator's page shows
    signed-in users. The records and people behind the number are not in the API."""
    require(request, "evaluation.view_indicator")
    indicator = get_object_or_404(
        Indicator.objects.select_related("item__logic_model").prefetch_related("year_targets"),
        pk=indicator_id,
    )
    where = _where(filters)
    row = figures.progress([indicator], where)[0]
    comp = REGISTRY.get(indicator.computation)
    period = figures.year_period(filters.year) if filters.year else figures.programme_period()
    breakdown = figures.breakdown(indicator, period, where) if comp else None
    if comp:
        how = str(comp.label)
    elif indicator.computation:
        how = STATES[figures.NOT_AVAILABLE]()
    else:
        how = _("Entered by staff, with evidence")
    return {
        **_indicator(row, filters.year),
        "definition": indicator.definition,
        "result": indicator.item.text,
        "logic_model_id": indicator.item.logic_model_id,
        "how_obtained": how,
        "means_of_verification": indicator.means_of_verification,
        "breakdowns": None
        if breakdown is None
        else [
            {
                "dimension": dim,
                "label": DIMENSIONS[dim]() if dim in DIMENSIONS else dim,
                "values": [
                    {"label": label, "value": figures._plain(value)} for label, value in values
                ],
            }
            for dim, values in breakdown.items()
        ],
    }
