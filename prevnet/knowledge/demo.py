"""Demo data: the seed's knowledge base and one published brief (called by load_demo)."""

from __future__ import annotations

from django.utils import timezone

from prevnet.knowledge import seed
from prevnet.knowledge.models import Brief, BriefSeries, Program, Topic
from prevnet.knowledge.vocabulary import Status

BRIEF_EN = """Youth and gang violence is concentrated: a few people, places and hours.

## What the evidence says

- **Focused deterrence** and **violence interruption** reach those at highest risk.
- Early childhood and school programs reduce the risk years later.

Read the programs below, then talk to a city that runs one.
"""
BRIEF_FR = """La violence chez les jeunes et les gangs est concentrée :
peu de personnes, de lieux et d'heures.

## Ce que disent les données probantes

- La **dissuasion ciblée** et l'**interruption de la violence** rejoignent les plus à risque.
- Les programmes pour la petite enfance et à l'école réduisent le risque des années plus tard.

Consultez les programmes ci-dessous, puis parlez à une ville qui en offre un.
"""


def load() -> str:
    summary = seed.load()
    series, _ = BriefSeries.objects.get_or_create(
        slug="action-briefs", defaults={"name_en": "Action Briefs", "name_fr": "Fiches d'action"}
    )
    brief, created = Brief.objects.get_or_create(
        slug="youth-gang-violence",
        defaults={
            "title_en": "Preventing youth and gang violence",
            "title_fr": "Prévenir la violence chez les jeunes et les gangs",
            "body_en": BRIEF_EN,
            "body_fr": BRIEF_FR,
            "series": series,
            "status": Status.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    if created:
        brief.programs.set(Program.objects.filter(slug__in=["cure-violence", "cirv", "snap"]))
        brief.topics.set(Topic.objects.filter(slug="youth-gang-violence"))
    return f"{summary} Briefs: {Brief.objects.count()}."
