"""Demo activities: two workshops, a training session with its assessment and a certificate,
an exchange with its report, direct coaching and a Municipal Meeting. Fictitious, marked
``is_demo``; loading twice changes nothing (certificate codes are kept once issued)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from prevnet.activities.models import (
    Activity,
    Assessment,
    AssessmentResult,
    Certificate,
    CertificateKind,
    DelegationMember,
    Exchange,
    FollowUpAction,
    LearningProfile,
    Question,
    Registration,
    TrainingModule,
)
from prevnet.core.programme import year_bounds
from prevnet.knowledge.models import Topic
from prevnet.network.models import Municipality, Person

OTTAWA, EDMONTON, WINNIPEG, PRINCE_ALBERT, GATINEAU = (
    "3506008",
    "4811061",
    "4611040",
    "4715066",
    "2481017",
)
QUESTIONS = [
    (
        "What comes first in planning community safety?",
        "Qu'est-ce qui vient en premier dans la planification de la sécurité communautaire?",
        "A local safety diagnosis | Un diagnostic local de sécurité\n"
        "Buying cameras | Acheter des caméras\nHiring officers | Embaucher des policiers",
        1,
    ),
    (
        "Who belongs in a CCSS partnership?",
        "Qui fait partie d'un partenariat de SGSC?",
        "Police only | La police seulement\n"
        "Health, schools, housing, police and community | Santé, écoles, logement, police et "
        "communauté",
        2,
    ),
]


def _email(first: str, last: str) -> str:
    return f"{first}.{last}".lower().replace("é", "e").replace("è", "e") + "@example.org"


def _activity(title: str, **fields) -> Activity:
    activity = Activity.objects.filter(title=title, is_demo=True).first()
    if activity is None:
        activity = Activity(title=title, is_demo=True, **fields)
        activity.full_clean()
        activity.save()
    return activity


@transaction.atomic
def load() -> str:
    places = {m.csd_code: m for m in Municipality.objects.filter(is_demo=True)}
    if OTTAWA not in places:
        return "activities: no demo network, nothing loaded"
    people = {p.email: p for p in Person.objects.filter(is_demo=True)}
    ottawa_coord = people.get(_email("Demo", "Coordinator-Ottawa"))
    councillor = people.get(_email("Démo", "Conseillère-Ottawa"))
    inspector = people.get(_email("Demo", "Inspector-Ottawa"))
    winnipeg = people.get(_email("Demo", "Councillor-Winnipeg"))
    participant = people.get(_email("Demo", "Participant"))
    elder = people.get(_email("Demo", "Elder-PrinceAlbert"))
    start, _end = year_bounds(1)
    ottawa = places[OTTAWA]
    workshop_1 = _activity(
        "Regional workshop: evidence-based crime prevention (Ottawa)",
        type="workshop",
        starts_on=start + dt.timedelta(days=200),
        place=ottawa,
        region=ottawa.province.region,
        language="bilingual",
        organizers="NMN, IPC",
    )
    workshop_2 = _activity(
        "Regional workshop: youth and gang violence (Winnipeg)",
        type="workshop",
        starts_on=start + dt.timedelta(days=230),
        place=places[WINNIPEG],
        region=places[WINNIPEG].province.region,
        organizers="NMN",
    )
    planning, _c = TrainingModule.objects.get_or_create(subject="planning")
    training = _activity(
        "Training: planning community safety",
        type="training",
        module=planning,
        starts_on=start + dt.timedelta(days=300),
        online=True,
        organizers="IPC",
    )
    assessment, created = Assessment.objects.get_or_create(
        module=planning, defaults={"kind": "quiz", "pass_mark": 70}
    )
    if created:
        for order, (en, fr, choices, correct) in enumerate(QUESTIONS):
            Question.objects.create(
                assessment=assessment,
                text_en=en,
                text_fr=fr,
                choices=choices,
                correct=correct,
                order=order,
            )
    for activity, who in (
        (workshop_1, [ottawa_coord, councillor, inspector, participant]),
        (workshop_2, [winnipeg, participant, ottawa_coord]),
        (training, [ottawa_coord, participant]),
    ):
        for person in filter(None, who):
            Registration.objects.get_or_create(
                activity=activity, person=person, defaults={"attended": True}
            )
    if ottawa_coord and not AssessmentResult.objects.filter(person=ottawa_coord).exists():
        result = AssessmentResult.objects.create(
            assessment=assessment,
            person=ottawa_coord,
            activity=training,
            score=100,
            passed=True,
            answers={"demo": True},
            taken_on=training.starts_on,
        )
        Certificate.objects.create(
            kind=CertificateKind.TRAINED,
            person=ottawa_coord,
            activity=training,
            module=planning,
            result=result,
            issued_on=training.starts_on,
        )
    visit = _activity(
        "Exchange: Prince Albert learns from Edmonton",
        type="exchange",
        starts_on=start + dt.timedelta(days=160),
        place=places[EDMONTON],
        region=places[EDMONTON].province.region,
    )
    exchange, created = Exchange.objects.get_or_create(
        activity=visit,
        defaults={
            "visiting": places[PRINCE_ALBERT],
            "host": places[EDMONTON],
            "return_visit_on": start + dt.timedelta(days=220),
            "learning_goals": "How REACH Edmonton coordinates partners across sectors.",
            "agenda": "Day 1: REACH Edmonton. Day 2: police and schools.",
            "status": "reported",
            "learned": "A coordinating body with a small staff keeps partners working together.",
            "to_apply": "Set up a community safety table with the school division.",
        },
    )
    if created:
        if elder:
            DelegationMember.objects.create(
                exchange=exchange, person=elder, role="community_leader"
            )
        FollowUpAction.objects.create(
            exchange=exchange,
            action="Draft the terms of reference of the safety table",
            owner="City of Prince Albert",
            due_on=start + dt.timedelta(days=280),
        )
    if GATINEAU in places:
        _activity(
            "Direct coaching: Gatineau",
            type="coaching",
            starts_on=start + dt.timedelta(days=400),
            place=places[GATINEAU],
            coached_municipality=places[GATINEAU],
            region=places[GATINEAU].province.region,
            language="fr",
        )
    _activity(
        "Municipal Meeting 2",
        type="municipal_meeting",
        starts_on=start + dt.timedelta(days=350),
        online=True,
        language="bilingual",
    )
    profile, _c = LearningProfile.objects.get_or_create(
        municipality=ottawa, defaults={"needs": "Youth violence in a few neighbourhoods."}
    )
    profile.topics.add(*Topic.objects.filter(slug__in=["youth-gang-violence"]))
    return f"activities: {Activity.objects.filter(is_demo=True).count()} demo activities"
