"""A version's questions in memory, their checks, and the server's reading of answers.

The same ``Form`` comes from the database (``form_of``), from an XLSForm (``xlsform.read``) or
from the built-in questionnaires (``builtin``), so every check and every answer rule lives here
once. Answers are a dict: question name -> value; a repeated section's value is a list of such
dicts. Sections (groups) do not nest names: names are unique in a form, as in XLSForm.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from prevnet.questionnaires import expressions
from prevnet.questionnaires.expressions import ExpressionError

TYPES = (
    "text",
    "long_text",
    "integer",
    "decimal",
    "select_one",
    "select_multiple",
    "date",
    "rating",
    "note",
    "group",
    "repeat",
)
CONTAINERS = ("group", "repeat")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,59}$")
MAX_TEXT = 10_000
MAX_REPEATS = 50


def pick(texts: dict) -> str:
    language = "fr" if get_language() == "fr" else "en"
    return texts.get(language) or texts.get("en") or texts.get("fr") or ""


def _both(texts: dict | None) -> dict:
    texts = texts or {}
    return {"en": texts.get("en", "") or "", "fr": texts.get("fr", "") or ""}


@dataclass
class Node:
    name: str
    type: str
    label: dict = field(default_factory=dict)
    hint: dict = field(default_factory=dict)
    required: bool = False
    relevance: str = ""
    constraint: str = ""
    constraint_message: dict = field(default_factory=dict)
    list_name: str = ""
    appearance: str = ""
    parameters: str = ""
    children: list[Node] = field(default_factory=list)
    # where the node came from (sheet, row) for error messages of an import
    origin: tuple | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        # Both languages always present, so forms from any source compare equal.
        self.label, self.hint = _both(self.label), _both(self.hint)
        self.constraint_message = _both(self.constraint_message)

    def __setattr__(self, name, value):
        if name in ("label", "hint", "constraint_message") and isinstance(value, dict):
            value = _both(value)
        super().__setattr__(name, value)

    @property
    def text(self) -> str:
        return pick(self.label)

    @property
    def hint_text(self) -> str:
        return pick(self.hint)

    @property
    def is_answered(self) -> bool:
        return self.type not in ("note", "group", "repeat")

    def rating_range(self) -> tuple[int, int]:
        params = dict(re.findall(r"(\w+)=(-?\d+)", self.parameters or ""))
        return int(params.get("start", 1)), int(params.get("end", 5))

    def as_dict(self) -> dict:
        data = {
            "name": self.name,
            "type": self.type,
            "label": self.label,
            "hint": self.hint,
            "required": self.required,
            "relevance": self.relevance,
            "constraint": self.constraint,
            "constraint_message": self.constraint_message,
            "list_name": self.list_name,
            "appearance": self.appearance,
            "parameters": self.parameters,
        }
        if self.type in CONTAINERS:
            data["children"] = [c.as_dict() for c in self.children]
        return data


@dataclass
class Choice:
    name: str
    label: dict = field(default_factory=dict)
    origin: tuple | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        self.label = _both(self.label)

    @property
    def text(self) -> str:
        return pick(self.label)


@dataclass
class Form:
    form_id: str
    version: str
    title: dict
    nodes: list[Node]
    choices: dict[str, list[Choice]]

    def walk(self, nodes=None, parent=None):
        """(node, parent container or None) for every node, in order."""
        for node in self.nodes if nodes is None else nodes:
            yield node, parent
            if node.type in CONTAINERS:
                yield from self.walk(node.children, node)

    def by_name(self) -> dict[str, Node]:
        return {node.name: node for node, _parent in self.walk()}

    @cached_property
    def names(self) -> dict[str, Node]:
        return self.by_name()

    def choice_labels(self, list_name: str) -> dict[str, str]:
        return {c.name: c.text for c in self.choices.get(list_name, [])}

    def as_dict(self) -> dict:
        return {
            "form_id": self.form_id,
            "version": self.version,
            "title": self.title,
            "questions": [n.as_dict() for n in self.nodes],
            "choices": {
                name: [{"name": c.name, "label": c.label} for c in items]
                for name, items in self.choices.items()
            },
        }


# --- reading answers ---------------------------------------------------------------------------


def _is_empty(value) -> bool:
    return value is None or value == "" or value == []


def coerce(node: Node, raw, form: Form):
    """The typed value of ``raw`` for ``node``; raises ValueError with the message to show."""
    if _is_empty(raw):
        return [] if node.type == "select_multiple" else None
    kind = node.type
    if kind in ("text", "long_text"):
        if not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
            raise ValueError(_("Enter text."))
        text = str(raw).strip()
        if len(text) > MAX_TEXT:
            raise ValueError(_("Enter at most %(n)s characters.") % {"n": MAX_TEXT})
        return text or None
    if kind in ("integer", "rating"):
        if isinstance(raw, bool) or isinstance(raw, float) and not raw.is_integer():
            raise ValueError(_("Enter a whole number."))
        try:
            value = int(str(raw).strip()) if not isinstance(raw, (int, float)) else int(raw)
        except ValueError:
            raise ValueError(_("Enter a whole number.")) from None
        if abs(value) > 10**12:
            raise ValueError(_("This number is too large."))
        if kind == "rating":
            low, high = node.rating_range()
            if not low <= value <= high:
                raise ValueError(
                    _("Choose a value from %(low)s to %(high)s.") % {"low": low, "high": high}
                )
        return value
    if kind == "decimal":
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            raise ValueError(_("Enter a number."))
        try:
            value = Decimal(str(raw).strip().replace(",", "."))
        except InvalidOperation:
            raise ValueError(_("Enter a number.")) from None
        if not value.is_finite() or abs(value) > 10**12:
            raise ValueError(_("Enter a number."))
        return float(value)
    if kind == "date":
        try:
            return datetime.date.fromisoformat(str(raw).strip()).isoformat()
        except ValueError:
            raise ValueError(_("Enter a date as YYYY-MM-DD.")) from None
    allowed = {c.name for c in form.choices.get(node.list_name, [])}
    if kind == "select_one":
        if not isinstance(raw, str) or raw not in allowed:
            raise ValueError(_("Choose one of the options."))
        return raw
    if kind == "select_multiple":
        values = raw.split() if isinstance(raw, str) else raw
        if not isinstance(values, (list, tuple)) or not all(
            isinstance(v, str) and v in allowed for v in values
        ):
            raise ValueError(_("Choose among the options."))
        return [c.name for c in form.choices[node.list_name] if c.name in set(values)]
    raise ValueError(_("This question takes no answer."))


def _message(node: Node) -> str:
    return pick(node.constraint_message) or _("This answer is not accepted.")


def read_answers(form: Form, raw: dict, *, final: bool) -> tuple[dict, dict]:
    """(clean answers, errors) from ``raw``; the server's decision on every question.

    Hidden questions (relevance false) lose their answers; required is checked only when
    ``final``; constraints and types always. Errors: name (or "repeat.1.name") -> message.
    """
    errors: dict[str, str] = {}
    if not isinstance(raw, dict):
        return {}, {"__all__": _("Answers must be an object of question names.")}
    known = {n.name for n, parent in form.walk() if parent is None or parent.type == "group"}
    for name in raw:
        if name not in known:
            errors[str(name)[:60]] = _("There is no question with this name.")
    clean: dict = {}
    _read_nodes(form, form.nodes, raw, clean, clean, errors, "", final)
    return clean, errors


def _read_nodes(form, nodes, raw, clean, context, errors, prefix, final):
    for node in nodes:
        key = prefix + node.name
        if node.relevance:
            try:
                shown = expressions.is_true(node.relevance, _Context(form, context))
            except ExpressionError:
                shown = False
            if not shown:
                continue
        if node.type == "group":
            _read_nodes(form, node.children, raw, clean, context, errors, prefix, final)
            continue
        if node.type == "repeat":
            items = raw.get(node.name) or []
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                errors[key] = _("Expected a list of answers for this section.")
                continue
            if len(items) > MAX_REPEATS:
                errors[key] = _("At most %(n)s entries.") % {"n": MAX_REPEATS}
                continue
            kept = []
            for index, item in enumerate(items, start=1):
                if all(_is_empty(v) for v in item.values()):
                    continue  # the blank entry a page offers for adding one
                entry: dict = {}
                inner = _Overlay(context, entry)
                _read_nodes(
                    form, node.children, item, entry, inner, errors, f"{key}.{index}.", final
                )
                if any(not _is_empty(v) for v in entry.values()):
                    kept.append(entry)
            if kept:
                clean[node.name] = kept
            elif final and node.required:
                errors[key] = _("This question is required.")
            continue
        if node.type == "note":
            continue
        try:
            value = coerce(node, raw.get(node.name), form)
        except ValueError as exc:
            errors[key] = str(exc)
            continue
        if _is_empty(value):
            if final and node.required:
                errors[key] = _("This question is required.")
            continue
        if node.constraint:
            try:
                ok = expressions.is_true(node.constraint, _Context(form, context), value)
            except ExpressionError:
                ok = False
            if not ok:
                errors[key] = _message(node)
                continue
        clean[node.name] = value


class _Context(dict):
    """Answers as expressions see them: an unanswered question of the form is empty."""

    def __init__(self, form: Form, answers):
        super().__init__()
        self.names = form.names
        self.answers = answers

    def __contains__(self, name) -> bool:
        return name in self.names

    def __getitem__(self, name):
        value = self.answers.get(name)
        return "" if value is None else value


class _Overlay(dict):
    """Inside a repeated section: the entry's own answers first, then the rest of the form."""

    def __init__(self, outer, inner):
        super().__init__()
        self.outer, self.inner = outer, inner

    def get(self, name, default=None):
        if name in self.inner:
            return self.inner[name]
        return self.outer.get(name, default)
