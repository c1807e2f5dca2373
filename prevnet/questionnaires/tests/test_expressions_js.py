"""The browser's evaluator (static/questionnaires/expressions.js) agrees with the server's.

Node runs the static file on the same expressions and answers as expressions.py: fixed cases
and a few hundred random ones from a seeded generator. Skipped where node is not installed.
"""

import json
import math
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from prevnet.questionnaires.expressions import ExpressionError, evaluate

JS = Path(__file__).resolve().parents[1] / "static" / "questionnaires" / "expressions.js"
NODE = shutil.which("node")
HARNESS = """
const fs = require("fs");
global.window = {};
eval(fs.readFileSync(process.argv[1], "utf8"));  // the static file, as the browser loads it
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const out = cases.map(([text, answers, current]) => {
  try {
    const v = window.PrevnetExpressions.evaluate(text, (n) => answers[n] ?? "", current);
    return typeof v === "number" && isNaN(v) ? "NaN" : v;
  } catch (e) { return "ERROR"; }
});
process.stdout.write(JSON.stringify(out));
"""
ANSWERS = {"a": 3, "b": ["x", "y"], "c": "yes", "d": "", "e": 2.5, "f": "2026-01-05"}
FIXED = [
    "${a} > 2 and selected(${b}, 'y')",
    "count-selected(${b}) + string-length(${c})",
    "not(${d} = '') or ${e} * 2 = 5",
    "${f} >= '2026-01-01'",
    "if(${a} = 3, 'three', 'other')",
    "${d} < 1",
    "7 mod 3 - -1",
    "1 div 0",
    ". >= 0 and . <= 10",
    "concat(${c}, '-', ${a})",
    "number('12') + 1",
    "${a} = '3'",
    "true() != false()",
    "1 < 2 < 3",
    "selected(${b})",
    "(1",
]
PIECES = [
    "${a}",
    "${b}",
    "${c}",
    "${d}",
    "${e}",
    ".",
    "1",
    "0",
    "2.5",
    "'x'",
    "'yes'",
    "and",
    "or",
    "not(",
    "selected(",
    "count-selected(",
    "string-length(",
    "(",
    ")",
    ",",
    "=",
    "!=",
    "<",
    ">=",
    "+",
    "-",
    "*",
    "div",
    "mod",
]


ATOMS = ["${a}", "${b}", "${c}", "${d}", "${e}", "${f}", ".", "1", "0", "2.5", "'x'", "'yes'"]
OPS = ["and", "or", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod"]


def _grammatical(rng, depth=0) -> str:
    """A random expression that parses: atoms, operators, calls, brackets."""
    pick = rng.random() if depth < 4 else 0
    if pick < 0.35:
        return rng.choice(ATOMS)
    if pick < 0.7:
        op = rng.choice(OPS)
        return f"{_grammatical(rng, depth + 1)} {op} {_grammatical(rng, depth + 1)}".replace(
            "= 1 =", "= 1 and"
        )
    if pick < 0.8:
        return f"({_grammatical(rng, depth + 1)})"
    name = rng.choice(["not", "count-selected", "string-length", "selected", "if", "-"])
    if name == "selected":
        return f"selected({_grammatical(rng, depth + 1)}, {rng.choice(ATOMS)})"
    if name == "if":
        parts = ", ".join(_grammatical(rng, depth + 1) for _ in range(3))
        return f"if({parts})"
    if name == "-":
        return f"-{_grammatical(rng, depth + 1)}"
    return f"{name}({_grammatical(rng, depth + 1)})"


def _python(text, answers, current):
    try:
        value = evaluate(text, answers, current)
    except ExpressionError:
        return "ERROR"
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    return value


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_browser_and_server_evaluate_alike():
    rng = random.Random(7)
    texts = FIXED + [
        " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 9))) for _ in range(300)
    ]
    texts += [_grammatical(rng) for _ in range(500)]
    cases = [[t, ANSWERS, 5] for t in texts]
    run = subprocess.run(
        [NODE, "-e", HARNESS, str(JS)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    browser = json.loads(run.stdout)
    server = [_python(t, ANSWERS, 5) for t in texts]
    differ = [(t, s, b) for t, s, b in zip(texts, server, browser, strict=True) if s != b]
    assert not differ, differ[:10]
    assert sum(v != "ERROR" for v in server) > 300  # the grammatical ones mostly evaluate
