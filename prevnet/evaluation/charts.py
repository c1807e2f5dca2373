"""Bar charts drawn on the server as SVG (presentation attributes only: the CSP forbids inline
styles), used by the dashboard, the indicator pages and the reports (web and PDF alike).

Each bar is a period's value; a dark tick marks its target. The numbers are written beside the
bars, and the chart's <title> reads them out; pages also show the same figures in a table.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

LABEL_W, BAR_W, ROW_H, NUMBER_W = 110, 260, 26, 130


def _fmt(value: Decimal | None) -> str:
    if value is None:
        return "—"
    value = Decimal(value)
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.1f}"


def bars(rows: list[tuple[str, Decimal | None, Decimal | None, str]], title: str) -> str:
    """``rows`` are (label, value, target, note when there is no value)."""
    scale = max(
        [Decimal(1)] + [Decimal(v) for _l, v, t, _n in rows for v in (v, t) if v is not None]
    )
    height = ROW_H * len(rows) + 8
    width = LABEL_W + BAR_W + NUMBER_W
    spoken = "; ".join(
        f"{label}: {_fmt(value) if value is not None else note}"
        + (f" / {_('target')} {_fmt(target)}" if target is not None else "")
        for label, value, target, note in rows
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bars" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img">',
        f"<title>{escape(title)}: {escape(spoken)}</title>",
    ]
    for n, (label, value, target, note) in enumerate(rows):
        y = 4 + n * ROW_H
        out.append(f'<text x="0" y="{y + 16}" font-size="12" fill="#1a1a1a">{escape(label)}</text>')
        out.append(f'<rect x="{LABEL_W}" y="{y + 3}" width="{BAR_W}" height="16" fill="#f1f1f1"/>')
        if value is not None:
            w = int(BAR_W * Decimal(value) / scale)
            out.append(
                f'<rect x="{LABEL_W}" y="{y + 3}" width="{max(w, 1)}" height="16" fill="#2a5db0"/>'
            )
        if target is not None:
            tx = LABEL_W + int(BAR_W * Decimal(target) / scale)
            out.append(
                f'<line x1="{tx}" y1="{y}" x2="{tx}" y2="{y + 22}" stroke="#1a1a1a" '
                'stroke-width="3"/>'
            )
        text = _fmt(value) if value is not None else note
        if target is not None:
            text += f" / {_fmt(target)}"
        out.append(
            f'<text x="{LABEL_W + BAR_W + 8}" y="{y + 16}" font-size="12" '
            f'fill="#1a1a1a">{escape(text)}</text>'
        )
    out.append("</svg>")
    return mark_safe("\n".join(out))  # noqa: S308 - every text above is escaped
