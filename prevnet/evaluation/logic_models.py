"""Logic models: starting one (blank or from a knowledge-base program), and exporting it as an
SVG diagram (boxes by level, arrows to what each item contributes to), XLSX and PDF."""

from __future__ import annotations

import textwrap
from io import BytesIO

from django.db import transaction
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook

from prevnet.core.exports import safe_cell
from prevnet.evaluation.models import ALL_LEVELS, Level, LogicItem, LogicModel

DEFAULT_LEVELS = ["activities", "outputs", "short_term", "intermediate", "long_term"]


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


def _bilingual(obj, field: str) -> tuple[str, str]:
    # The knowledge base may add goals_en/fr and components_en/fr; read them when present.
    return getattr(obj, f"{field}_en", "") or "", getattr(obj, f"{field}_fr", "") or ""


@transaction.atomic
def start_logic_model(*, name, municipality, levels, program=None, knowledge_program=None):
    """A new municipal logic model; from a knowledge-base program, its components become
    activities and its goals long-term results (one item a line)."""
    model = LogicModel(
        name=name,
        municipality=municipality,
        program=program,
        knowledge_program=knowledge_program,
        levels=[code for code in ALL_LEVELS if code in levels],
    )
    if knowledge_program is not None:
        model.goal = knowledge_program.summary_en or ""
    model.full_clean()
    model.save()
    if knowledge_program is None:
        return model
    components_en, components_fr = (_lines(t) for t in _bilingual(knowledge_program, "components"))
    goals_en, goals_fr = (_lines(t) for t in _bilingual(knowledge_program, "goals"))
    if not goals_en:  # before the knowledge base has goals: its summary is the aim
        goals_en = [knowledge_program.summary_en or knowledge_program.name_en]
        goals_fr = [knowledge_program.summary_fr or knowledge_program.name_fr]
    activity_level = "activities" if "activities" in model.levels else model.levels[0]
    goal_level = "long_term" if "long_term" in model.levels else model.levels[-1]
    goals = [
        LogicItem.objects.create(
            logic_model=model,
            level=goal_level,
            text_en=en,
            text_fr=goals_fr[i] if i < len(goals_fr) else "",
            order=i,
        )
        for i, en in enumerate(goals_en)
    ]
    for i, en in enumerate(components_en):
        LogicItem.objects.create(
            logic_model=model,
            level=activity_level,
            component=en[:200],
            text_en=en,
            text_fr=components_fr[i] if i < len(components_fr) else "",
            contributes_to=goals[0] if goals else None,
            order=100 + i,
        )
    return model


def columns(model: LogicModel, items=None) -> list[tuple[str, str, list[LogicItem]]]:
    """(level code, label, items) in the model's order of levels."""
    items = list(items if items is not None else model.items.all())
    labels = dict(Level.choices)
    return [
        (code, labels[code], [i for i in items if i.level == code])
        for code in ALL_LEVELS
        if code in model.levels
    ]


# --- SVG -------------------------------------------------------------------------------------

BOX_W, BOX_H, GAP_X, GAP_Y, TOP, WRAP = 200, 96, 60, 16, 40, 30


def _arrow(source: tuple[int, int], target: tuple[int, int]) -> str:
    """An arrow from a box to the box it contributes to. Across several columns it runs in the
    gaps (beside the columns, then in the lane above the target's row) so it crosses no box."""
    (x1, y1), (x2, y2) = source, target
    sy, ty = y1 + BOX_H // 2, y2 + BOX_H // 2
    attrs = 'fill="none" stroke="#444" stroke-width="1.2" marker-end="url(#arrow)"'
    if x2 <= x1 + BOX_W + GAP_X:  # the next column (or backwards): a straight line
        sx, ex = (x1 + BOX_W, x2) if x2 > x1 else (x1, x2 + BOX_W)
        return f'<path d="M{sx},{sy} L{ex},{ty}" {attrs}/>'
    gap_after, gap_before, lane = x1 + BOX_W + GAP_X // 2, x2 - GAP_X // 2, y2 - GAP_Y // 2
    return f'<path d="M{x1 + BOX_W},{sy} H{gap_after} V{lane} H{gap_before} V{ty} H{x2}" {attrs}/>'


