"""XLSForm expressions (relevance and constraints): a tokenizer, a parser and an evaluator.

Never Python's eval: the text is cut into tokens, parsed by recursive descent into a small tree
of tuples, and the tree is walked. Anything unexpected is an ``ExpressionError`` that says what
and where. The same grammar is evaluated in the browser by static/questionnaires/expressions.js.

Grammar (lowest precedence first)::

    or_expr   := and_expr ("or" and_expr)*
    and_expr  := compare ("and" compare)*
    compare   := additive (("=" | "!=" | "<" | "<=" | ">" | ">=") additive)?
    additive  := multiply (("+" | "-") multiply)*
    multiply  := unary (("*" | "div" | "mod") unary)*
    unary     := "-" unary | primary
    primary   := NUMBER | STRING | "${" NAME "}" | "." | NAME "(" args ")" | "(" or_expr ")"

Values follow XLSForm: an unanswered question is the empty string; a select-multiple answer is
a list (a space-separated string in XLSForm); comparisons are numeric when both sides are
numbers, textual otherwise; a comparison of order with an empty side is false.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache

from django.utils.translation import gettext as _

MAX_LENGTH = 2000
MAX_DEPTH = 60


class ExpressionError(ValueError):
    """An expression that cannot be read or evaluated; the message says why and where."""


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<ref>\$\{(?P<refname>[^}]*)\})
  | (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<op><=|>=|!=|=|<|>|\+|-|\*|\(|\)|,)
  | (?P<dot>\.)
  | (?P<name>[A-Za-z_][A-Za-z0-9_\-]*)
    """,
    re.VERBOSE,
)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KEYWORDS = {"and", "or", "div", "mod"}
# name -> (minimum, maximum) number of arguments
FUNCTIONS = {
    "not": (1, 1),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "string-length": (1, 1),
    "if": (3, 3),
    "true": (0, 0),
    "false": (0, 0),
    "number": (1, 1),
    "concat": (1, 20),
}


def tokenize(text: str) -> list[tuple[str, str, int]]:
    """(kind, value, position) for each token of ``text``."""
    if not isinstance(text, str):
        raise ExpressionError(_("An expression must be text."))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            _("The expression is longer than %(n)s characters.") % {"n": MAX_LENGTH}
        )
    tokens, pos = [], 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise ExpressionError(
                _("Unexpected character %(c)s at position %(p)s.")
                % {"c": repr(text[pos]), "p": pos + 1}
            )
        kind = match.lastgroup
        if kind == "refname":
            kind = "ref"
        if kind == "ref":
            name = match.group("refname").strip()
            if not _NAME.match(name):
                raise ExpressionError(
                    _("${%(name)s} at position %(p)s is not a valid name.")
                    % {"name": name, "p": pos + 1}
                )
            tokens.append(("ref", name, pos))
        elif kind == "string":
            tokens.append(("string", match.group()[1:-1], pos))
        elif kind == "name" and match.group() in KEYWORDS:
            tokens.append(("op", match.group(), pos))
        elif kind != "space":
            tokens.append((kind, match.group(), pos))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else ("end", "", -1)

    def take(self):
        token = self.peek()
        self.i += 1
        return token

    def expect(self, value: str):
        kind, got, pos = self.take()
        if got != value or kind not in ("op",):
            if pos < 0:
                raise ExpressionError(_("Expected “%(v)s” at the end.") % {"v": value})
            raise ExpressionError(
                _("Expected “%(v)s” at position %(p)s, found “%(got)s”.")
                % {"v": value, "p": pos + 1, "got": got}
            )

    def parse(self):
        if not self.tokens:
            raise ExpressionError(_("The expression is empty."))
        tree = self.binary(0)
        kind, value, pos = self.peek()
        if kind != "end":
            raise ExpressionError(
                _("Unexpected “%(v)s” at position %(p)s.") % {"v": value, "p": pos + 1}
            )
        return tree

    LEVELS = (("or",), ("and",), ("=", "!=", "<", "<=", ">", ">="), ("+", "-"), ("*", "div", "mod"))

    def binary(self, level: int):
        if level == len(self.LEVELS):
            return self.unary()
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(_("The expression is nested too deeply."))
        left = self.binary(level + 1)
        ops = self.LEVELS[level]
        while self.peek()[0] == "op" and self.peek()[1] in ops:
            op = self.take()[1]
            left = ("bin", op, left, self.binary(level + 1))
            if level == 2 and self.peek()[0] == "op" and self.peek()[1] in ops:
                raise ExpressionError(_("Comparisons cannot be chained; join them with and/or."))
        self.depth -= 1
        return left

    def unary(self):
        kind, value, pos = self.peek()
        if kind == "op" and value == "-":
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExpressionError(_("The expression is nested too deeply."))
            node = ("neg", self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self):
        kind, value, pos = self.take()
        if kind == "number":
            return ("lit", float(value))
        if kind == "string":
            return ("lit", value)
        if kind == "ref":
            return ("ref", value)
        if kind == "dot":
            return ("dot",)
        if kind == "op" and value == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExpressionError(_("The expression is nested too deeply."))
            node = self.binary(0)
            self.depth -= 1
            self.expect(")")
            return node
        if kind == "name":
            if value not in FUNCTIONS:
                raise ExpressionError(
                    _("Unknown function “%(f)s” at position %(p)s.") % {"f": value, "p": pos + 1}
                )
            self.expect("(")
            args = []
            if self.peek()[1] != ")":
                args.append(self.binary(0))
                while self.peek() == ("op", ",", self.peek()[2]):
                    self.take()
                    args.append(self.binary(0))
            self.expect(")")
            low, high = FUNCTIONS[value]
            if not low <= len(args) <= high:
                raise ExpressionError(
                    _("%(f)s() at position %(p)s takes %(n)s arguments, not %(got)s.")
                    % {
                        "f": value,
                        "p": pos + 1,
                        "n": f"{low}–{high}" if high != low else low,
                        "got": len(args),
                    }
                )
            return ("call", value, tuple(args))
        if kind == "end":
            raise ExpressionError(_("The expression ends too early."))
        raise ExpressionError(
            _("Unexpected “%(v)s” at position %(p)s.") % {"v": value, "p": pos + 1}
        )


