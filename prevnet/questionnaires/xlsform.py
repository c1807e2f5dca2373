"""XLSForm in and out: .xlsx with survey, choices and settings sheets, English and French.

``read`` turns a workbook into a ``schema.Form`` and lists every problem with its sheet, row and
column; pyxform (without its Java validator) then checks what ODK tools would refuse. ``write``
produces a workbook that ``read`` turns back into the same form (the round trip test).

Mapping: long text is ``text`` with appearance ``multiline``; a rating scale is ``range`` with
``start``/``end`` parameters; sections are begin_group/end_group, repeated sections
begin_repeat/end_repeat.
"""

from __future__ import annotations

import io
import zipfile

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from prevnet.questionnaires import schema
from prevnet.questionnaires.checks import Problem, check_form
from prevnet.questionnaires.schema import Choice, Form, Node

LANGS = (("en", "English (en)"), ("fr", "French (fr)"))
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
SURVEY_COLUMNS = ["type", "name"] + [
    f"{col}::{lang}" for col in ("label", "hint", "constraint_message") for _code, lang in LANGS
]
SURVEY_COLUMNS += ["required", "relevant", "constraint", "appearance", "parameters"]


class XLSFormError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _sheet_rows(book, name: str) -> list[tuple[int, dict]]:
    sheet = book[name]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    keys = [str(h).strip() if h is not None else "" for h in header]
    out = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS:
            raise XLSFormError(
                [Problem(name, number, "", _("Too many rows (%(n)s at most).") % {"n": MAX_ROWS})]
            )
        values = {
            k: ("" if v is None else str(v).strip()) for k, v in zip(keys, row, strict=False) if k
        }
        if any(values.values()):
            out.append((number, values))
    return out


def _texts(row: dict, column: str) -> dict:
    """{"en": ..., "fr": ...} from label::English (en) style columns (or a plain column)."""
    found = {}
    for code, lang in LANGS:
        for key in (f"{column}::{lang}", f"{column}::{code}", f"{column}::{lang.split()[0]}"):
            if row.get(key):
                found[code] = row[key]
                break
    if not found and row.get(column):
        found["en"] = row[column]
    return found


def _required(value: str) -> bool:
    return value.lower() in ("yes", "true", "true()", "1", "oui")


def read(content: bytes) -> Form:
    """The form in an .xlsx XLSForm; raises XLSFormError listing every problem."""
    if len(content) > MAX_BYTES:
        raise XLSFormError([Problem(_("file"), None, "", _("The file is larger than 5 MB."))])
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise XLSFormError(
            [Problem(_("file"), None, "", _("This is not an .xlsx workbook."))]
        ) from None
    missing = [name for name in ("survey", "choices") if name not in book.sheetnames]
    if missing:
        raise XLSFormError(
            [
                Problem(name, None, "", _("The sheet “%(s)s” is missing.") % {"s": name})
                for name in missing
            ]
        )
    problems: list[Problem] = []
    settings = (
        dict(
            _sheet_rows(book, "settings")[:1] and [("s", _sheet_rows(book, "settings")[0][1])]
        ).get("s", {})
        if "settings" in book.sheetnames
        else {}
    )
    choices: dict[str, list[Choice]] = {}
    for number, row in _sheet_rows(book, "choices"):
        list_name = row.get("list_name") or row.get("list name", "")
        if not list_name:
            problems.append(
                Problem("choices", number, "list_name", _("A choice needs its list name."))
            )
            continue
        choice = Choice(row.get("name", ""), _texts(row, "label"), origin=("choices", number))
        choices.setdefault(list_name, []).append(choice)
    top: list[Node] = []
    with_other: set[str] = set()
    stack: list[tuple[Node | None, list[Node], int]] = [(None, top, 0)]
    for number, row in _sheet_rows(book, "survey"):
        kind, *rest = row.get("type", "").split() or [""]
        kind = kind.lower()
        if kind in ("end_group", "end_repeat", "end group", "end repeat"):
            expected = "group" if "group" in kind else "repeat"
            parent = stack[-1][0]
            if parent is None or parent.type != expected:
                problems.append(
                    Problem("survey", number, "type", _("“%(t)s” closes nothing.") % {"t": kind})
                )
            else:
                stack.pop()
            continue
        node = Node(
            name=row.get("name", ""),
            type=kind,
            label=_texts(row, "label"),
            hint=_texts(row, "hint"),
            required=_required(row.get("required", "")),
            relevance=row.get("relevant", "") or row.get("relevance", ""),
            constraint=row.get("constraint", ""),
            constraint_message=_texts(row, "constraint_message"),
            appearance=row.get("appearance", ""),
            parameters=row.get("parameters", ""),
            origin=("survey", number),
        )
        if kind in ("select_one", "select_multiple"):
            node.list_name = rest[0] if rest else ""
            if not rest:
                problems.append(
                    Problem(
                        "survey",
                        number,
                        "type",
                        _("Name the choice list after %(t)s.") % {"t": kind},
                    )
                )
        elif kind == "text" and "multiline" in node.appearance.split():
            node.type = "long_text"
            node.appearance = " ".join(a for a in node.appearance.split() if a != "multiline")
        elif kind == "range":
            node.type = "rating"
        elif kind in ("begin_group", "begin_repeat", "begin group", "begin repeat"):
            node.type = "group" if "group" in kind else "repeat"
        stack[-1][1].append(node)
        if node.list_name and "or_other" in rest[1:]:
            # XLSForm's shorthand for “other, specify”, written out as prevnet keeps it.
            stack[-1][1].append(_other_specify(node))
            with_other.add(node.list_name)
        if node.type in ("group", "repeat"):
            stack.append((node, node.children, number))
        if kind and node.type not in schema.TYPES:
            problems.append(
                Problem(
                    "survey",
                    number,
                    "type",
                    _("Unknown question type “%(t)s”.") % {"t": row.get("type")},
                )
            )
            node.type = "text"  # reported once; keep checking the rest
    for list_name in with_other & set(choices):
        if not any(c.name == "other" for c in choices[list_name]):
            choices[list_name].append(Choice("other", {"en": "Other", "fr": "Autre"}))
    for parent, _children, number in stack[1:]:
        problems.append(
            Problem("survey", number, "type", _("“%(n)s” is never closed.") % {"n": parent.name})
        )
    form = Form(
        form_id=settings.get("form_id", ""),
        version=settings.get("version", ""),
        title={
            "en": settings.get("form_title", ""),
            "fr": settings.get("form_title_fr", "") or settings.get("form_title", ""),
        },
        nodes=top,
        choices=choices,
    )
    if not form.form_id:
        problems.append(Problem("settings", 2, "form_id", _("The form needs a form_id.")))
    problems += check_form(form)
    if not problems:
        problems += _pyxform_problems(content)
    if problems:
        raise XLSFormError(problems)
    return form


