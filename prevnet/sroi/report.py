"""What the results, sensitivity and report pages show, shared by the web page and the PDF."""

from __future__ import annotations

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from prevnet.sroi import charts
from prevnet.sroi.calculation import money, ratio
from prevnet.sroi.models import Analysis
from prevnet.sroi.sensitivity import break_even, monte_carlo, tornado
from prevnet.sroi.services import build_model, ranges_of, results_of
from prevnet.sroi.templatetags.sroi import cad, num

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 2026


def results_context(analysis: Analysis) -> dict:
    results, problems = results_of(analysis)
    outcomes = {f"o{o.pk}": o for o in analysis.outcomes.all()}
    rows = []
    for r in results.outcomes:
        db = outcomes[r.figures.key]
        rows.append({
            "outcome": db,
            "figures": r.figures,
            "value_base": money(r.value_per_unit_base),
            "inflation": r.figures.inflation_factor.quantize(Decimal("0.0001")),
            "gross": money(r.gross),
            "impact": money(r.impact),
            "yearly": [money(v) for v in r.yearly],
            "discounted": [money(v) for v in r.discounted],
            "present_value": money(r.present_value),
        })  # fmt: skip
    return {
        "results": results,
        "problems": problems,
        "impact_rows": rows,
        "input_rows": [
            {
                "figures": i.figures,
                "factor": i.discount_factor.quantize(Decimal("0.0001")),
                "present_value": money(i.present_value),
            }
            for i in results.inputs
        ],  # fmt: skip
        "pv_benefits": money(results.pv_benefits),
        "pv_investment": money(results.pv_investment),
        "total_investment": money(results.total_investment),
        "npv": money(results.npv),
        "sroi_ratio": ratio(results.sroi_ratio) if results.sroi_ratio is not None else None,
        "payback_months": money(results.payback_months) if results.payback_months else None,
        "by_stakeholder": [(k, money(v)) for k, v in results.by_stakeholder.items()],
        "by_year": [(t, money(v)) for t, v in enumerate(results.by_year, start=1)],
    }


def _fmt_money(v: float) -> str:
    return cad(Decimal(round(v)), 0)


def sensitivity_context(
    analysis: Analysis, draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED
) -> dict:
    model, _problems = build_model(analysis)
    ranges, default = ranges_of(analysis, model)
    bars = tornado(model, ranges) if model.outcomes else []
    base = results_of(analysis)[0]
    svg = charts.tornado_svg(
        [(b.assumption.label, float(b.npv_low), float(b.npv_high)) for b in bars[:12]],
        float(base.npv),
        _("Net present value when each assumption is moved on its own"),
        _fmt_money,
    )
    key = [
        u
        for u in ranges
        if u.parameter
        in (
            "quantity",
            "value_per_unit",
            "deadweight",
            "attribution",
            "displacement",
            "discount_rate",
        )
    ]
    breaks = [break_even(model, u) for u in key] if model.outcomes else []
    mc = monte_carlo(model, ranges, draws, seed) if model.outcomes else None
    histogram = mc.histogram() if mc else []
    return {
        "ranges_are_default": default,
        "tornado": [
            {
                "label": b.assumption.label,
                "low": b.assumption.low,
                "high": b.assumption.high,
                "npv_low": money(b.npv_low),
                "npv_high": money(b.npv_high),
                "ratio_low": ratio(b.ratio_low) if b.ratio_low is not None else None,
                "ratio_high": ratio(b.ratio_high) if b.ratio_high is not None else None,
            }
            for b in bars
        ],  # fmt: skip
        "tornado_svg": svg,
        "break_even": [
            {
                "label": b.assumption.label,
                "likely": b.assumption.likely,
                "value": b.value.quantize(Decimal("0.01")) if b.value is not None else None,
                "within_bounds": b.within_bounds,
            }
            for b in breaks
        ],  # fmt: skip
        "mc": mc,
        "mc_chance": round(mc.chance_benefits_exceed_costs * 100, 1) if mc else None,
        "mc_p5": mc.percentile(5) if mc else None,
        "mc_p50": mc.percentile(50) if mc else None,
        "mc_p95": mc.percentile(95) if mc else None,
        "histogram": histogram,
        "histogram_svg": charts.histogram_svg(
            histogram,
            _("Distribution of the SROI ratio over the draws"),
            1.0,
            lambda v: num(Decimal(str(round(v, 2)))),
        ),
    }


def report_context(analysis: Analysis) -> dict:
    return {"analysis": analysis, **results_context(analysis), **sensitivity_context(analysis)}


def pdf_bytes(analysis: Analysis, language: str, base_url: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string("sroi/report_pdf.html", report_context(analysis))
    return HTML(string=html, base_url=base_url).write_pdf()
