"""Demo campaigns with fictitious answers from the demo municipalities (idempotent)."""

from __future__ import annotations

import random
import uuid
from datetime import date

from prevnet.network.models import Municipality, Person
from prevnet.questionnaires import builtin, schema, services
from prevnet.questionnaires.models import Campaign, Purpose, Submission, SubmissionStatus, Unit

DEMO_NAMESPACE = uuid.UUID("5d1f3c1e-6a7b-4e0f-9c55-000000000003")


def fictitious_answers(form: schema.Form, rng: random.Random) -> dict:
    """Plausible answers to every question of ``form``, honouring its rules."""
    answers: dict = {}
    for node in form.nodes:
        _fill(form, node, answers, rng)
    clean, _errors = schema.read_answers(form, answers, final=False)
    return clean


def _fill(form, node, answers, rng):
    if node.type == "group":
        for child in node.children:
            _fill(form, child, answers, rng)
    elif node.type == "repeat":
        answers[node.name] = []
        for _i in range(rng.randint(1, 3)):
            entry: dict = {}
            for child in node.children:
                _fill(form, child, entry, rng)
            answers[node.name].append(entry)
    elif node.type in ("select_one", "select_multiple"):
        names = [c.name for c in form.choices[node.list_name] if c.name != "other"]
        if node.type == "select_one":
            answers[node.name] = rng.choice(names)
        else:
            answers[node.name] = rng.sample(names, rng.randint(1, min(3, len(names))))
    elif node.type == "rating":
        low, high = node.rating_range()
        answers[node.name] = rng.randint(low, high)
    elif node.type == "integer":
        answers[node.name] = (
            rng.randint(1, 40) if "population" not in node.name else rng.randint(5000, 900000)
        )
    elif node.type == "decimal":
        answers[node.name] = round(rng.uniform(0.5, 12), 1)
    elif node.type == "date":
        answers[node.name] = f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-15"
    elif node.type in ("text", "long_text"):
        answers[node.name] = rng.choice(
            ["Demo answer.", "More training for front-line staff.", "A shared data platform."]
        )


def load() -> str:
    services.load_builtin()
    municipalities = list(Municipality.objects.filter(is_demo=True).order_by("pk"))
    people = list(Person.objects.filter(is_demo=True).order_by("pk"))
    made = 0
    plan = [
        (
            builtin.OUTCOME,
            Purpose.BASELINE,
            "Outcome questionnaire: baseline (demo)",
            date(2026, 1, 5),
            Unit.MUNICIPALITY,
        ),
        (
            builtin.OUTCOME,
            Purpose.YEAR_1,
            "Outcome questionnaire: year 1 (demo)",
            date(2026, 11, 1),
            Unit.MUNICIPALITY,
        ),
        (
            builtin.PROFILE,
            Purpose.BASELINE,
            "Municipal profile (demo)",
            date(2026, 1, 5),
            Unit.MUNICIPALITY,
        ),
        (
            builtin.ACTIVITY_IMPACT,
            Purpose.AFTER_ACTIVITY,
            "After the regional workshop (demo)",
            date(2026, 10, 1),
            Unit.PERSON,
        ),
    ]
    rng = random.Random(3)
    for slug, purpose, name, opens_on, unit in plan:
        campaign = Campaign.objects.filter(name=name, is_demo=True).first()
        if campaign is not None:
            continue
        version = services.latest_version(slug)
        campaign = services.open_campaign(
            version,
            purpose,
            opens_on=opens_on,
            closes_on=date(2027, 12, 31),
            name=name,
            municipalities=municipalities if unit == Unit.MUNICIPALITY else (),
            people=people if unit == Unit.PERSON else (),
            unit=unit,
        )
        Campaign.objects.filter(pk=campaign.pk).update(is_demo=True)
        form = services.form_of(version)
        # About three in four answer, so the response rate and the reminders have something to show.
        rows = []
        for invitation in campaign.invitations.select_related("person"):
            if rng.random() > 0.75:
                continue
            rows.append(
                Submission(
                    campaign=campaign,
                    version=version,
                    invitation=invitation,
                    municipality_id=invitation.municipality_id
                    or (invitation.person.municipality_id if invitation.person_id else None),
                    client_uuid=uuid.uuid5(DEMO_NAMESPACE, f"{campaign.pk}-{invitation.pk}"),
                    answers=fictitious_answers(form, rng),
                    status=SubmissionStatus.SUBMITTED,
                    submitted_at=campaign.created_at,
                    source="demo",
                )
            )
        Submission.objects.bulk_create(rows)
        made += 1
    return f"questionnaires: 3 questionnaires, {made} demo campaign(s) added"
