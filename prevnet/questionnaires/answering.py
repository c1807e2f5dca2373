"""The answering page's fields: what the template shows for each question, already decided.

The server evaluates relevance here too, so a page reloaded (or seen without JavaScript)
hides exactly what the server will ignore; static/questionnaires/answer.js then re-evaluates
the same expressions live as answers change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prevnet.questionnaires import expressions, schema
from prevnet.questionnaires.expressions import ExpressionError


@dataclass
class Field:
    node: schema.Node
    key: str  # the input's name: "name", or "repeat.2.name" inside a repeated section
    prefix: str
    value: object = None
    error: str = ""
    hidden: bool = False
    choices: list = field(default_factory=list)
    children: list = field(default_factory=list)
    entries: list = field(default_factory=list)  # repeat: list of (index, [Field])

    @property
    def id(self) -> str:
        return "q-" + self.key.replace(".", "-")

    @property
    def selected(self) -> list:
        if isinstance(self.value, list):
            return [str(v) for v in self.value]
        return [] if self.value in (None, "") else [str(self.value)]

    @property
    def input_value(self) -> str:
        return "" if self.value is None else str(self.value)


class _Answers(dict):
    def __init__(self, form, *scopes):
        super().__init__()
        self.form, self.scopes = form, scopes

    def __contains__(self, name):
        return name in self.form.names

    def __getitem__(self, name):
        for scope in self.scopes:
            if scope.get(name) not in (None, ""):
                return scope[name]
        return ""


def _shown(node, answers) -> bool:
    if not node.relevance:
        return True
    try:
        return expressions.is_true(node.relevance, answers)
    except ExpressionError:
        return False


def build(form: schema.Form, answers: dict, errors: dict) -> list[Field]:
    def fields(nodes, prefix, scope, outer_hidden):
        out = []
        for node in nodes:
            key = prefix + node.name
            ctx = _Answers(form, scope, answers) if prefix else _Answers(form, answers)
            hidden = outer_hidden or not _shown(node, ctx)
            f = Field(node, key, prefix, scope.get(node.name), errors.get(key, ""), hidden)
            if node.type in ("select_one", "select_multiple"):
                f.choices = [(c.name, c.text) for c in form.choices.get(node.list_name, [])]
            elif node.type == "rating":
                low, high = node.rating_range()
                f.choices = [(str(v), str(v)) for v in range(low, high + 1)]
            if node.type == "group":
                f.children = fields(node.children, prefix, scope, hidden)
            elif node.type == "repeat":
                items = scope.get(node.name) or []
                items = [i for i in items if isinstance(i, dict)] + [{}]  # one blank entry to add
                f.entries = [
                    (i, fields(node.children, f"{key}.{i}.", item, hidden))
                    for i, item in enumerate(items[: schema.MAX_REPEATS], start=1)
                ]
            out.append(f)
        return out

    return fields(form.nodes, "", answers, False)


def error_list(fields: list[Field]) -> list[Field]:
    found = []
    for f in fields:
        if f.error:
            found.append(f)
        found += error_list(f.children)
        for _i, entry in f.entries:
            found += error_list(entry)
    return found
