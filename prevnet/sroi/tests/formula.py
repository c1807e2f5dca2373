"""A tiny evaluator for exactly the spreadsheet formulas ``xlsx.py`` writes, in Decimal.

Chosen over a PyPI evaluator (no new dependency, and it computes in Decimal so the comparison
with the service is to the cent, not within a float tolerance). It reads: numbers, "strings",
cell references with or without a sheet ('Impact map'!$A$1), ranges inside SUM, the operators
+ - * / ^ and comparisons (= <> < <= > >=), unary minus, parentheses, SUM and IF. Anything else
raises, so a formula outside the subset fails the test instead of being misread.
"""

from __future__ import annotations

import re
from decimal import Decimal

from openpyxl.utils import column_index_from_string, get_column_letter

TOKEN = re.compile(
    r"""\s*(?:
      (?P<number>\d+(?:\.\d+)?)
    | (?P<string>"[^"]*")
    | (?P<ref>(?:(?:'[^']+'|[A-Za-z_][\w ]*?)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)
    | (?P<func>[A-Z]+)\(
    | (?P<op><=|>=|<>|[-+*/^(),=<>])
    )""",
    re.VERBOSE,
)


class Workbook:
    def __init__(self, wb):
        self.wb = wb
        self.cache: dict[tuple[str, str], object] = {}

    def value(self, sheet: str, coordinate: str):
        key = (sheet, coordinate)
        if key not in self.cache:
            raw = self.wb[sheet][coordinate].value
            if isinstance(raw, str) and raw.startswith("="):
                self.cache[key] = Formula(raw[1:], sheet, self).evaluate()
            elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
                self.cache[key] = Decimal(str(raw))
            else:
                self.cache[key] = raw
        return self.cache[key]


class Formula:
    def __init__(self, text: str, sheet: str, book: Workbook):
        self.tokens, pos = [], 0
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError(f"cannot read {text[pos:]!r}")
            kind = m.lastgroup
            self.tokens.append((kind, m.group(kind)))
            pos = m.end()
        self.i, self.sheet, self.book = 0, sheet, book

    def evaluate(self):
        value = self.comparison()
        if self.i != len(self.tokens):
            raise ValueError(f"unexpected {self.tokens[self.i]}")
        return value

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self, expected=None):
        token = self.peek()
        if expected and token[1] != expected:
            raise ValueError(f"expected {expected}, got {token}")
        self.i += 1
        return token

    def comparison(self):
        left = self.additive()
        ops = {
            "=": "__eq__",
            "<>": "__ne__",
            "<": "__lt__",
            "<=": "__le__",
            ">": "__gt__",
            ">=": "__ge__",
        }
        while self.peek()[1] in ops:
            op = self.take()[1]
            left = getattr(left, ops[op])(self.additive())
        return left

    def additive(self):
        value = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            right = self.term()
            value = value + right if op == "+" else value - right
        return value

    def term(self):
        value = self.power()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            right = self.power()
            value = value * right if op == "*" else value / right
        return value

    def power(self):
        value = self.unary()
        while self.peek()[1] == "^":
            self.take()
            value = value ** self.unary()
        return value

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.unary()
        return self.atom()

    def atom(self):
        kind, text = self.take()
        if kind == "number":
            return Decimal(text)
        if kind == "string":
            return text[1:-1]
        if kind == "op" and text == "(":
            value = self.comparison()
            self.take(")")
            return value
        if kind == "ref":
            sheet, cells = self.split(text)
            if ":" in cells:
                raise ValueError("a range outside SUM")
            return self.book.value(sheet, cells)
        if kind == "func":
            return self.function(text)
        raise ValueError(f"unexpected {text!r}")

    def branch(self):
        # Both branches are read; only the chosen one may fail (IF(B2>0,B1/B2,"") with B2 = 0).
        start = self.i
        try:
            return self.comparison()
        except ArithmeticError as exc:
            depth, self.i = 0, start
            while not (depth == 0 and self.peek()[1] in (",", ")")):
                kind, text = self.take()
                depth += (kind == "func" or text == "(") - (text == ")")
            return exc

    def split(self, ref: str) -> tuple[str, str]:
        sheet, _, cells = ref.rpartition("!")
        return (sheet.strip("'") or self.sheet), cells.replace("$", "")

    def function(self, name: str):
        if name == "SUM":
            kind, text = self.take()
            if kind != "ref":
                raise ValueError("SUM takes one range")
            self.take(")")
            sheet, cells = self.split(text)
            first, _, last = cells.partition(":")
            return sum(
                (v for v in self.cells(sheet, first, last or first) if isinstance(v, Decimal)),
                Decimal(0),
            )
        if name == "IF":
            condition = self.comparison()
            self.take(",")
            yes = self.branch()
            self.take(",")
            no = self.branch()
            self.take(")")
            chosen = yes if condition else no
            if isinstance(chosen, ArithmeticError):
                raise chosen
            return chosen
        raise ValueError(f"function {name} is outside the subset")

    def cells(self, sheet, first, last):
        c1, r1 = re.match(r"([A-Z]+)(\d+)", first).groups()
        c2, r2 = re.match(r"([A-Z]+)(\d+)", last).groups()
        for col in range(column_index_from_string(c1), column_index_from_string(c2) + 1):
            for row in range(int(r1), int(r2) + 1):
                yield self.book.value(sheet, f"{get_column_letter(col)}{row}")
