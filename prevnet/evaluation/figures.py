"""Indicator figures for the dashboard, the indicator pages and the reports.

``progress(indicators, where)`` answers, for each indicator, its value for each programme year
and for the whole programme, against the targets. Its number of queries depends on the number
of indicators (fixed by the logic model), never on the amount of data: computations run
aggregate queries, and staff-entered values are read in one query for all indicators.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum

from prevnet.core import programme
from prevnet.evaluation.computations import REGISTRY, NotAvailable, Period, Value, Where
from prevnet.evaluation.models import EnteredValue, Indicator

NOT_STARTED = "not_started"
NOT_AVAILABLE = "not_available"
NO_DATA = "no_data"


def year_period(year: int) -> Period:
    return Period(*programme.year_bounds(year))


def programme_period() -> Period:
    return Period(programme.year_bounds(1)[0], programme.year_bounds(programme.YEARS[-1])[1])


@dataclass
class Cell:
    """One figure: a value, or the reason there is none (not started, not available, no data)."""

    value: Decimal | None = None
    target: Decimal | None = None
    state: str = ""

    @property
    def percent(self) -> int | None:
        if self.value is None or not self.target:
            return None
        return int(round(self.value * 100 / self.target))


@dataclass
class Row:
    indicator: Indicator
    years: dict[int, Cell] = field(default_factory=dict)
    total: Cell = field(default_factory=Cell)

    @property
    def not_available(self) -> bool:
        return self.total.state == NOT_AVAILABLE


def programme_indicators():
    return (
        Indicator.objects.filter(item__logic_model__is_programme=True)
        .select_related("item")
        .prefetch_related("year_targets")
        .order_by("item__order", "order", "pk")
    )


def _entered(indicators: list[Indicator], where: Where) -> dict[int, dict[int, Decimal]]:
    ids = [i.pk for i in indicators if i.is_entered]
    if not ids:
        return {}
    qs = EnteredValue.objects.filter(indicator__in=ids)
    if where.province:
        qs = qs.filter(province=where.province)
    elif where.region:
        qs = qs.filter(Q(region=where.region) | Q(province__region=where.region))
    out: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for row in qs.values("indicator", "year").annotate(total=Sum("value")).order_by():
        out[row["indicator"]][row["year"]] = row["total"]
    return out


def compute(indicator: Indicator, period: Period, where: Where, dims=()) -> Value:
    """The value of a computed indicator (raises NotAvailable, KeyError for unknown names)."""
    return REGISTRY[indicator.computation].fn(period, where, tuple(dims))


def _computed_cell(indicator: Indicator, period: Period, where: Where) -> Cell:
    if not period.has_started:
        return Cell(state=NOT_STARTED)
    if indicator.computation not in REGISTRY:
        return Cell(state=NOT_AVAILABLE)
    try:
        return Cell(value=compute(indicator, period, where).total)
    except NotAvailable:
        return Cell(state=NOT_AVAILABLE)


def _entered_total(indicator: Indicator, by_year: dict[int, Decimal]) -> Cell:
    if not by_year:
        return Cell(state=NO_DATA)
    if indicator.cumulative:
        return Cell(value=sum(by_year.values(), Decimal(0)))
    return Cell(value=by_year[max(by_year)])


def progress(indicators, where: Where | None = None) -> list[Row]:
    where = where or Where()
    indicators = list(indicators)
    entered = _entered(indicators, where)
    rows = []
    for indicator in indicators:
        targets = {t.year: t.value for t in indicator.year_targets.all()}
        row = Row(indicator)
        for year in programme.YEARS:
            period = year_period(year)
            if indicator.is_entered:
                value = entered.get(indicator.pk, {}).get(year)
                if value is not None:
                    cell = Cell(value=value)
                else:
                    cell = Cell(state=NOT_STARTED if not period.has_started else NO_DATA)
            else:
                cell = _computed_cell(indicator, period, where)
            cell.target = targets.get(year)
            row.years[year] = cell
        if indicator.is_entered:
            row.total = _entered_total(indicator, entered.get(indicator.pk, {}))
        else:
            row.total = _computed_cell(indicator, programme_period(), where)
        row.total.target = indicator.programme_target
        rows.append(row)
    return rows


def breakdown(indicator: Indicator, period: Period, where: Where) -> dict | None:
    """The value broken down by each disaggregation the computation supports (None if not
    available)."""
    comp = REGISTRY.get(indicator.computation)
    if comp is None:
        return None
    dims = [
        d
        for d in comp.disaggregations
        # "kind" and "module" split the count itself (programs or mainstreamed; by training
        # module), not the population, so they are shown whatever the indicator lists.
        if not indicator.disaggregations
        or d in indicator.disaggregations
        or d in ("kind", "module")
    ]
    try:
        return compute(indicator, period, where, dims).breakdown
    except NotAvailable:
        return None


def entered_breakdown(indicator: Indicator, period_year: int | None):
    """Staff-entered values, listed with their evidence."""
    qs = indicator.entered_values.select_related("region", "province", "entered_by")
    if period_year:
        qs = qs.filter(year=period_year)
    return qs


def _plain(number: Decimal | None):
    """A number as a spreadsheet shows it: 30, not 30.00."""
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def export_rows(rows: list[Row]):
    """The dashboard's figures as a table (headers, rows) for CSV and XLSX downloads."""
    from django.utils.translation import gettext as _

    from prevnet.evaluation.templatetags.evaluation_tags import state

    headers = [_("Indicator"), _("Period"), _("Value"), _("Target"), _("Progress (%)")]
    out = []
    for row in rows:
        cells = [(_("Year %(year)d") % {"year": y}, c) for y, c in row.years.items()]
        cells.append((_("Programme"), row.total))
        for label, cell in cells:
            value = _plain(cell.value) if cell.value is not None else state(cell)
            out.append([row.indicator.name, label, value, _plain(cell.target), cell.percent])
    return headers, out
