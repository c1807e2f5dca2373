"""Load the seed's programs and practices (manage.py load_knowledge_base); idempotent by slug."""

from __future__ import annotations

from django.db import transaction

from prevnet.knowledge import services
from prevnet.knowledge.models import (
    CanadianExample,
    EconomicFigure,
    EvidenceRating,
    Practice,
    Program,
    RiskFactor,
    Study,
    Topic,
)
from prevnet.knowledge.seed_practices import PRACTICES
from prevnet.knowledge.seed_programs import PROGRAMS
from prevnet.knowledge.vocabulary import Status
from prevnet.network.models import Municipality

RELATED = ("topics", "risk_factors", "practices", "examples", "ratings", "studies", "economics")


def _municipality(name: str | None):
    if not name:
        return None
    return Municipality.objects.filter(name__iexact=name).order_by("pk").first()


@transaction.atomic
def load() -> str:
    for data in PRACTICES:
        data = dict(data)
        topics = data.pop("topics", [])
        practice, _ = Practice.objects.update_or_create(
            slug=data.pop("slug"), defaults={**data, "status": Status.PUBLISHED}
        )
        practice.topics.set(Topic.objects.filter(slug__in=topics))
    for data in PROGRAMS:
        data = dict(data)
        links = {key: data.pop(key, []) for key in RELATED}
        program = Program.objects.filter(slug=data["slug"]).first() or Program(slug=data["slug"])
        for key, value in data.items():
            setattr(program, key, value)
        program.status = Status.PUBLISHED
        services.save_program(program, reason="load_knowledge_base")
        program.topics.set(Topic.objects.filter(slug__in=links["topics"]))
        program.risk_factors.set(RiskFactor.objects.filter(slug__in=links["risk_factors"]))
        program.practices.set(Practice.objects.filter(slug__in=links["practices"]))
        # Child records are the seed's own: replaced wholesale so a re-run never duplicates.
        program.canadian_examples.all().delete()
        for example in links["examples"]:
            example = dict(example)
            municipality = _municipality(example.pop("municipality", None))
            CanadianExample.objects.create(program=program, municipality=municipality, **example)
        program.ratings.all().delete()
        for rating in links["ratings"]:
            EvidenceRating.objects.create(program=program, **rating)
        program.studies.all().delete()
        for study in links["studies"]:
            Study.objects.create(program=program, **study)
        program.economics.all().delete()
        for figure in links["economics"]:
            EconomicFigure.objects.create(program=program, **figure)
        services.recompute_strength(program)
    rated = Program.objects.exclude(strength="not_rated").count()
    return f"Knowledge base: {len(PROGRAMS)} programs ({rated} rated), {len(PRACTICES)} practices."
