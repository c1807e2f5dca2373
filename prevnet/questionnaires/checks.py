"""Checks of a form before it is saved: names, types, choice lists, expressions, cycles.

Each problem names where it is (sheet, row, column) when the form came from an XLSForm.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from prevnet.questionnaires import expressions
from prevnet.questionnaires.expressions import ExpressionError
from prevnet.questionnaires.schema import CONTAINERS, NAME, TYPES, Form


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = self.sheet
        if self.row:
            where += _(", row %(row)s") % {"row": self.row}
        if self.column:
            where += _(", column %(column)s") % {"column": self.column}
        return f"{where}: {self.message}"


def _where(node_or_choice, column: str) -> tuple:
    origin = node_or_choice.origin or ("survey", None)
    return origin[0], origin[1], column


def check_form(form: Form) -> list[Problem]:
    """Everything wrong with ``form``; empty when it can be saved."""
    problems: list[Problem] = []

    def add(obj, column, message):
        sheet, row, col = _where(obj, column)
        problems.append(Problem(sheet, row, col, message))

    seen: set[str] = set()
    for node, _parent in form.walk():
        if not NAME.match(node.name or ""):
            add(node, "name", _("“%(name)s” is not a valid name.") % {"name": node.name})
        elif node.name in seen:
            add(node, "name", _("The name “%(name)s” is used twice.") % {"name": node.name})
        seen.add(node.name)
        if node.type not in TYPES:
            add(node, "type", _("Unknown question type “%(type)s”.") % {"type": node.type})
        if node.type in ("select_one", "select_multiple") and node.list_name not in form.choices:
            add(
                node,
                "type",
                _("The choice list “%(list)s” is not on the choices sheet.")
                % {"list": node.list_name},
            )
        if node.type in CONTAINERS and not node.children:
            add(node, "type", _("This section has no questions."))
        if not node.label.get("en") and not node.label.get("fr") and node.type != "group":
            add(node, "label", _("A label is needed."))
    names = {node.name for node, _p in form.walk()}
    for node, _parent in form.walk():
        for column in ("relevance", "constraint"):
            text = getattr(node, column)
            if not text:
                continue
            try:
                expressions.check(text, names)
            except ExpressionError as exc:
                add(node, "relevant" if column == "relevance" else column, str(exc))
    for list_name, items in form.choices.items():
        names_in_list: set[str] = set()
        for choice in items:
            if not choice.name:
                add(choice, "name", _("A choice needs a name."))
            elif choice.name in names_in_list:
                add(
                    choice,
                    "name",
                    _("The choice “%(name)s” is twice in the list “%(list)s”.")
                    % {"name": choice.name, "list": list_name},
                )
            names_in_list.add(choice.name)
    if not problems:
        cycle = relevance_cycle(form)
        if cycle:
            node = form.by_name()[cycle[0]]
            add(
                node,
                "relevant",
                _("Circular relevance: %(path)s.") % {"path": " → ".join(cycle)},
            )
    return problems


def relevance_cycle(form: Form) -> list[str] | None:
    """A question whose showing depends, through others, on itself."""
    depends: dict[str, set[str]] = {}
    for node, parent in form.walk():
        refs = set()
        if node.relevance:
            refs |= expressions.references(node.relevance)
        if parent is not None:
            refs.add(parent.name)  # a question shows only if its section does
        depends[node.name] = refs
    return expressions.find_cycle(depends)
