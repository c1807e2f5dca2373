"""A line chart drawn on the server as SVG geometry (the CSP forbids inline styles and scripts).

The template draws what ``line_chart`` computes: axes, ticks, one polyline per line with its
own colour and dash pattern (told apart without colour too), and a marker on each point that
carries a quality symbol. The table beside it is the accessible alternative.
"""

from __future__ import annotations

import math

from prevnet.communitydata.services import Line

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
# Colour-blind-safe palette (Okabe-Ito); dashes differ too.
STYLES = [
    ("#0072B2", ""),
    ("#D55E00", "8 4"),
    ("#000000", "2 3"),
    ("#009E73", "12 4 2 4"),
    ("#CC79A7", "4 4"),
    ("#E69F00", "10 2"),
    ("#56B4E9", "2 6"),
    ("#8C564B", "6 2 2 2"),
]


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def line_chart(lines: list[Line], years: list[str]) -> dict | None:
    values = [p.value for line in lines for p in line.points if p.value is not None]
    if not years or not values:
        return None
    low = min(0.0, min(values))
    high = _nice_max(max(values))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(years) - 1)
    x_of = {year: LEFT + i * step for i, year in enumerate(years)}

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / (high - low or 1))

    drawn = []
    for index, line in enumerate(lines):
        colour, dash = STYLES[index % len(STYLES)]
        segments, current, marks = [], [], []
        for p in line.points:
            if p.value is None:  # a gap, not a zero: missing values break the line
                if current:
                    segments.append(" ".join(current))
                current = []
                continue
            px, py = round(x_of[p.year], 1), round(y(p.value), 1)
            current.append(f"{px},{py}")
            if p.flags:
                marks.append({"x": px, "y": py, "flags": p.flags})
        if current:
            segments.append(" ".join(current))
        drawn.append(
            {
                "label": line.label,
                "colour": colour,
                "dash": dash,
                "segments": segments,
                "marks": marks,
                "width": 3 if line.kind == "municipality" else 2,
            }
        )
    ticks = [
        {"y": round(y(low + (high - low) * i / 4), 1), "label": _fmt(low + (high - low) * i / 4)}
        for i in range(5)
    ]
    every = max(1, math.ceil(len(years) / 10))
    x_ticks = [{"x": round(x_of[yr], 1), "label": yr[:7]} for yr in years[::every]]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "lines": drawn,
        "y_ticks": ticks,
        "x_ticks": x_ticks,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "label_y": HEIGHT - BOTTOM + 24,
    }


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}"
