"""Charts drawn on the server as SVG (presentation attributes only: the CSP forbids style="").

Each chart has a title for screen readers and a table beside it on the page with the same
figures, so nothing is only in the picture. Labels are escaped.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
BLUE, ORANGE, GREY, INK = "#1f5f9f", "#b35900", "#6b6b6b", "#1a1a1a"


def _svg(height: int, title: str, body: list[str]) -> SafeString:
    return mark_safe(  # noqa: S308 - every label below goes through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="chart">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _text(x, y, text, anchor="start", size=12, fill=INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}" font-family="sans-serif">{escape(text)}</text>'
    )


def tornado_svg(bars: list[tuple[str, float, float]], base: float, title: str, fmt) -> SafeString:
    """bars: (label, value at low, value at high) of the result (NPV), widest first."""
    if not bars:
        return _svg(30, title, [_text(10, 20, "—")])
    left, right, row = 250, WIDTH - 20, 26
    values = [base] + [v for _label, lo, hi in bars for v in (lo, hi)]
    vmin, vmax = min(values), max(values)
    span = (vmax - vmin) or 1.0

    def x(v: float) -> float:
        return left + (v - vmin) / span * (right - left)

    body = []
    for i, (label, lo, hi) in enumerate(bars):
        y = 10 + i * row
        body.append(_text(left - 8, y + 15, label[:40], anchor="end"))
        for value, colour in ((lo, ORANGE), (hi, BLUE)):
            x0, x1 = sorted((x(base), x(value)))
            body.append(
                f'<rect x="{x0:.1f}" y="{y + 3}" width="{max(x1 - x0, 1):.1f}" height="{row - 8}" '
                f'fill="{colour}"/>'
            )
    height = 10 + len(bars) * row + 30
    body.append(
        f'<line x1="{x(base):.1f}" y1="5" x2="{x(base):.1f}" y2="{height - 25}" stroke="{INK}" '
        f'stroke-width="2"/>'
    )
    body.append(_text(x(base), height - 8, fmt(base), anchor="middle"))
    body.append(_text(left, height - 8, fmt(vmin), anchor="start", fill=GREY))
    body.append(_text(right, height - 8, fmt(vmax), anchor="end", fill=GREY))
    return _svg(height, title, body)


def histogram_svg(
    bins: list[tuple[float, float, int]], title: str, marker: float | None, fmt=str
) -> SafeString:
    """Bars of the distribution of the ratio; a line at ``marker`` (a ratio of 1)."""
    if not bins:
        return _svg(30, title, [_text(10, 20, "—")])
    left, right, top, bottom = 50, WIDTH - 20, 10, 200
    peak = max(c for _lo, _hi, c in bins) or 1
    lo_all, hi_all = bins[0][0], bins[-1][1]
    span = (hi_all - lo_all) or 1.0

    def x(v: float) -> float:
        return left + (v - lo_all) / span * (right - left)

    body = []
    for lo, hi, count in bins:
        h = (bottom - top) * count / peak
        fill = BLUE if lo >= 1 else ORANGE
        body.append(
            f'<rect x="{x(lo):.1f}" y="{bottom - h:.1f}" width="{max(x(hi) - x(lo) - 1, 1):.1f}" '
            f'height="{h:.1f}" fill="{fill}"/>'
        )
    if marker is not None and lo_all <= marker <= hi_all:
        body.append(
            f'<line x1="{x(marker):.1f}" y1="{top}" x2="{x(marker):.1f}" y2="{bottom}" '
            f'stroke="{INK}" stroke-width="2" stroke-dasharray="4 3"/>'
        )
    body.append(_text(left, bottom + 18, fmt(lo_all), fill=GREY))
    body.append(_text(right, bottom + 18, fmt(hi_all), anchor="end", fill=GREY))
    return _svg(bottom + 30, title, body)
