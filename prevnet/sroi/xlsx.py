"""The whole model as a workbook with live formulas, so an evaluator can recompute it.

Sheets: Assumptions (base year, discount rate), Inputs, Impact map (one row per outcome, one
column per year), Results. Every derived figure is a formula over the entered ones, written
with a small subset of spreadsheet syntax (+ − × ÷ ^, SUM over a range, IF, comparisons) that
every spreadsheet reads and that the tests evaluate to check it against the service.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from prevnet.core.exports import safe_cell
from prevnet.sroi.models import Analysis
from prevnet.sroi.services import build_model, cpi_table

RATE = "Assumptions!$B$3"
BASE = "Assumptions!$B$2"
MAP = "'Impact map'"


def _header(ws, labels):
    ws.append([str(label) for label in labels])
    for cell in ws[1]:
        cell.font = Font(bold=True)


def workbook_for(analysis: Analysis) -> Workbook:
    model, _problems = build_model(analysis)
    cpi = cpi_table()
    wb = Workbook()
    ws = wb.active
    ws.title = "Assumptions"
    ws.append([_("Analysis"), safe_cell(analysis.title)])
    ws.append([_("Base year"), analysis.base_year])
    ws.append([_("Discount rate (%)"), float(analysis.discount_rate)])
    ws.append([_("Program"), safe_cell(analysis.program_name)])
    ws.append([_("Currency"), _("Canadian dollars of the base year")])

    inputs = wb.create_sheet("Inputs")
    _header(
        inputs,
        [
            _("Year"),
            _("Funder"),
            _("In kind"),
            _("Amount"),
            _("Discount factor"),
            _("Present value"),
        ],
    )
    for row, i in enumerate(model.inputs, start=2):
        inputs.append(
            [i.year, safe_cell(i.funder), _("yes") if i.in_kind else _("no"), float(i.amount)]
        )
        inputs[f"E{row}"] = f"=1/(1+{RATE}/100)^(A{row}-{BASE})"
        inputs[f"F{row}"] = f"=D{row}*E{row}"
    last_input = max(len(model.inputs) + 1, 2)

    impact = wb.create_sheet("Impact map")
    years = max((o.duration for o in model.outcomes), default=1)
    year_cols = [get_column_letter(16 + t) for t in range(years)]  # from column P
    pv_col = get_column_letter(16 + years)
    _header(
        impact,
        [_("Stakeholder"), _("Outcome"), _("Indicator"), _("Quantity"), _("Value per unit"),
         _("Year of the proxy"), _("CPI of the base year"), _("CPI of the proxy's year"),
         _("Value in base-year dollars"), _("Deadweight (%)"), _("Displacement (%)"),
         _("Attribution (%)"), _("Drop-off (%)"), _("Duration (years)"), _("Impact, year 1")]
        + [_("PV year %(n)s") % {"n": t + 1} for t in range(years)]
        + [_("Present value")],
    )  # fmt: skip
    proxies = {f"o{o.pk}": o for o in analysis.outcomes.all()}
    for row, o in enumerate(model.outcomes, start=2):
        year = proxies[o.key].proxy_year
        same = year == analysis.base_year
        cpi_base = 1 if same else float(cpi[analysis.base_year])
        cpi_year = 1 if same else float(cpi[year])
        impact.append(
            [safe_cell(o.stakeholder), safe_cell(o.description),
             safe_cell(proxies[o.key].indicator), float(o.quantity),
             float(o.value_per_unit), year, cpi_base, cpi_year, f"=E{row}*G{row}/H{row}",
             float(o.deadweight), float(o.displacement), float(o.attribution),
             float(o.drop_off), o.duration,
             f"=D{row}*I{row}*(1-J{row}/100)*(1-K{row}/100)*(1-L{row}/100)"]
        )  # fmt: skip
        for t, col in enumerate(year_cols, start=1):
            impact[f"{col}{row}"] = (
                f"=IF({t}<=$N{row},$O{row}*(1-$M{row}/100)^({t}-1)/(1+{RATE}/100)^{t},0)"
            )
        impact[f"{pv_col}{row}"] = f"=SUM({year_cols[0]}{row}:{year_cols[-1]}{row})"
    last = max(len(model.outcomes) + 1, 2)

    results = wb.create_sheet("Results")
    results.append([_("Present value of benefits"), f"=SUM({MAP}!{pv_col}2:{pv_col}{last})"])
    results.append([_("Present value of investment"), f"=SUM(Inputs!F2:F{last_input})"])
    results.append([_("Net present value"), "=B1-B2"])
    results.append([_("SROI ratio"), '=IF(B2>0,B1/B2,"")'])
    results.append([_("Impact of the first year"), f"=SUM({MAP}!O2:O{last})"])
    results.append([_("Payback period (months)"), '=IF(B2>0,IF(B5>0,B2/(B5/12),""),"")'])
    for ws in wb.worksheets:
        ws.column_dimensions["A"].width = 30
    return wb


def xlsx_bytes(analysis: Analysis) -> bytes:
    buffer = io.BytesIO()
    workbook_for(analysis).save(buffer)
    return buffer.getvalue()
