"""Tornado, break-even values and Monte Carlo."""

from __future__ import annotations

from decimal import Decimal as D

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prevnet.sroi.calculation import InputFigures, Model, OutcomeFigures, calculate, money
from prevnet.sroi.sensitivity import (
    Uncertain,
    break_even,
    default_ranges,
    likely_params,
    monte_carlo,
    tornado,
    vector_present_values,
    with_value,
)
from prevnet.sroi.tests.test_calculation import INPUTS, outcome, worked_example


def test_vectorised_model_equals_the_decimal_one_at_likely_values():
    model = worked_example()
    benefits, investment = vector_present_values(likely_params(model), model)
    exact = calculate(model)
    assert float(benefits) == pytest.approx(float(exact.pv_benefits), abs=1e-6)
    assert float(investment) == pytest.approx(float(exact.pv_investment), abs=1e-6)


@pytest.mark.parametrize(
    "u",
    [
        Uncertain("a", "quantity", D(5), D(10), D(15)),
        Uncertain("a", "value_per_unit", D(500), D(1000), D(1500)),
        Uncertain("a", "deadweight", D(0), D(20), D(60)),
        Uncertain("a", "attribution", D(0), D(25), D(60)),
        Uncertain(None, "discount_rate", D(0), D(5), D(20)),
    ],
    ids=lambda u: u.parameter,
)
def test_break_even_value_brings_npv_to_zero(u):
    model = worked_example()
    found = break_even(model, u)
    assert found.value is not None
    assert abs(calculate(with_value(model, u, found.value)).npv) < D("0.01")


def test_break_even_outside_bounds_is_flagged():
    # A harm only: no deadweight between 0 and 100% can bring the NPV to zero.
    model = Model(2024, D(5), INPUTS, (outcome(quantity=D(100), value_per_unit=D(-10)),))
    found = break_even(model, Uncertain("a", "deadweight", D(0), D(20), D(40)))
    assert not found.within_bounds


def test_tornado_puts_the_widest_swing_first_and_moves_one_thing_at_a_time():
    model = worked_example()
    bars = tornado(model, default_ranges(model))
    swings = [b.swing for b in bars]
    assert swings == sorted(swings, reverse=True)
    quantity = next(
        b for b in bars if b.assumption.outcome == "a" and b.assumption.parameter == "quantity"
    )
    base = calculate(model)
    # Quantity ±20% changes the outcome's PV by ±20% and nothing else.
    assert money(quantity.npv_high - base.npv) == money(base.outcomes[0].present_value * D("0.2"))


RANGES = [
    Uncertain("a", "quantity", D(5), D(10), D(20)),
    Uncertain("a", "deadweight", D(0), D(20), D(50)),
    Uncertain(None, "discount_rate", D(3), D(5), D(8)),
]


def test_monte_carlo_is_reproducible_with_a_seed():
    model = worked_example()
    one = monte_carlo(model, RANGES, 5000, seed=42)
    two = monte_carlo(model, RANGES, 5000, seed=42)
    other = monte_carlo(model, RANGES, 5000, seed=43)
    assert np.array_equal(one.ratios, two.ratios)
    assert one.chance_benefits_exceed_costs == two.chance_benefits_exceed_costs
    assert not np.array_equal(one.ratios, other.ratios)
    assert 0 < one.chance_benefits_exceed_costs < 1
    assert sum(c for _lo, _hi, c in one.histogram()) == 5000


def test_monte_carlo_draws_stay_within_the_ranges():
    model = worked_example()
    low = calculate(
        with_value(
            with_value(with_value(model, RANGES[0], D(5)), RANGES[1], D(50)), RANGES[2], D(8)
        )
    )
    high = calculate(
        with_value(
            with_value(with_value(model, RANGES[0], D(20)), RANGES[1], D(0)), RANGES[2], D(3)
        )
    )
    mc = monte_carlo(model, RANGES, 2000, seed=1)
    assert mc.ratios.min() >= float(low.sroi_ratio) - 1e-9
    assert mc.ratios.max() <= float(high.sroi_ratio) + 1e-9


def test_monte_carlo_without_investment_has_no_ratio():
    model = Model(2024, D(5), (), (outcome(),))
    mc = monte_carlo(model, RANGES[:1], 100, seed=1)
    assert mc.ratios is None and mc.histogram() == [] and mc.chance_benefits_exceed_costs == 1.0


percent = st.decimals(min_value=0, max_value=100, places=2)
outcomes = st.builds(
    OutcomeFigures,
    key=st.uuids().map(str),
    stakeholder=st.sampled_from(["A", "B"]),
    description=st.just("o"),
    quantity=st.decimals(min_value=0, max_value=10_000, places=2),
    value_per_unit=st.decimals(min_value=-5_000, max_value=50_000, places=2),
    duration=st.integers(min_value=1, max_value=10),
    deadweight=percent,
    attribution=percent,
    displacement=percent,
    drop_off=percent,
    inflation_factor=st.decimals(min_value="0.5", max_value="2", places=4),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(outcomes, min_size=1, max_size=6),
    st.decimals(min_value=0, max_value=20, places=2),
    st.lists(st.tuples(st.integers(2020, 2030), st.decimals(1, 10**6, places=2)), max_size=4),
)
def test_vectorised_and_decimal_models_agree(outs, rate, inputs):
    model = Model(2024, rate, tuple(InputFigures(y, a) for y, a in inputs), tuple(outs))
    exact = calculate(model)
    benefits, investment = vector_present_values(likely_params(model), model)
    assert float(benefits) == pytest.approx(float(exact.pv_benefits), rel=1e-9, abs=1e-6)
    assert float(investment) == pytest.approx(float(exact.pv_investment), rel=1e-9, abs=1e-6)


@settings(max_examples=40, deadline=None)
@given(outcomes, percent)
def test_more_deadweight_never_adds_value(o, more):
    model = Model(2024, D(5), INPUTS, (o,))
    higher = with_value(model, Uncertain(o.key, "deadweight", D(0), o.deadweight, D(100)),
                        max(o.deadweight, more))  # fmt: skip
    before, after = calculate(model).pv_benefits, calculate(higher).pv_benefits
    assert abs(after) <= abs(before)
