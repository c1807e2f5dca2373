"""The SROI arithmetic: pure functions on plain figures, Decimal throughout, rounded at the end.

The method (Social Value International, "A Guide to Social Return on Investment", 2012):

1. Impact of an outcome in its first year = quantity × value per unit (in base-year dollars)
   × (1 − deadweight) × (1 − displacement) × (1 − attribution).
2. Value in year t (t = 1 … duration) = impact × (1 − drop-off)^(t − 1).
3. Present value: year t is discounted by (1 + r)^t (the first year of outcomes ends one year
   after the base year); an input of year y by (1 + r)^(y − base year), so an input of the
   base year counts at face value.
4. Net present value = PV of benefits − PV of investment; SROI ratio = PV benefits ÷ PV
   investment; payback period (months) = PV investment ÷ (first-year impact ÷ 12), the
   guide's formula.

Nothing is rounded until ``money()`` and ``ratio()`` are applied for display, so that an
evaluator adding up the rounded figures of the impact map may differ by a cent, never more per
line. The same model runs vectorised on floats in ``sensitivity.py`` (for Monte Carlo).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def ratio(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class OutcomeFigures:
    """One line of the impact map, as entered (percentages 0-100, proxy in its own year)."""

    key: str
    stakeholder: str
    description: str
    quantity: Decimal
    value_per_unit: Decimal
    duration: int
    deadweight: Decimal = ZERO
    attribution: Decimal = ZERO
    displacement: Decimal = ZERO
    drop_off: Decimal = ZERO
    # CPI of the base year ÷ CPI of the proxy's year (1 when the proxy is of the base year).
    inflation_factor: Decimal = ONE


@dataclass(frozen=True)
class InputFigures:
    year: int
    amount: Decimal
    funder: str = ""
    in_kind: bool = False


@dataclass(frozen=True)
class Model:
    base_year: int
    discount_rate: Decimal  # percent
    inputs: tuple[InputFigures, ...] = ()
    outcomes: tuple[OutcomeFigures, ...] = ()

    def with_outcome(self, key: str, **changes) -> Model:
        outcomes = tuple(replace(o, **changes) if o.key == key else o for o in self.outcomes)
        return replace(self, outcomes=outcomes)


@dataclass
class OutcomeResult:
    figures: OutcomeFigures
    value_per_unit_base: Decimal  # in base-year dollars
    gross: Decimal  # quantity × value
    impact: Decimal  # after deadweight, displacement and attribution
    yearly: list[Decimal]  # value in years 1..duration, after drop-off
    discounted: list[Decimal]  # the same, discounted to the base year
    present_value: Decimal


@dataclass
class InputResult:
    figures: InputFigures
    discount_factor: Decimal
    present_value: Decimal


@dataclass
class Results:
    model: Model
    outcomes: list[OutcomeResult]
    inputs: list[InputResult]
    pv_benefits: Decimal
    pv_investment: Decimal
    npv: Decimal
    sroi_ratio: Decimal | None  # None when nothing was invested
    payback_months: Decimal | None  # None when nothing invested or no positive first-year impact
    by_stakeholder: dict[str, Decimal] = field(default_factory=dict)
    by_year: list[Decimal] = field(default_factory=list)  # discounted benefits, years 1..n
    problems: list[str] = field(default_factory=list)

    @property
    def total_investment(self) -> Decimal:
        return sum((i.figures.amount for i in self.inputs), ZERO)


def share_kept(percent: Decimal) -> Decimal:
    return ONE - percent / HUNDRED


def impact_of(o: OutcomeFigures) -> tuple[Decimal, Decimal, Decimal]:
    """(value per unit in base-year dollars, gross value, impact) of an outcome's first year."""
    value = o.value_per_unit * o.inflation_factor
    gross = o.quantity * value
    impact = gross * share_kept(o.deadweight) * share_kept(o.displacement)
    return value, gross, impact * share_kept(o.attribution)


def outcome_result(o: OutcomeFigures, rate: Decimal) -> OutcomeResult:
    value, gross, impact = impact_of(o)
    growth = ONE + rate / HUNDRED
    kept = share_kept(o.drop_off)
    yearly, current = [], impact
    for _ in range(o.duration):  # iterated, since Decimal refuses 0 ** 0 (100% drop-off)
        yearly.append(current)
        current *= kept
    discounted = [v / growth**t for t, v in enumerate(yearly, start=1)]
    return OutcomeResult(o, value, gross, impact, yearly, discounted, sum(discounted, ZERO))


def input_result(i: InputFigures, base_year: int, rate: Decimal) -> InputResult:
    # An input before the base year is compounded forward (factor > 1), after it discounted.
    factor = ONE / (ONE + rate / HUNDRED) ** (i.year - base_year)
    return InputResult(i, factor, i.amount * factor)


def calculate(model: Model) -> Results:
    rate = model.discount_rate
    outcomes = [outcome_result(o, rate) for o in model.outcomes]
    inputs = [input_result(i, model.base_year, rate) for i in model.inputs]
    pv_benefits = sum((o.present_value for o in outcomes), ZERO)
    pv_investment = sum((i.present_value for i in inputs), ZERO)
    by_stakeholder: dict[str, Decimal] = defaultdict(lambda: ZERO)
    years = max((o.figures.duration for o in outcomes), default=0)
    by_year = [ZERO] * years
    for o in outcomes:
        by_stakeholder[o.figures.stakeholder] += o.present_value
        for t, v in enumerate(o.discounted):
            by_year[t] += v
    problems = []
    sroi, payback = None, None
    if pv_investment <= 0:
        problems.append("no_investment")
    else:
        sroi = pv_benefits / pv_investment
        first_year = sum((o.impact for o in outcomes), ZERO)
        if first_year > 0:
            payback = pv_investment / (first_year / 12)
        else:
            problems.append("no_payback")
    return Results(
        model=model,
        outcomes=outcomes,
        inputs=inputs,
        pv_benefits=pv_benefits,
        pv_investment=pv_investment,
        npv=pv_benefits - pv_investment,
        sroi_ratio=sroi,
        payback_months=payback,
        by_stakeholder=dict(by_stakeholder),
        by_year=by_year,
        problems=problems,
    )
