"""Generator of a full-size network for the evaluation benchmarks (or a demo of scale).

    from bench.evaluation_generate import generate
    generate(municipalities=5000, people=50000, activities=20000, submissions=200000)

Writes in bulk, in one transaction per part. Each part is a function in ``PARTS``; a part whose
app has no models yet on this branch (activities, questionnaire submissions, built on other
branches) reports that it was skipped, so the benchmark still runs. After the merge, fill in
``activities()`` and ``submissions()`` with the real models (same signature).
"""

from __future__ import annotations

import datetime as dt
import random

from django.apps import apps
from django.db import transaction

BATCH = 2000


def _day(rng: random.Random, start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


@transaction.atomic
def municipalities(n: int, rng: random.Random) -> str:
    from prevnet.network.models import EngagementEvent, Municipality, Province
    from prevnet.programs.models import Funding, MunicipalProgram

    provinces = list(Province.objects.all())
    Municipality.objects.bulk_create(
        (
            Municipality(
                name=f"Bench municipality {i:05d}",
                province=provinces[i % len(provinces)],
                csd_code=f"{provinces[i % len(provinces)].sgc_code}{90000 + i % 10000:05d}"[:7],
                population=1000 + i,
                membership_status="member" if i % 3 else "prospective",
            )
            for i in range(n)
        ),
        batch_size=BATCH,
    )
    ids = list(Municipality.objects.order_by("pk").values_list("pk", flat=True))[-n:]
    start = dt.date(2018, 1, 1)
    events = []
    for pk in ids:
        if rng.random() < 0.4:
            events.append(
                EngagementEvent(municipality_id=pk, kind="ccss", started_on=_day(rng, start, 3000))
            )
        if rng.random() < 0.3:
            ended = _day(rng, dt.date(2024, 1, 1), 1500) if rng.random() < 0.2 else None
            events.append(
                EngagementEvent(
                    municipality_id=pk,
                    kind="exchanging",
                    started_on=_day(rng, start, 2500),
                    ended_on=ended,
                )
            )
    EngagementEvent.objects.bulk_create(events, batch_size=BATCH)
    programs = [
        MunicipalProgram(
            municipality_id=rng.choice(ids),
            name=f"Bench program {i}",
            started_on=_day(rng, dt.date(2022, 1, 1), 2200),
            fostered_by_programme=rng.random() < 0.5,
            is_mainstreamed=rng.random() < 0.2,
        )
        for i in range(n)
    ]
    MunicipalProgram.objects.bulk_create(programs, batch_size=BATCH)
    Funding.objects.bulk_create(
        (
            Funding(program=p, funder_type="municipal", amount=rng.randrange(1000, 500000))
            for p in programs
        ),
        batch_size=BATCH,
    )
    return f"{n} municipalities, {len(events)} engagement events, {n} programs with fundings"


@transaction.atomic
def people(n: int, rng: random.Random) -> str:
    from prevnet.network.models import Municipality, Person, PositionType

    ids = list(Municipality.objects.values_list("pk", flat=True))
    positions = PositionType.values
    Person.objects.bulk_create(
        (
            Person(
                first_name=f"Bench{i}",
                last_name="Person",
                email=f"bench{i}@example.org",
                municipality_id=rng.choice(ids),
                position_type=rng.choice(positions),
            )
            for i in range(n)
        ),
        batch_size=BATCH,
    )
    return f"{n} people"


def _has_models(app_label: str) -> bool:
    return bool(list(apps.get_app_config(app_label).get_models()))


def activities(n: int, rng: random.Random) -> str:
    # Activities (workshops, trainings, exchanges, attendance, assessments) are built on the
    # Activities branch. After the merge: bulk-create n activities with attendance here.
    if not _has_models("activities"):
        return f"activities skipped ({n} asked): the activities app has no models on this branch"
    raise NotImplementedError("write the activities generator after the merge")


def submissions(n: int, rng: random.Random) -> str:
    # Questionnaire submissions come with the Questionnaires branch; same as above.
    if not _has_models("questionnaires"):
        return (
            f"submissions skipped ({n} asked): the questionnaires app has no models on this branch"
        )
    raise NotImplementedError("write the submissions generator after the merge")


PARTS = [
    ("municipalities", municipalities),
    ("people", people),
    ("activities", activities),
    ("submissions", submissions),
]


def generate(*, seed: int = 6, **sizes: int) -> list[str]:
    """Generate every part with the given sizes (e.g. municipalities=5000); return one line each."""
    rng = random.Random(seed)
    return [fn(sizes[name], rng) for name, fn in PARTS if sizes.get(name)]
