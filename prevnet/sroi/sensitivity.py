"""How much the result depends on each assumption: tornado, break-even values, Monte Carlo.

The tornado and break-even values use the exact Decimal calculation. Monte Carlo runs the same
model vectorised on floats with numpy (``vector_present_values``): all draws at once, one loop
over the years of the longest outcome only. Its agreement with the Decimal calculation at the
likely values is tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from prevnet.sroi.calculation import HUNDRED, ONE, ZERO, Model, calculate

PERCENT_PARAMETERS = ("deadweight", "attribution", "displacement", "drop_off")
# Proportional parameters: an outcome's present value is proportional to f(x).
LINEAR = {
    "quantity": lambda x: x,
    "value_per_unit": lambda x: x,
    "deadweight": lambda x: ONE - x / HUNDRED,
    "attribution": lambda x: ONE - x / HUNDRED,
    "displacement": lambda x: ONE - x / HUNDRED,
}


@dataclass(frozen=True)
class Uncertain:
    """An assumption with low, likely and high values. ``outcome`` is None for the rate."""

    outcome: str | None
    parameter: str
    low: Decimal
    likely: Decimal
    high: Decimal
    label: str = ""


def default_ranges(model: Model) -> list[Uncertain]:
    """Used when the user gave none: ±20% on quantities and values, ±10 points on
    deadweight and drop-off, and the discount rate from 3% to 10%."""
    out = []
    for o in model.outcomes:
        for name in ("quantity", "value_per_unit"):
            x = getattr(o, name)
            lo, hi = sorted((x * Decimal("0.8"), x * Decimal("1.2")))
            out.append(Uncertain(o.key, name, lo, x, hi))
        for name in ("deadweight", "drop_off"):
            x = getattr(o, name)
            lo, hi = max(ZERO, x - 10), min(HUNDRED, x + 10)
            out.append(Uncertain(o.key, name, lo, x, hi))
    rate = model.discount_rate
    out.append(
        Uncertain(None, "discount_rate", min(rate, Decimal(3)), rate, max(rate, Decimal(10)))
    )
    return out


def with_value(model: Model, u: Uncertain, value: Decimal) -> Model:
    if u.outcome is None:
        return Model(model.base_year, value, model.inputs, model.outcomes)
    return model.with_outcome(u.outcome, **{u.parameter: value})


@dataclass
class TornadoBar:
    assumption: Uncertain
    ratio_low: Decimal | None
    ratio_high: Decimal | None
    npv_low: Decimal
    npv_high: Decimal

    @property
    def swing(self) -> Decimal:
        return abs(self.npv_high - self.npv_low)


def tornado(model: Model, ranges: list[Uncertain]) -> list[TornadoBar]:
    """Each assumption moved on its own to its low and high value, widest swing first."""
    bars = []
    for u in ranges:
        low, high = calculate(with_value(model, u, u.low)), calculate(with_value(model, u, u.high))
        bars.append(TornadoBar(u, low.sroi_ratio, high.sroi_ratio, low.npv, high.npv))
    return sorted(bars, key=lambda b: b.swing, reverse=True)


@dataclass
class BreakEven:
    assumption: Uncertain
    value: Decimal | None  # where NPV = 0 (ratio 1), None when no value can reach it
    within_bounds: bool  # a percentage within 0-100, a quantity not negative


def break_even(model: Model, u: Uncertain) -> BreakEven:
    base = calculate(model)
    if u.outcome is None:
        return BreakEven(u, *_rate_break_even(model))
    outcome = next(o for o in base.outcomes if o.figures.key == u.outcome)
    f = LINEAR.get(u.parameter)
    pv = outcome.present_value
    if f is None or pv == 0:
        return BreakEven(u, None, False)
    # The outcome's PV must change by −NPV: f(x*) = f(x0) × (pv − npv) / pv.
    target = f(getattr(outcome.figures, u.parameter)) * (pv - base.npv) / pv
    value = target if u.parameter in ("quantity", "value_per_unit") else HUNDRED * (ONE - target)
    if u.parameter in PERCENT_PARAMETERS:
        ok = ZERO <= value <= HUNDRED
    else:
        ok = value >= 0 or u.parameter == "value_per_unit"
    return BreakEven(u, value, ok)


def _rate_break_even(model: Model) -> tuple[Decimal | None, bool]:
    """The discount rate at which NPV = 0 (the internal rate of return), by bisection."""

    def npv(rate: Decimal) -> Decimal:
        return calculate(Model(model.base_year, rate, model.inputs, model.outcomes)).npv

    lo, hi = ZERO, Decimal(100)
    f_lo, f_hi = npv(lo), npv(hi)
    if f_lo == 0:
        return lo, True
    if (f_lo > 0) == (f_hi > 0):
        return None, False
    for _ in range(50):
        mid = (lo + hi) / 2
        if (npv(mid) > 0) == (f_lo > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2, True


# --- Monte Carlo -------------------------------------------------------------------------------


def vector_present_values(params: dict[str, np.ndarray], model: Model) -> tuple[np.ndarray, ...]:
    """PV of benefits and of investment for each draw. ``params`` holds arrays of shape
    (draws, outcomes) or (outcomes,) for the outcome parameters, and (draws,) or () for
    ``discount_rate``."""
    o = model.outcomes
    duration = np.array([x.duration for x in o])
    inflation = np.array([float(x.inflation_factor) for x in o])
    impact = params["quantity"] * params["value_per_unit"] * inflation
    for name in ("deadweight", "displacement", "attribution"):
        impact = impact * (1.0 - params[name] / 100.0)
    growth = 1.0 + np.asarray(params["discount_rate"], dtype=float) / 100.0
    g = growth[..., None] if growth.ndim else growth
    kept = 1.0 - params["drop_off"] / 100.0
    term = impact / g
    pv = np.zeros(np.broadcast(term, kept).shape)
    for t in range(1, int(duration.max(initial=0)) + 1):
        pv = pv + np.where(t <= duration, term, 0.0)
        term = term * kept / g
    benefits = pv.sum(axis=-1)
    investment = np.zeros_like(growth)
    for i in model.inputs:
        investment = investment + float(i.amount) / growth ** (i.year - model.base_year)
    return benefits, investment


def likely_params(model: Model) -> dict[str, np.ndarray]:
    params = {
        name: np.array([float(getattr(x, name)) for x in model.outcomes])
        for name in ("quantity", "value_per_unit", *PERCENT_PARAMETERS)
    }
    params["discount_rate"] = np.array(float(model.discount_rate))
    return params


@dataclass
class MonteCarlo:
    draws: int
    seed: int
    ratios: np.ndarray | None  # None when nothing was invested
    npv: np.ndarray
    chance_benefits_exceed_costs: float

    def percentile(self, q: float) -> float | None:
        return None if self.ratios is None else float(np.percentile(self.ratios, q))

    def histogram(self, bins: int = 20) -> list[tuple[float, float, int]]:
        if self.ratios is None:
            return []
        counts, edges = np.histogram(self.ratios, bins=bins)
        return [(float(edges[i]), float(edges[i + 1]), int(c)) for i, c in enumerate(counts)]


def monte_carlo(model: Model, ranges: list[Uncertain], draws: int, seed: int) -> MonteCarlo:
    """Triangular draws (low, likely, high) for every uncertain input, all draws at once."""
    rng = np.random.default_rng(seed)
    params = likely_params(model)
    keys = [x.key for x in model.outcomes]
    for u in ranges:
        low, mode, high = float(u.low), float(u.likely), float(u.high)
        sample = np.full(draws, mode) if low == high else rng.triangular(low, mode, high, draws)
        if u.outcome is None:
            params["discount_rate"] = sample
            continue
        column = keys.index(u.outcome)
        current = params[u.parameter]
        if current.ndim == 1:
            current = np.broadcast_to(current, (draws, len(keys))).copy()
            params[u.parameter] = current
        current[:, column] = sample
    benefits, investment = vector_present_values(params, model)
    benefits = np.broadcast_to(benefits, (draws,))
    investment = np.broadcast_to(investment, (draws,))
    npv = benefits - investment
    ratios = None if np.any(investment <= 0) else benefits / investment
    return MonteCarlo(draws, seed, ratios, npv, float(np.mean(npv > 0)))
