"""Benchmark: answers to the outcome questionnaire at the scale of a national network.

    .venv/bin/python bench/questionnaires_answers.py [--submissions 2000]

Times recording submissions one by one through the service (the server's checks included),
the campaign's per-question summaries, the CSV export, and the expression evaluator alone, on a
throw-away SQLite database under var/bench/ (or DATABASE_URL when set to a scratch PostgreSQL
database). Prints medians of 5 runs for the reads.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prevnet.settings")
if "DATABASE_URL" not in os.environ:
    bench_db = ROOT / "var" / "bench" / "questionnaires.sqlite3"
    bench_db.parent.mkdir(parents=True, exist_ok=True)
    bench_db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{bench_db}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from prevnet.network.models import Municipality, Province  # noqa: E402
from prevnet.questionnaires import builtin, expressions, results, services  # noqa: E402
from prevnet.questionnaires.demo import fictitious_answers  # noqa: E402


def median_ms(fn, runs=5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=2000)
    n = parser.parse_args().submissions
    call_command("migrate", verbosity=0)
    services.load_builtin()
    province = Province.objects.get(abbreviation="ON")
    Municipality.objects.filter(name__startswith="Bench ").delete()  # a previous run's
    places = Municipality.objects.bulk_create(
        Municipality(name=f"Bench {i}", province=province, csd_code=f"359{i:04d}") for i in range(n)
    )
    version = services.latest_version(builtin.OUTCOME)
    campaign = services.open_campaign(
        version,
        "year1",
        opens_on=date(2000, 1, 1),
        closes_on=date(2100, 1, 1),
        municipalities=places,
    )
    form = services.form_of(version)
    rng = random.Random(1)
    invitations = list(campaign.invitations.all())
    answers = [fictitious_answers(form, rng) for _ in invitations]
    start = time.perf_counter()
    for invitation, given in zip(invitations, answers, strict=True):
        services.record_answers(invitation, given, final=True)
    recorded = time.perf_counter() - start
    print(
        f"record {n} submissions one by one: {recorded:.2f} s ({recorded / n * 1000:.1f} ms each)"
    )
    print(f"response rate: {median_ms(lambda: results.response_rate(campaign)):.0f} ms")
    print(f"per-question summaries: {median_ms(lambda: results.summarize(campaign)):.0f} ms")

    def export():
        headers, rows = results.export_table(results.submitted(campaign))
        for _row in rows:
            pass

    print(f"CSV export rows ({n}): {median_ms(export):.0f} ms")
    context = {"a": 3, "b": ["x", "y"], "c": "yes"}
    text = "${a} > 2 and selected(${b}, 'y') and not(${c} = 'no') or count-selected(${b}) >= 3"

    def evaluate_many():
        for _ in range(10_000):
            expressions.evaluate(text, context)

    print(f"10,000 evaluations of a relevance expression: {median_ms(evaluate_many):.0f} ms")


if __name__ == "__main__":
    main()
