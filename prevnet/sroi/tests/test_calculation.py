"""The arithmetic, against a worked example computed by hand, and its edge cases."""

from __future__ import annotations

from decimal import Decimal as D

from prevnet.sroi.calculation import InputFigures, Model, OutcomeFigures, calculate, money, ratio


def outcome(key="a", **kw) -> OutcomeFigures:
    figures = {
        "stakeholder": "Students",
        "description": "Stays in school",
        "quantity": D(10),
        "value_per_unit": D(1000),
        "duration": 3,
        "deadweight": D(20),
        "attribution": D(25),
        "displacement": D(0),
        "drop_off": D(10),
    }
    return OutcomeFigures(key=key, **{**figures, **kw})


INPUTS = (InputFigures(2024, D(10000), "City"), InputFigures(2025, D(5250), "Province"))
HARM = outcome(
    "harm",
    stakeholder="Neighbours",
    description="Noise",
    quantity=D(1),
    value_per_unit=D(-600),
    duration=1,
    deadweight=D(0),
    attribution=D(0),
    drop_off=D(0),
)


def worked_example() -> Model:
    return Model(2024, D(5), INPUTS, (outcome(), HARM))


def test_worked_example_to_the_cent():
    # By hand. Impact = 10 × $1,000 × (1 − 20%) × (1 − 0%) × (1 − 25%) = $6,000.
    # Drop-off 10% a year: $6,000, $5,400, $4,860. Discounted at 5%:
    #   6,000 / 1.05 = 5,714.2857…; 5,400 / 1.05² = 5,400 / 1.1025 = 4,897.9592…;
    #   4,860 / 1.05³ = 4,860 / 1.157625 = 4,198.2466…  → PV $14,810.4956… → $14,810.50.
    # The harm: 1 × −$600 for one year / 1.05 = −$571.4286… → −$571.43.
    # PV of benefits = 14,810.4956 − 571.4286 = $14,239.0670… → $14,239.07.
    # Investment: $10,000 in the base year + $5,250 a year later / 1.05 = $5,000 → $15,000.
    # NPV = 14,239.07 − 15,000 = −$760.93; ratio 14,239.067 / 15,000 = 0.9493 → 0.95.
    # Payback: 15,000 / ((6,000 − 600) / 12) = 15,000 / 450 = 33.33 months.
    r = calculate(worked_example())
    first, harm = r.outcomes
    assert first.impact == D(6000)
    assert first.yearly == [D(6000), D(5400), D(4860)]
    assert [money(v) for v in first.discounted] == [D("5714.29"), D("4897.96"), D("4198.25")]
    assert money(first.present_value) == D("14810.50")
    assert money(harm.present_value) == D("-571.43")
    assert money(r.pv_benefits) == D("14239.07")
    assert money(r.pv_investment) == D("15000.00")
    assert money(r.npv) == D("-760.93")
    assert ratio(r.sroi_ratio) == D("0.95")
    assert money(r.payback_months) == D("33.33")
    assert {k: money(v) for k, v in r.by_stakeholder.items()} == {
        "Students": D("14810.50"),
        "Neighbours": D("-571.43"),
    }
    assert [money(v) for v in r.by_year] == [D("5142.86"), D("4897.96"), D("4198.25")]


def test_displacement_and_inflation_multiply_the_impact():
    # 4 × $250 × CPI ratio 1.1 × (1 − 50% displacement) = $550, one year at 0%.
    o = outcome(
        quantity=D(4),
        value_per_unit=D(250),
        duration=1,
        deadweight=D(0),
        attribution=D(0),
        displacement=D(50),
        inflation_factor=D("1.1"),
    )
    r = calculate(Model(2024, D(0), (InputFigures(2024, D(1100)),), (o,)))
    assert r.outcomes[0].value_per_unit_base == D("275.0")
    assert money(r.pv_benefits) == D("550.00")
    assert ratio(r.sroi_ratio) == D("0.50")


def test_an_input_before_the_base_year_is_compounded_forward():
    r = calculate(Model(2024, D(10), (InputFigures(2023, D(1000)),), (outcome(),)))
    assert money(r.pv_investment) == D("1100.00")


def test_no_investment_gives_a_clear_problem_not_a_division_by_zero():
    r = calculate(Model(2024, D(5), (), (outcome(),)))
    assert r.sroi_ratio is None
    assert r.payback_months is None
    assert r.problems == ["no_investment"]
    assert money(r.npv) == money(r.pv_benefits)


def test_zero_amount_inputs_count_as_no_investment():
    r = calculate(Model(2024, D(5), (InputFigures(2024, D(0)),), (outcome(),)))
    assert r.sroi_ratio is None and "no_investment" in r.problems


def test_full_deadweight_leaves_no_impact():
    r = calculate(Model(2024, D(5), INPUTS, (outcome(deadweight=D(100)),)))
    assert r.outcomes[0].impact == 0
    assert r.pv_benefits == 0
    assert ratio(r.sroi_ratio) == D("0.00")
    assert r.payback_months is None and r.problems == ["no_payback"]


def test_only_harm_gives_a_negative_ratio():
    r = calculate(Model(2024, D(5), INPUTS, (HARM,)))
    assert r.sroi_ratio < 0
    assert money(r.npv) == D("-15571.43")


def test_no_outcomes():
    r = calculate(Model(2024, D(5), INPUTS, ()))
    assert r.pv_benefits == 0 and r.by_year == [] and ratio(r.sroi_ratio) == D("0.00")


def test_full_drop_off_keeps_only_the_first_year():
    r = calculate(Model(2024, D(0), INPUTS, (outcome(drop_off=D(100)),)))
    assert r.outcomes[0].yearly == [D(6000), D(0), D(0)]
