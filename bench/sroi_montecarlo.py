"""Monte Carlo of an SROI model: 100,000 draws of 20 uncertain inputs (target: under 1 s).

Run: .venv/bin/python bench/sroi_montecarlo.py [draws]
Pure numpy (no database): five outcomes lasting 1 to 5 years, each with quantity, value per
unit, deadweight and drop-off uncertain (triangular low/likely/high), three years of inputs.
Prints the best of five runs.
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal as D
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prevnet.sroi.calculation import InputFigures, Model, OutcomeFigures  # noqa: E402
from prevnet.sroi.sensitivity import Uncertain, monte_carlo  # noqa: E402


def model_and_ranges() -> tuple[Model, list[Uncertain]]:
    outcomes, ranges = [], []
    for i in range(5):
        key = f"o{i}"
        o = OutcomeFigures(
            key=key, stakeholder=f"S{i % 3}", description=f"Outcome {i}",
            quantity=D(10 + 5 * i), value_per_unit=D(1000 + 250 * i), duration=i + 1,
            deadweight=D(20), attribution=D(25), displacement=D(5), drop_off=D(10),
            inflation_factor=D("1.05"),
        )  # fmt: skip
        outcomes.append(o)
        ranges += [
            Uncertain(key, "quantity", o.quantity * D("0.7"), o.quantity, o.quantity * D("1.3")),
            Uncertain(
                key,
                "value_per_unit",
                o.value_per_unit * D("0.8"),
                o.value_per_unit,
                o.value_per_unit * D("1.2"),
            ),  # fmt: skip
            Uncertain(key, "deadweight", D(10), D(20), D(40)),
            Uncertain(key, "drop_off", D(0), D(10), D(30)),
        ]
    inputs = tuple(InputFigures(2024 + y, D(75000)) for y in range(3))
    return Model(2024, D(8), inputs, tuple(outcomes)), ranges


def main() -> None:
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    model, ranges = model_and_ranges()
    assert len(ranges) == 20
    times = []
    for seed in range(5):
        start = time.perf_counter()
        mc = monte_carlo(model, ranges, draws, seed)
        times.append(time.perf_counter() - start)
    chance, median = mc.chance_benefits_exceed_costs, mc.percentile(50)
    print(
        f"{draws:,} draws, {len(ranges)} uncertain inputs: best {min(times):.3f} s, "
        f"median {sorted(times)[2]:.3f} s; P(benefits > costs) = {chance:.3f}, "
        f"median ratio {median:.2f}"
    )


if __name__ == "__main__":
    main()
