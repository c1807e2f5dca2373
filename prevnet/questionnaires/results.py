"""What the answers say: response rates, per-question summaries, comparisons, charts, exports.

Public for other capabilities: ``response_rate(campaign)``, ``summarize(campaign, ...)`` and
``compare(campaign_a, campaign_b)``; each reads submitted answers only.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import mark_safe

from prevnet.questionnaires import schema
from prevnet.questionnaires.models import (
    Campaign,
    Invitation,
    QuestionnaireVersion,
    Submission,
    SubmissionStatus,
)
from prevnet.questionnaires.services import form_of

CHOICE_TYPES = ("select_one", "select_multiple", "rating")
NUMBER_TYPES = ("integer", "decimal")


def submitted(campaign: Campaign, region=None, province=None) -> QuerySet[Submission]:
    qs = Submission.objects.filter(campaign=campaign, status=SubmissionStatus.SUBMITTED)
    if region:
        qs = qs.filter(municipality__province__region=region)
    if province:
        qs = qs.filter(municipality__province=province)
    return qs


def _invitations(campaign: Campaign, region=None, province=None) -> QuerySet[Invitation]:
    qs = campaign.invitations.all()
    if region:
        qs = qs.filter(
            Q(municipality__province__region=region)
            | Q(municipality__isnull=True, person__municipality__province__region=region)
        )
    if province:
        qs = qs.filter(
            Q(municipality__province=province)
            | Q(municipality__isnull=True, person__municipality__province=province)
        )
    return qs


@dataclass
class ResponseRate:
    invited: int
    answered: int
    drafts: int
    non_respondents: list

    @property
    def percent(self) -> float:
        return round(100 * self.answered / self.invited, 1) if self.invited else 0.0


def response_rate(campaign: Campaign, region=None, province=None) -> ResponseRate:
    """Invited, answered, started, and who has not answered (personal data: staff only)."""
    # The submission's status only: loading every answer here would cost more than the page.
    invitations = list(
        _invitations(campaign, region, province)
        .select_related("person", "municipality__province")
        .annotate(answer_status=F("submission__status"))
    )
    answered = drafts = 0
    missing = []
    for inv in invitations:
        if inv.answer_status == SubmissionStatus.SUBMITTED:
            answered += 1
            continue
        drafts += inv.answer_status == SubmissionStatus.DRAFT
        missing.append(inv)
    return ResponseRate(len(invitations), answered, drafts, missing)


@dataclass
class Summary:
    node: schema.Node
    kind: str  # "choices", "numbers", "texts"
    answered: int = 0
    rows: list = field(default_factory=list)  # (code, label, count, percent) for choices
    numbers: dict = field(default_factory=dict)
    texts: list = field(default_factory=list)

    def as_dict(self) -> dict:
        """Plain data, for other capabilities and JSON."""
        return {
            "name": self.node.name,
            "type": self.node.type,
            "label": self.node.label,
            "answered": self.answered,
            "choices": [
                {"code": code, "label": label, "count": count, "percent": pct}
                for code, label, count, pct in self.rows
            ],
            "numbers": self.numbers,
            "texts": self.texts,
        }

    @property
    def chart(self) -> str:
        return bar_chart(self) if self.kind == "choices" and self.answered else ""


def _values(answers: list[dict], node: schema.Node, inside_repeat: str | None):
    for a in answers:
        if inside_repeat:
            for entry in a.get(inside_repeat) or []:
                value = entry.get(node.name)
                if value not in (None, "", []):
                    yield value
        else:
            value = a.get(node.name)
            if value not in (None, "", []):
                yield value


def summarize_answers(form: schema.Form, answers: list[dict]) -> list[Summary]:
    summaries = []
    for node, parent in form.walk():
        if not node.is_answered:
            continue
        repeat = parent.name if parent is not None and parent.type == "repeat" else None
        values = list(_values(answers, node, repeat))
        if node.type in CHOICE_TYPES:
            summary = Summary(node, "choices", len(values))
            counts: Counter = Counter()
            for value in values:
                counts.update(value if isinstance(value, list) else [value])
            if node.type == "rating":
                low, high = node.rating_range()
                options = [(v, str(v)) for v in range(low, high + 1)]
            else:
                options = [(c.name, c.text) for c in form.choices.get(node.list_name, [])]
            for code, label in options:
                n = counts.get(code, 0)
                pct = round(100 * n / len(values), 1) if values else 0.0
                summary.rows.append((code, label, n, pct))
        elif node.type in NUMBER_TYPES:
            summary = Summary(node, "numbers", len(values))
            if values:
                summary.numbers = {
                    "mean": round(statistics.fmean(values), 2),
                    "median": statistics.median(values),
                    "min": min(values),
                    "max": max(values),
                }
        else:
            summary = Summary(node, "texts", len(values), texts=[str(v) for v in values])
        summaries.append(summary)
    return summaries


def summarize(campaign: Campaign, region=None, province=None) -> list[Summary]:
    """Per question: counts and percentages, mean and median, or the texts given."""
    answers = list(submitted(campaign, region, province).values_list("answers", flat=True))
    return summarize_answers(form_of(campaign.version), answers)


def summary_of(campaign: Campaign, name: str, region=None, province=None) -> Summary | None:
    """The summary of one question by its stable name, or None if the version lacks it."""
    return next((s for s in summarize(campaign, region, province) if s.node.name == name), None)


def compare(a: Campaign, b: Campaign, region=None, province=None) -> list[tuple]:
    """(summary in a, summary in b or None) for each question of a, matched by name."""
    in_b = {s.node.name: s for s in summarize(b, region, province)}
    return [(s, in_b.get(s.node.name)) for s in summarize(a, region, province)]


def bar_chart(summary: Summary) -> str:
    """A horizontal bar chart in SVG with presentation attributes (the CSP allows them)."""
    row_h, label_w, bar_w = 26, 220, 300
    height = row_h * len(summary.rows) + 10
    title = escape(summary.node.text)
    parts = [
        f'<svg class="chart" viewBox="0 0 {label_w + bar_w + 90} {height}" role="img" '
        f'aria-label="{title}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (_code, label, count, pct) in enumerate(summary.rows):
        y = 5 + i * row_h
        width = round(bar_w * pct / 100, 1)
        short = label if len(label) <= 32 else label[:31] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end" font-size="13" '
            f'fill="#1a1a1a">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row_h - 8}" '
            f'fill="#1f5f8b"></rect>'
            f'<text x="{label_w + width + 6}" y="{y + 16}" font-size="13" '
            f'fill="#1a1a1a">{count} ({pct:g} %)</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


# --- export ------------------------------------------------------------------------------------


def _columns(forms: list[schema.Form], labels: bool) -> list[tuple]:
    """(key, header, node, choice code or None) for every question of every version."""
    columns, seen = [], set()
    for form in forms:
        for node, parent in form.walk():
            in_repeat = parent is not None and parent.type == "repeat"
            if node.type != "repeat" and (not node.is_answered or in_repeat):
                continue
            if node.type == "select_multiple":
                for choice in form.choices.get(node.list_name, []):
                    key = f"{node.name}/{choice.name}"
                    if key not in seen:
                        seen.add(key)
                        header = f"{node.text}: {choice.text}" if labels else key
                        columns.append((key, header, node, choice.name))
            elif node.name not in seen:
                seen.add(node.name)
                columns.append((node.name, node.text if labels else node.name, node, None))
    return columns


def export_table(submissions: QuerySet[Submission], labels: bool = False):
    """(headers, rows) with one column per question, select-multiple split by choice.

    Columns come from every version the submissions were answered with, so answers given to
    an earlier version line up with later ones; ``__version__`` says which version each row
    answered. A repeated section is one column holding its entries as JSON.
    """
    submissions = submissions.select_related("version", "municipality").order_by("pk")
    version_ids = sorted(set(submissions.values_list("version_id", flat=True)))
    versions = QuestionnaireVersion.objects.filter(pk__in=version_ids).select_related(
        "questionnaire"
    )
    forms = {v.pk: form_of(v) for v in versions}
    columns = _columns([forms[pk] for pk in version_ids], labels)
    meta = ["__version__", "__campaign__", "__submitted_at__", "__municipality__", "__status__"]
    headers = meta + [header for _key, header, _node, _code in columns]
    choice_text = {}
    for form in forms.values():
        for list_name in form.choices:
            for c in form.choices[list_name]:
                choice_text[(list_name, c.name)] = c.text

    def cell(answers, node, code):
        value = answers.get(node.name)
        if code is not None:
            return "" if value is None else int(code in value)
        if node.type == "repeat":
            return json.dumps(value, ensure_ascii=False) if value else ""
        if labels and node.type == "select_one" and value is not None:
            return choice_text.get((node.list_name, value), value)
        return value

    def rows():
        for sub in submissions.iterator(chunk_size=500):
            yield [
                sub.version.version,
                sub.campaign_id,
                sub.submitted_at.isoformat() if sub.submitted_at else "",
                sub.municipality.name if sub.municipality_id else "",
                sub.status,
                *(cell(sub.answers, node, code) for _k, _h, node, code in columns),
            ]

    return headers, rows()
