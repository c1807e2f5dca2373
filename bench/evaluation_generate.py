"""Generator of a full-size network for the evaluation benchmarks (or a demo of scale).

    from bench.evaluation_generate import generate
    generate(municipalities=5000, people=50000, activities=20000, submissions=200000)

Writes in bulk, in one transaction per part. Each part is a function in ``PARTS`` and returns a
one-line summary of what it made.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

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


# Outcome questionnaire campaigns: purpose, and the day its answers start coming in (relative
# to the programme's years), answers spread over the following 90 days.
OUTCOME_ROUNDS = [("baseline", 0, 0), ("year1", 1, -60), ("year2", 2, -60), ("year3", 3, -60)]


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    moment = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=rng.randrange(600))
    return moment.replace(tzinfo=dt.UTC)


def _outcome_answers(rng: random.Random) -> dict:
    uses = rng.choices(["yes", "no", "unknown"], [0.45, 0.45, 0.10])[0]
    answers = {"uses_ccss": uses}
    if uses == "yes":  # the question is shown only then
        answers["exchanges_ccss"] = rng.choices(["yes", "no", "unknown"], [0.5, 0.4, 0.1])[0]
    answers["has_preventive_programs"] = rng.choice(["yes", "no"])
    answers["preventive_program_count"] = rng.randrange(0, 8)
    answers["sensitized_count"] = rng.randrange(0, 40)
    answers["use_knowledge_base"] = rng.randint(1, 5)
    answers["use_safety_planning"] = rng.randint(1, 5)
    return answers


def _impact_answers(rng: random.Random, year: int) -> dict:
    answers = {
        "participant_role": rng.choice(["councillor", "official", "police", "practitioner"]),
        "strengthen_ccss": rng.randint(1, 5),
        "more_programs": rng.randint(1, 5),
        "sensitized": rng.randint(1, 5),
    }
    if rng.random() < 0.2:
        answers["suggestions"] = "Bench suggestion: more examples from small municipalities."
    if year >= 2:
        answers["attended_before"] = rng.choice(["yes", "no"])
    return answers


class _Writer:
    """Submissions written ``BATCH`` at a time, so that 200,000 never sit in memory at once."""

    def __init__(self) -> None:
        from prevnet.questionnaires.models import Submission

        self.model, self.rows, self.count = Submission, [], 0

    def add(self, **fields) -> None:
        fields.setdefault("created_at", fields.get("submitted_at") or dt.datetime.now(dt.UTC))
        fields["updated_at"] = fields["created_at"]
        self.rows.append(self.model(client_uuid=uuid.uuid4(), source="bench", **fields))
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        self.model.objects.bulk_create(self.rows)
        self.count += len(self.rows)
        self.rows = []


@transaction.atomic
def submissions(n: int, rng: random.Random) -> str:
    """Up to n submissions of the built-in questionnaires (no invitations: imported answers).

    First the outcome questionnaire, one submitted answer per municipality in each of four
    campaigns (baseline at the programme's start, then near the end of each programme year).
    Then the activity-impact questionnaire: one campaign per activity someone attended, its
    subject the activity, one submitted answer per attendee (the version of the activity's
    programme year), until n is reached. If the attendees are fewer than asked, the rest are
    drafts from people registered who did not come (invited, started, never submitted), so that
    the table holds n rows; the summary says how many of each."""
    from django.contrib.contenttypes.models import ContentType

    from prevnet.activities.models import Activity, Registration
    from prevnet.core.programme import year_bounds
    from prevnet.network.models import Municipality
    from prevnet.questionnaires import builtin
    from prevnet.questionnaires.models import (
        Campaign,
        Purpose,
        QuestionnaireVersion,
        SubmissionStatus,
        Unit,
    )
    from prevnet.questionnaires.versions import latest_version, load_builtin

    load_builtin()
    outcome = latest_version(builtin.OUTCOME)
    impact = {
        v.version: v
        for v in QuestionnaireVersion.objects.filter(questionnaire__slug=builtin.ACTIVITY_IMPACT)
    }
    places = list(Municipality.objects.order_by("pk").values_list("pk", flat=True))
    out = _Writer()
    outcome_made = 0
    for purpose, year, offset in OUTCOME_ROUNDS:
        if out.count + len(out.rows) + len(places) > n:
            break
        opens = (year_bounds(1)[0] if year == 0 else year_bounds(year)[1]) + dt.timedelta(offset)
        campaign = Campaign.objects.create(
            version=outcome,
            name=f"Bench outcome questionnaire: {purpose}",
            purpose=purpose,
            unit=Unit.MUNICIPALITY,
            opens_on=opens,
            closes_on=opens + dt.timedelta(90),
        )
        for pk in places:
            out.add(
                campaign=campaign,
                version=outcome,
                municipality_id=pk,
                answers=_outcome_answers(rng),
                status=SubmissionStatus.SUBMITTED,
                submitted_at=_at(_day(rng, opens, 90), rng),
            )
            outcome_made += 1
    activity_type = ContentType.objects.get_for_model(Activity)
    registrations = Registration.objects.order_by("activity_id", "pk").values_list(
        "activity_id",
        "activity__starts_on",
        "activity__programme_year",
        "attended",
        "person__municipality_id",
    )
    by_activity: dict[int, list] = {}
    for activity_id, day, year, came, place in registrations:
        by_activity.setdefault(activity_id, []).append((day, year or 1, came, place))
    left = n - outcome_made
    # Campaigns first (one per activity that had attendees), in bulk for their keys.
    campaigns = Campaign.objects.bulk_create(
        (
            Campaign(
                version=impact[f"year{rows[0][1]}"],
                name=f"Bench after activity {activity_id}",
                purpose=Purpose.AFTER_ACTIVITY,
                unit=Unit.PERSON,
                opens_on=rows[0][0],
                closes_on=rows[0][0] + dt.timedelta(30),
                subject_type=activity_type,
                subject_id=activity_id,
            )
            for activity_id, rows in by_activity.items()
            if any(came for _d, _y, came, _p in rows)
        ),
        batch_size=BATCH,
    )
    campaign_of = {c.subject_id: c for c in campaigns}
    answered = drafts = 0
    for wanted_attendance in (True, False):
        for activity_id, rows in by_activity.items():
            campaign = campaign_of.get(activity_id)
            if campaign is None:
                continue
            for day, year, came, place in rows:
                if came != wanted_attendance or answered + drafts >= left:
                    continue
                submitted = came
                out.add(
                    campaign=campaign,
                    version=campaign.version,
                    municipality_id=place,
                    answers=_impact_answers(rng, year),
                    status=SubmissionStatus.SUBMITTED if submitted else SubmissionStatus.DRAFT,
                    submitted_at=_at(day + dt.timedelta(rng.randrange(14)), rng)
                    if submitted
                    else None,
                )
                answered += submitted
                drafts += not submitted
    out.flush()
    return (
        f"{out.count} submissions: {outcome_made} outcome ({len(OUTCOME_ROUNDS)} campaigns),"
        f" {answered} activity-impact submitted and {drafts} drafts ({len(campaigns)} campaigns)"
    )


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
