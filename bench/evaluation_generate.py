"""Generator of a full-size network for the evaluation benchmarks (or a demo of scale).

    from bench.evaluation_generate import generate
    generate(municipalities=5000, people=50000, activities=20000, submissions=200000)

Writes in bulk, in one transaction per part. Each part is a function in ``PARTS``; a part whose
app has no models yet on this branch (questionnaire submissions, built on another branch)
reports that it was skipped, so the benchmark still runs. After that merge, fill in
``submissions()`` with the real models (same signature).
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


# Shares of each kind of activity, and people registered per activity (about 10 on average).
KINDS = [
    ("workshop", 0.40),
    ("training", 0.20),
    ("exchange", 0.15),
    ("coaching", 0.10),
    ("municipal_meeting", 0.10),
    ("committee", 0.05),
]
EXCHANGE_STATUSES = ["proposed", "approved", "visit_done", "return_done", "reported"]


@transaction.atomic
def activities(n: int, rng: random.Random) -> str:
    """n activities from 2024 to the programme's end, with about 10 registrations each (80 %
    attended), assessment results for those who attended a training (70 % pass), an exchange
    record for each exchange and the municipality coached for each direct coaching."""
    from prevnet.activities.models import (
        Activity,
        Assessment,
        AssessmentResult,
        Exchange,
        Registration,
        TrainingModule,
    )
    from prevnet.core.programme import year_of
    from prevnet.network.models import Municipality, Person, Region

    places = list(Municipality.objects.values_list("pk", flat=True))
    people = list(Person.objects.values_list("pk", flat=True))
    regions = list(Region.objects.values_list("pk", flat=True))
    modules = [
        TrainingModule.objects.get_or_create(subject=s)[0]
        for s in ("evaluation", "mobilization", "planning")
    ]
    assessments = {
        m.pk: Assessment.objects.get_or_create(module=m, defaults={"kind": "quiz"})[0]
        for m in modules
    }
    kinds = [k for k, _share in KINDS]
    weights = [share for _k, share in KINDS]
    rows = []
    for i in range(n):
        kind = rng.choices(kinds, weights)[0]
        day = _day(rng, dt.date(2024, 1, 1), 1550)
        module = rng.choice(modules) if kind == "training" else None
        rows.append(
            Activity(
                type=kind,
                title=f"Bench {kind} {i}",
                starts_on=day,
                programme_year=year_of(day),  # save() is bypassed by bulk_create
                place_id=rng.choice(places),
                region_id=rng.choice(regions),
                module=module,
                coached_municipality_id=rng.choice(places) if kind == "coaching" else None,
                published=rng.random() < 0.9,
            )
        )
    created = Activity.objects.bulk_create(rows, batch_size=BATCH)
    registrations, results, exchanges = [], [], []
    for act in created:
        for person in rng.sample(people, rng.randrange(3, 18)):
            came = rng.random() < 0.8
            registrations.append(Registration(activity_id=act.pk, person_id=person, attended=came))
            if came and act.type == "training":
                passed = rng.random() < 0.7
                results.append(
                    AssessmentResult(
                        assessment=assessments[act.module_id],
                        person_id=person,
                        activity_id=act.pk,
                        score=85 if passed else 40,
                        passed=passed,
                        taken_on=act.starts_on,
                    )
                )
        if act.type == "exchange":
            visiting, host = rng.sample(places, 2)
            exchanges.append(
                Exchange(
                    activity_id=act.pk,
                    visiting_id=visiting,
                    host_id=host,
                    status=rng.choice(EXCHANGE_STATUSES),
                    learned="Bench lessons",
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    AssessmentResult.objects.bulk_create(results, batch_size=BATCH)
    Exchange.objects.bulk_create(exchanges, batch_size=BATCH)
    return (
        f"{n} activities, {len(registrations)} registrations, {len(results)} assessment results,"
        f" {len(exchanges)} exchanges"
    )


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
