"""Export and import the whole knowledge base: JSON, XLSX (one sheet per table) or a ZIP of CSVs.

The same tables in every format, so the network can review the base in a spreadsheet and load
it back. Import checks everything first and saves nothing if any cell is wrong; each problem
names its sheet, row and column. Programs and practices are matched by code (slug); for each
program in the file its ratings, studies, economic figures and Canadian examples are replaced
by the file's. Records absent from the file are left alone.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook

from prevnet.core.exports import safe_cell
from prevnet.knowledge.models import (
    CanadianExample,
    EconomicFigure,
    EvidenceRating,
    Practice,
    Program,
    RiskFactor,
    Study,
    Topic,
)
from prevnet.knowledge.vocabulary import MultiChoiceField
from prevnet.network.models import Municipality

_PROGRAM_FIELDS = [
    f.name
    for f in Program._meta.get_fields()
    if isinstance(f, models.Field) and f.editable and not f.auto_created and not f.many_to_many
]
# sheet -> (model, columns, parent column); columns are model fields unless handled below.
SHEETS = {
    "programs": (Program, [*_PROGRAM_FIELDS, "topics", "risk_factors", "practices", "strength"]),
    "practices": (
        Practice,
        ["slug", "name_en", "name_fr", "summary_en", "summary_fr", "status", "topics"],
    ),
    "ratings": (
        EvidenceRating,
        [
            "program",
            "practice",
            "source",
            "level",
            "outcome_en",
            "outcome_fr",
            "basis",
            "rated_on",
            "url",
        ],
    ),
    "studies": (
        Study,
        [
            "program",
            "citation",
            "design",
            "sample",
            "country",
            "finding_en",
            "finding_fr",
            "effect_size",
            "url",
        ],
    ),
    "economics": (
        EconomicFigure,
        ["program", "kind", "value", "currency", "year", "discount_rate", "source", "url"],
    ),
    "examples": (
        CanadianExample,
        [
            "program",
            "municipality",
            "place",
            "organization",
            "description_en",
            "description_fr",
            "started_year",
            "url",
        ],
    ),
}
READ_ONLY = {"strength"}  # exported for reviewers, recomputed from the ratings on import
FORMATS = ("json", "xlsx", "csv")  # csv: a ZIP with one CSV per table
MAX_ROWS = 50_000


@dataclass
class Problem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Sheet %(sheet)s, row %(row)s, column %(column)s: %(message)s") % {
            "sheet": self.sheet, "row": self.row, "column": self.column or "—",
            "message": self.message,
        }  # fmt: skip


class ImportRefused(Exception):  # noqa: N818 - carries the problems to show
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


# --- export -----------------------------------------------------------------------------------


def _cell(obj, column: str):
    if column in ("topics", "risk_factors", "practices"):
        return "; ".join(sorted(getattr(obj, column).values_list("slug", flat=True)))
    if column in ("program", "practice"):
        related = getattr(obj, column)
        return related.slug if related else ""
    if column == "municipality":
        return obj.municipality.csd_code if obj.municipality_id else ""
    value = getattr(obj, column)
    if isinstance(value, list):
        return "; ".join(value)
    if value is None:
        return ""
    return value if isinstance(value, int | str) else str(value)


def tables() -> dict[str, list[dict]]:
    result = {}
    for sheet, (model, columns) in SHEETS.items():
        qs = model.objects.order_by("pk")
        if sheet in ("programs", "practices"):
            qs = qs.prefetch_related(
                "topics", *(["risk_factors", "practices"] if sheet == "programs" else [])
            )
        result[sheet] = [{c: _cell(obj, c) for c in columns} for obj in qs]
    return result


def export_bytes(fmt: str) -> tuple[bytes, str]:
    """The whole base in ``fmt``: (content, content type)."""
    data = tables()
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1).encode(), "application/json"
    if fmt == "xlsx":
        book = Workbook()
        book.remove(book.active)
        for sheet, (_m, columns) in SHEETS.items():
            ws = book.create_sheet(sheet)
            ws.append(columns)
            for row in data[sheet]:
                ws.append([safe_cell(row[c]) for c in columns])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for sheet, (_m, columns) in SHEETS.items():
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(columns)
            writer.writerows([safe_cell(row[c]) for c in columns] for row in data[sheet])
            archive.writestr(f"{sheet}.csv", text.getvalue())
    return out.getvalue(), "application/zip"


# --- validating and saving --------------------------------------------------------------------


def _clean_text(value, sheet, row, column, problems) -> str:
    text = "" if value is None else str(value)
    if any(ord(c) < 32 and c not in "\n\r\t" for c in text):
        problems.append(Problem(sheet, row, column, _("Control characters are not allowed.")))
        return ""
    return text.strip()


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(",", ";").split(";") if part.strip()]


def _fill(obj, row: dict, sheet: str, number: int, problems: list[Problem], columns) -> None:
    for column in columns:
        if column not in row or column in READ_ONLY:
            continue
        text = _clean_text(row[column], sheet, number, column, problems)
        field = obj._meta.get_field(column)
        value = _split(text) if isinstance(field, MultiChoiceField) else text
        if value == "" and (
            field.null or not isinstance(field, models.CharField | models.TextField)
        ):
            value = None if field.null else field.get_default()
        try:
            setattr(obj, column, field.to_python(value))
        except ValidationError as exc:
            problems.append(Problem(sheet, number, column, "; ".join(exc.messages)))


def _full_clean(obj, sheet, number, problems, exclude=()):
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False)
    except ValidationError as exc:
        for column, messages in exc.message_dict.items():
            problems.append(
                Problem(sheet, number, column if column != "__all__" else "", "; ".join(messages))
            )


def _slugs(row, column, known: dict, sheet, number, problems) -> list:
    wanted = _split(_clean_text(row.get(column), sheet, number, column, problems))
    missing = [s for s in wanted if s not in known]
    if missing:
        problems.append(
            Problem(
                sheet, number, column, _("Unknown code: %(codes)s") % {"codes": ", ".join(missing)}
            )
        )
    return [known[s] for s in wanted if s in known]


def _plan(sheets, problems):
    """Build every object in memory, checking each cell; nothing touches the database yet."""
    topics = {t.slug: t for t in Topic.objects.all()}
    factors = {f.slug: f for f in RiskFactor.objects.all()}
    practices = {p.slug: p for p in Practice.objects.all()}
    programs = {p.slug: p for p in Program.objects.all()}
    plan = {"practices": [], "programs": [], "children": []}
    seen: dict[str, set] = {"practices": set(), "programs": set()}
    for sheet, store, model in (
        ("practices", practices, Practice),
        ("programs", programs, Program),
    ):
        columns = SHEETS[sheet][1]
        for number, row in sheets.get(sheet, []):
            slug = _clean_text(row.get("slug"), sheet, number, "slug", problems)
            if slug in seen[sheet]:
                problems.append(
                    Problem(sheet, number, "slug", _("This code appears twice in the file."))
                )
            seen[sheet].add(slug)
            obj = store.get(slug) or model(slug=slug)
            _fill(
                obj,
                row,
                sheet,
                number,
                problems,
                [c for c in columns if c not in ("topics", "risk_factors", "practices")],
            )
            _full_clean(obj, sheet, number, problems, exclude=["strength"])
            store[slug] = obj
            links = {"topics": _slugs(row, "topics", topics, sheet, number, problems)}
            if sheet == "programs":
                links["risk_factors"] = _slugs(
                    row, "risk_factors", factors, sheet, number, problems
                )
                links["practices"] = _slugs(row, "practices", practices, sheet, number, problems)
            plan[sheet].append((obj, links))
    municipalities = dict(Municipality.objects.values_list("csd_code", "pk"))
    for sheet in ("ratings", "studies", "economics", "examples"):
        model, columns = SHEETS[sheet]
        for number, row in sheets.get(sheet, []):
            obj = model()
            for parent, store in (("program", programs), ("practice", practices)):
                if parent not in columns:
                    continue
                slug = _clean_text(row.get(parent), sheet, number, parent, problems)
                if slug and slug not in store:
                    problems.append(
                        Problem(
                            sheet, number, parent, _("Unknown code: %(codes)s") % {"codes": slug}
                        )
                    )
                setattr(obj, f"_{parent}_slug", slug if slug in store else "")
            if sheet == "examples":
                code = _clean_text(row.get("municipality"), sheet, number, "municipality", problems)
                if code and code not in municipalities:
                    problems.append(
                        Problem(
                            sheet,
                            number,
                            "municipality",
                            _("No municipality has the census subdivision code %(code)s.")
                            % {"code": code},
                        )
                    )
                obj.municipality_id = municipalities.get(code)
            _fill(
                obj,
                row,
                sheet,
                number,
                problems,
                [c for c in columns if c not in ("program", "practice", "municipality")],
            )
            _full_clean(
                obj, sheet, number, problems, exclude=["program", "practice", "municipality"]
            )
            if sheet == "ratings" and bool(obj._program_slug) == bool(obj._practice_slug):
                problems.append(
                    Problem(sheet, number, "program", _("Give either a program or a practice."))
                )
            plan["children"].append((sheet, obj))
    return plan, programs, practices


@transaction.atomic
def import_base(content: bytes, filename: str, user=None) -> dict[str, int]:
    """Load a whole-base file, all or nothing; raises ImportRefused listing every problem."""
    from prevnet.knowledge.transfer_files import read  # it imports this module's tables

    sheets, problems = read(content, filename)
    if not problems:
        plan, programs, practices = _plan(sheets, problems)
    if problems:
        raise ImportRefused(problems)
    for sheet in ("practices", "programs"):
        for obj, links in plan[sheet]:
            obj._history_user = user if getattr(user, "is_authenticated", False) else None
            obj._change_reason = "import"
            obj.save()
            for name, values in links.items():
                getattr(obj, name).set(values)
    # Children are replaced for every program or practice the file speaks about.
    programs_named = {obj.slug for obj, _l in plan["programs"]}
    programs_named |= {getattr(o, "_program_slug", "") for _s, o in plan["children"]} - {""}
    practices_named = {obj.slug for obj, _l in plan["practices"]}
    practices_named |= {getattr(o, "_practice_slug", "") for _s, o in plan["children"]} - {""}
    for model in (EvidenceRating, Study, EconomicFigure, CanadianExample):
        model.objects.filter(program__slug__in=programs_named).delete()
    EvidenceRating.objects.filter(practice__slug__in=practices_named).delete()
    for _sheet, obj in plan["children"]:
        if getattr(obj, "_program_slug", ""):
            obj.program = programs[obj._program_slug]
        if getattr(obj, "_practice_slug", ""):
            obj.practice = practices[obj._practice_slug]
        obj.save()
    from prevnet.knowledge import services

    for obj, _l in plan["programs"]:
        services.recompute_strength(obj)
    for obj, _l in plan["practices"]:
        services.recompute_strength(obj)
    return {sheet: len(rows) for sheet, rows in sheets.items()}