@lru_cache(maxsize=2048)
def parse(text: str):
    """The tree of ``text``; raises ExpressionError."""
    return _Parser(text).parse()


def references(text: str) -> set[str]:
    """The question names ``text`` refers to with ${name}."""
    return {value for kind, value, _pos in tokenize(text) if kind == "ref"}


# --- evaluation ------------------------------------------------------------------------------


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(v) for v in value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _as_number(value) -> float:
    """A number, or NaN for anything that is not one (XPath's rule)."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(_as_text(value).strip())
    except ValueError:
        return math.nan


def _as_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return not math.isnan(value) and value != 0
    if isinstance(value, (list, tuple)):
        return bool(value)
    return bool(_as_text(value))


def _selected_values(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [_as_text(v) for v in value]
    return _as_text(value).split()


def _is_number_like(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _compare(op: str, left, right) -> bool:
    numeric = _is_number_like(left) or _is_number_like(right)
    if op in ("=", "!="):
        if numeric:
            a, b = _as_number(left), _as_number(right)
            equal = a == b
        elif isinstance(left, bool) or isinstance(right, bool):
            equal = _as_bool(left) == _as_bool(right)
        else:
            equal = _as_text(left) == _as_text(right)
        return equal if op == "=" else not equal
    if _as_text(left) == "" or _as_text(right) == "":
        return False
    a, b = _as_number(left), _as_number(right)
    if math.isnan(a) or math.isnan(b):
        a, b = _as_text(left), _as_text(right)  # dates as YYYY-MM-DD compare as text
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _arith(op: str, left, right) -> float:
    a, b = _as_number(left), _as_number(right)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0 or math.isnan(b):
        return math.nan
    if op == "div":
        return a / b
    return math.fmod(a, b)


def _call(name: str, args: list):
    if name == "not":
        return not _as_bool(args[0])
    if name == "selected":
        return _as_text(args[1]) in _selected_values(args[0])
    if name == "count-selected":
        return float(len(_selected_values(args[0])))
    if name == "string-length":
        return float(len(_as_text(args[0])))
    if name == "if":
        return args[1] if _as_bool(args[0]) else args[2]
    if name == "true":
        return True
    if name == "false":
        return False
    if name == "number":
        return _as_number(args[0])
    return "".join(_as_text(a) for a in args)  # concat


def _walk(node, answers: Mapping, current):
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "ref":
        if node[1] not in answers:
            raise ExpressionError(
                _("${%(name)s} is not a question of this form.") % {"name": node[1]}
            )
        value = answers[node[1]]
        return "" if value is None else value
    if kind == "dot":
        return "" if current is None else current
    if kind == "neg":
        return -_as_number(_walk(node[1], answers, current))
    if kind == "call":
        if node[1] == "if":  # only the branch taken is evaluated
            test = _as_bool(_walk(node[2][0], answers, current))
            return _walk(node[2][1 if test else 2], answers, current)
        return _call(node[1], [_walk(a, answers, current) for a in node[2]])
    op, left = node[1], _walk(node[2], answers, current)
    if op == "or":
        return _as_bool(left) or _as_bool(_walk(node[3], answers, current))
    if op == "and":
        return _as_bool(left) and _as_bool(_walk(node[3], answers, current))
    right = _walk(node[3], answers, current)
    if op in ("=", "!=", "<", "<=", ">", ">="):
        return _compare(op, left, right)
    return _arith(op, left, right)


def evaluate(text: str, answers: Mapping, current=None):
    """The value of ``text`` with ``answers`` (name -> value) and ``.`` as ``current``."""
    return _walk(parse(text), answers, current)


def is_true(text: str, answers: Mapping, current=None) -> bool:
    return _as_bool(evaluate(text, answers, current))


def check(text: str, names: set[str]) -> None:
    """Raise ExpressionError if ``text`` does not parse or names an unknown question."""
    parse(text)
    unknown = sorted(references(text) - names)
    if unknown:
        raise ExpressionError(
            _("Unknown question %(names)s.") % {"names": ", ".join("${" + n + "}" for n in unknown)}
        )


def find_cycle(depends_on: Mapping[str, set[str]]) -> list[str] | None:
    """A cycle in ``name -> names its relevance reads``, as a path, or None."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(name: str):
        state[name] = 1
        stack.append(name)
        for nxt in sorted(depends_on.get(name, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[name] = 2
        return None

    for name in sorted(depends_on):
        if name not in state:
            found = visit(name)
            if found:
                return found
    return None
