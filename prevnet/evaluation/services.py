"""Process evaluation's writes (indicators with their targets, values with evidence) and the
drill-down from a number to its records."""

from __future__ import annotations

from django.db import transaction

from prevnet.evaluation.computations import REGISTRY, Period, Where
from prevnet.evaluation.models import EnteredValue, Indicator, LogicItem, YearTarget


@transaction.atomic
def save_indicator(form, item: LogicItem) -> Indicator:
    """Save an indicator and its targets per programme year together."""
    indicator = form.save(commit=False)
    indicator.item = item
    indicator.full_clean()
    indicator.save()
    for year, value in form.year_targets().items():
        if value is None:
            YearTarget.objects.filter(indicator=indicator, year=year).delete()
        else:
            YearTarget.objects.update_or_create(
                indicator=indicator, year=year, defaults={"value": value}
            )
    return indicator


@transaction.atomic
def enter_value(form, indicator: Indicator, user) -> EnteredValue:
    entry = form.save(commit=False)
    entry.indicator = indicator
    entry.entered_by = user
    entry.full_clean()
    entry.save()
    return entry


def records(indicator: Indicator, period: Period, where: Where):
    """(headers, rows) behind a computed number, or None when the computation cannot list them
    (a row's cell is a value or a (text, url) pair)."""
    comp = REGISTRY.get(indicator.computation)
    if comp is None or comp.records is None:
        return None
    return comp.records(period, where)
