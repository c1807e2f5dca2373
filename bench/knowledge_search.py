"""Benchmark: knowledge-base search with facets over 5,000 generated programs.

    .venv/bin/python bench/knowledge_search.py [--programs 5000] [--runs 7]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/prevnet_bench_kb \
        .venv/bin/python bench/knowledge_search.py

Times, for several searches (no words, one English word, French words, words plus facets):
the service (matching query and every facet count, evaluated) and the whole page through the
test client (access, search, facets, 20 results with their badges and examples, template).
Uses a throw-away SQLite database under var/bench/ unless DATABASE_URL names a scratch database
(it is migrated, and its programs replaced).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prevnet.settings")
if "DATABASE_URL" not in os.environ:
    bench_db = ROOT / "var" / "bench" / "knowledge.sqlite3"
    bench_db.parent.mkdir(parents=True, exist_ok=True)
    bench_db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{bench_db}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from prevnet.knowledge import search as kb_search  # noqa: E402
from prevnet.knowledge.models import (  # noqa: E402
    STRENGTH_RANK,
    CanadianExample,
    EvidenceRating,
    Program,
    Topic,
)
from prevnet.knowledge.seed_programs import PROGRAMS  # noqa: E402
from prevnet.knowledge.services import fold  # noqa: E402
from prevnet.knowledge.vocabulary import AgeGroup, Approach, CswbLevel, RiskLevel, Setting  # noqa: E402

SEARCHES = [
    ("no words", "", {}),
    ("'gang'", "gang", {}),
    ("'violence'", "violence", {}),
    ("French 'dissuasion ciblée'", "dissuasion ciblée", {}),
    ("'violence' + setting + topic", "violence", {"setting": "community", "topic": "inner-cities"}),
    ("no words + 3 facets", "", {"age": "youth", "cswb": "prevention", "canadian": "yes"}),
]


def _some(rng, vocab, most=3):
    return rng.sample(list(vocab.values), rng.randint(1, most))


def generate(count: int) -> None:
    rng = random.Random(4)
    Program.objects.all().delete()
    topics = list(Topic.objects.all())
    programs = []
    for i in range(count):
        template = PROGRAMS[i % len(PROGRAMS)]
        en = f"{template['name_en']} {i}"
        fr = f"{template['name_fr']} {i}"
        programs.append(
            Program(
                slug=f"bench-{i}", name_en=en, name_fr=fr, status="published",
                summary_en=template["summary_en"], summary_fr=template["summary_fr"],
                age_groups=_some(rng, AgeGroup), risk_levels=_some(rng, RiskLevel, 2),
                settings=_some(rng, Setting), cswb_levels=_some(rng, CswbLevel, 2),
                approaches=_some(rng, Approach), has_canadian_example=rng.random() < 0.3,
                cost_per_participant=Decimal(rng.randint(50, 9000)) if rng.random() < .7 else None,
                cost_currency="CAD", cost_year=2020,
                strength=(strength := rng.choice(["not_rated"] * 5 + ["promising", "supported"])),
                evidence_rank=STRENGTH_RANK[strength],
                search_en=fold(f"{en} {template['summary_en']}"),
                search_fr=fold(f"{fr} {template['summary_fr']}"),
            )
        )  # fmt: skip
    Program.objects.bulk_create(programs, batch_size=500)
    through = Program.topics.through
    links = [
        through(program_id=p.pk, topic_id=t.pk)
        for p in Program.objects.only("pk")
        for t in rng.sample(topics, 2)
    ]
    through.objects.bulk_create(links, batch_size=2000)
    examples, ratings = [], []
    for p in Program.objects.filter(has_canadian_example=True).only("pk"):
        examples.append(CanadianExample(program_id=p.pk, place="Winnipeg, Manitoba"))
        ratings.append(
            EvidenceRating(program_id=p.pk, source="blueprints", level="promising", url="https://x")
        )
    CanadianExample.objects.bulk_create(examples, batch_size=1000)
    EvidenceRating.objects.bulk_create(ratings, batch_size=1000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE knowledge_program")


def timed(fn, runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU time of this process (ms). On a shared machine the CPU
    time shows the work itself; on SQLite it includes the database's, on PostgreSQL not."""
    fn()  # warm caches (templates, translations, database pages)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["*"]
    start = time.perf_counter()
    generate(args.programs)
    took = time.perf_counter() - start
    print(f"{connection.vendor}: generated {Program.objects.count()} programs in {took:.1f} s")
    client = Client()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; medians, ms")
    print(f"{'search':34} {'service wall/CPU':>18} {'page wall/CPU':>18} {'results':>8}")
    for label, query, chosen in SEARCHES:

        def service(query=query, chosen=chosen):
            result = kb_search.search(Program.objects.all(), query, chosen)
            list(result.programs[:20])
            return result

        def page(query=query, chosen=chosen):
            response = client.get("/en/knowledge/", {"q": query, **chosen})
            assert response.status_code == 200, response.status_code

        count = service().programs.count()
        s_wall, s_cpu = timed(service, args.runs)
        p_wall, p_cpu = timed(page, args.runs)
        print(f"{label:34} {s_wall:8.1f} / {s_cpu:6.1f}  {p_wall:8.1f} / {p_cpu:6.1f}  {count:8}")


if __name__ == "__main__":
    main()
