"""Benchmark: peer matching of one municipality among 5,000 generated ones.

    .venv/bin/python bench/activities_matching.py [--municipalities 5000] [--runs 7]

Generates the network on a throw-away SQLite database under var/bench/ (or DATABASE_URL when
set to a scratch PostgreSQL database): municipalities across every province with coordinates
and populations, two programs on average each linked to rated knowledge-base programs with
topics, CCSS engagement for a third, 300 past exchanges, and the seeker's topics of interest.
Times separately: reading the network (load_network), ranking it (rank, pure Python), and the
whole of ``matches_for`` as the page calls it, once reading the network (first request, or
after an edit) and once reusing it (nothing changed). Prints medians and maxima.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
    bench_db = ROOT / "var" / "bench" / "matching.sqlite3"
    bench_db.parent.mkdir(parents=True, exist_ok=True)
    bench_db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{bench_db}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from prevnet.activities import matching  # noqa: E402
from prevnet.activities.models import Activity, Exchange, LearningProfile  # noqa: E402
from prevnet.knowledge.models import EvidenceStrength, Program, Topic  # noqa: E402
from prevnet.network.models import EngagementEvent, Municipality, Province  # noqa: E402
from prevnet.programs.models import MunicipalProgram  # noqa: E402


@transaction.atomic
def generate(n: int) -> int:
    rng = random.Random(5)
    provinces = list(Province.objects.all())
    topics = list(Topic.objects.all())
    strengths = [s.value for s in EvidenceStrength]
    programs = []
    for i in range(60):
        p = Program.objects.create(
            slug=f"bench-{i}",
            name_en=f"Program {i}",
            name_fr=f"Programme {i}",
            strength=rng.choice(strengths),
        )
        p.topics.add(*rng.sample(topics, 2))
        programs.append(p)
    counters = {p.pk: 0 for p in provinces}
    munis = []
    for i in range(n):
        prov = rng.choice(provinces)
        counters[prov.pk] += 1
        munis.append(
            Municipality(
                name=f"Town {i}",
                province=prov,
                csd_code=f"{prov.sgc_code}{counters[prov.pk]:05d}",
                population=int(10 ** rng.uniform(3, 6.3)),
                latitude=Decimal(f"{rng.uniform(42.5, 60):.5f}"),
                longitude=Decimal(f"{rng.uniform(-130, -55):.5f}"),
            )
        )
    munis = Municipality.objects.bulk_create(munis)
    mps = [
        MunicipalProgram(municipality=m, name="p", knowledge_program=rng.choice(programs))
        for m in munis
        for _k in range(rng.randint(0, 4))
    ]
    MunicipalProgram.objects.bulk_create(mps, batch_size=2000)
    EngagementEvent.objects.bulk_create(
        [
            EngagementEvent(municipality=m, kind="ccss", started_on=dt.date(2020, 1, 1))
            for m in munis
            if rng.random() < 0.33
        ],
        batch_size=2000,
    )
    for _i in range(300):
        host, visitor = rng.sample(munis, 2)
        act = Activity.objects.create(
            type="exchange", title="x", starts_on=dt.date(2025, 6, 1), place=host
        )
        Exchange.objects.create(activity=act, visiting=visitor, host=host, status="reported")
    seeker = munis[0]
    profile = LearningProfile.objects.create(municipality=seeker)
    profile.topics.add(*topics[:2])
    return seeker.pk


def timed(fn, runs: int) -> tuple[float, float, float, object]:
    """Median and maximum wall time, and median CPU time of this process (the machine is
    shared: the CPU time says what the work costs, the wall time what a user waited)."""
    times, cpu, result = [], [], None
    for _i in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), max(times), statistics.median(cpu), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--municipalities", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    seeker = generate(args.municipalities)
    counts = (Municipality.objects.count(), MunicipalProgram.objects.count())
    print("{} municipalities, {} programs".format(*counts))
    load_med, load_max, load_cpu, places = timed(matching.load_network, args.runs)
    interests = matching.interests_of(seeker)
    partners = matching.past_partners(seeker)
    rank_med, rank_max, rank_cpu, _r = timed(
        lambda: matching.rank(
            places[seeker], places.values(), interests=interests, past_partners=partners
        ),
        args.runs,
    )

    def cold():
        matching._snapshot.clear()  # as the first request of a process, or after an edit
        return matching.matches_for(seeker)

    all_med, all_max, all_cpu, best = timed(cold, args.runs)
    matching.matches_for(seeker)
    warm_med, warm_max, warm_cpu, _w = timed(lambda: matching.matches_for(seeker), args.runs)
    line = "{:<34} median {:6.1f} ms  max {:6.1f} ms  CPU median {:6.1f} ms"
    print(line.format("load_network (collector running)", load_med, load_max, load_cpu))
    print(line.format("rank, pure Python", rank_med, rank_max, rank_cpu))
    print(line.format("matches_for, network read", all_med, all_max, all_cpu))
    print(line.format("matches_for, network unchanged", warm_med, warm_max, warm_cpu))
    print("best:", best[0].place.name, "|", "; ".join(best[0].reasons))


if __name__ == "__main__":
    main()
