"""Small helpers for evaluation templates: figures and drill-down cells."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from prevnet.evaluation.charts import _fmt
from prevnet.evaluation.figures import NO_DATA, NOT_AVAILABLE, NOT_STARTED

register = template.Library()

STATES = {
    NOT_STARTED: lambda: _("not started"),
    NOT_AVAILABLE: lambda: _("not available yet"),
    NO_DATA: lambda: _("no value entered"),
}


@register.filter
def figure(value) -> str:
    if value is None or value == "":
        return "—"
    return _fmt(Decimal(str(value)))


@register.filter
def state(cell) -> str:
    """A figure cell's number, or why it has none."""
    state_code = cell.get("state") if isinstance(cell, dict) else getattr(cell, "state", "")
    value = cell.get("value") if isinstance(cell, dict) else getattr(cell, "value", None)
    if value is not None:
        return figure(value)
    return STATES.get(state_code, lambda: "—")()


@register.filter
def record_cell(cell):
    if isinstance(cell, tuple | list) and len(cell) == 2:
        return format_html('<a href="{}">{}</a>', cell[1], cell[0])
    if isinstance(cell, dt.date):
        return date_format(cell, "DATE_FORMAT")
    return cell