def _other_specify(node: Node) -> Node:
    return Node(
        name=f"{node.name}_other",
        type="text",
        label={"en": "Other, specify", "fr": "Autre, préciser"},
        relevance=f"selected(${{{node.name}}}, 'other')",
        required=True,
        origin=node.origin,
    )


def _pyxform_problems(content: bytes) -> list[Problem]:
    from pyxform.errors import PyXFormError
    from pyxform.xls2xform import convert

    try:
        convert(xlsform=io.BytesIO(content), file_type=".xlsx", validate=False)
    except PyXFormError as exc:
        return [Problem("survey", None, "", _("pyxform: %(e)s") % {"e": str(exc)[:500]})]
    except Exception as exc:  # noqa: BLE001 - pyxform raises many kinds; each is reported
        return [Problem("survey", None, "", _("pyxform: %(e)s") % {"e": str(exc)[:500]})]
    return []


def write(form: Form) -> bytes:
    """The form as an .xlsx XLSForm that ``read`` (and pyxform) accept."""
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(SURVEY_COLUMNS)

    def texts(d):
        return [d.get(code, "") for code, _lang in LANGS]

    def rows(nodes):
        for node in nodes:
            kind, appearance = node.type, node.appearance
            if kind in ("group", "repeat"):
                kind = "begin_" + kind
            elif kind in ("select_one", "select_multiple"):
                kind = f"{kind} {node.list_name}"
            elif kind == "long_text":
                kind, appearance = "text", " ".join(filter(None, ["multiline", appearance]))
            elif kind == "rating":
                kind = "range"
            survey.append(
                [
                    kind,
                    node.name,
                    *texts(node.label),
                    *texts(node.hint),
                    *texts(node.constraint_message),
                    "yes" if node.required else "",
                    node.relevance,
                    node.constraint,
                    appearance,
                    node.parameters,
                ]
            )
            if node.type in ("group", "repeat"):
                rows(node.children)
                survey.append([f"end_{node.type}"])

    rows(form.nodes)
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", *(f"label::{lang}" for _c, lang in LANGS)])
    for list_name, items in form.choices.items():
        for c in items:
            choices.append([list_name, c.name, *texts(c.label)])
    settings = book.create_sheet("settings")
    # pyxform takes one form_title; the French title travels in a column it ignores.
    settings.append(
        [
            "form_title",
            "form_title_fr",
            "form_id",
            "version",
            "default_language",
        ]
    )
    settings.append(
        [
            form.title.get("en", ""),
            form.title.get("fr", ""),
            form.form_id,
            form.version,
            "English (en)",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