def diagram_svg(model: LogicModel, items=None) -> str:
    """Columns of boxes, one per level, left to right, with arrows from each item to the item it
    contributes to. Plain SVG with presentation attributes (no style), for the page and the PDF."""
    cols = columns(model, items)
    place: dict[int, tuple[int, int]] = {}
    height = TOP
    for c, (_code, _label, col_items) in enumerate(cols):
        for r, item in enumerate(col_items):
            place[item.pk] = (20 + c * (BOX_W + GAP_X), TOP + r * (BOX_H + GAP_Y))
        height = max(height, TOP + len(col_items) * (BOX_H + GAP_Y))
    width = 40 + len(cols) * (BOX_W + GAP_X) - GAP_X
    title = escape(model.name)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 20}" '
        f'width="{width}" height="{height + 20}" role="img" aria-labelledby="lm-title">',
        f'<title id="lm-title">{escape(_("Logic model"))}: {title}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>',
    ]
    for c, (_code, label, _items) in enumerate(cols):
        x = 20 + c * (BOX_W + GAP_X)
        out.append(
            f'<text x="{x + BOX_W // 2}" y="24" text-anchor="middle" font-weight="bold" '
            f'font-size="14" fill="#1a1a1a">{escape(label)}</text>'
        )
    for _code, _label, col_items in cols:
        for item in col_items:
            target = place.get(item.contributes_to_id)
            if target is None:
                continue
            out.append(_arrow(place[item.pk], target))
    for _code, _label, col_items in cols:
        for item in col_items:
            x, y = place[item.pk]
            out.append(
                f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#eef3fb" '
                'stroke="#2a5db0"/>'
            )
            lines = textwrap.wrap(item.text, WRAP)[:6]
            if len(textwrap.wrap(item.text, WRAP)) > 6:
                lines[-1] = lines[-1][: WRAP - 1] + "…"
            for n, line in enumerate(lines):
                out.append(
                    f'<text x="{x + 8}" y="{y + 18 + n * 14}" font-size="11" '
                    f'fill="#1a1a1a">{escape(line)}</text>'
                )
    out.append("</svg>")
    return "\n".join(out)


# --- XLSX and PDF ----------------------------------------------------------------------------


def xlsx_bytes(model: LogicModel) -> bytes:
    items = list(model.items.select_related("contributes_to").prefetch_related("indicators"))
    book = Workbook()
    sheet = book.active
    sheet.title = _("Logic model")[:31]
    sheet.append([safe_cell(model.name)])
    sheet.append(
        [_("Level"), _("Component"), _("Item"), _("Contributes to"), _("Indicators"), _("Target")]
    )
    labels = dict(Level.choices)
    for code, _label, col_items in columns(model, items):
        for item in col_items:
            indicators = list(item.indicators.all())
            sheet.append(
                [
                    str(labels[code]),
                    safe_cell(item.component),
                    safe_cell(item.text),
                    safe_cell(item.contributes_to.text if item.contributes_to else ""),
                    safe_cell("; ".join(i.name for i in indicators)),
                    safe_cell(
                        "; ".join(
                            f"{i.programme_target.normalize():f}"
                            for i in indicators
                            if i.programme_target is not None
                        )
                    ),
                ]
            )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf_bytes(model: LogicModel) -> bytes:
    from weasyprint import HTML

    items = list(model.items.select_related("contributes_to").prefetch_related("indicators"))
    html = render_to_string(
        "evaluation/logic_model_pdf.html",
        {
            "model": model,
            "columns": columns(model, items),
            "svg": diagram_svg(model, items),
            "LANGUAGE_CODE": get_language(),
        },
    )
    return HTML(string=html).write_pdf()
