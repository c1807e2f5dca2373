"""Demo data of process evaluation: the programme's logic model (idempotent), and a municipal
logic model for the demo Ottawa's first program."""

from __future__ import annotations

from django.db import transaction

from prevnet.evaluation import seed
from prevnet.evaluation.models import LogicItem, LogicModel
from prevnet.programs.models import MunicipalProgram


@transaction.atomic
def load() -> str:
    model = seed.load()
    program = (
        MunicipalProgram.objects.filter(is_demo=True, municipality__csd_code="3506008")
        .order_by("pk")
        .first()
    )
    municipal = 0
    if program is not None:
        lm, created = LogicModel.objects.get_or_create(
            program=program,
            defaults={
                "name": f"{program.name} — logic model",
                "municipality": program.municipality,
                "levels": ["activities", "outputs", "short_term", "long_term"],
                "is_demo": True,
            },
        )
        if created:
            goal = LogicItem.objects.create(
                logic_model=lm,
                level="long_term",
                text_en="Less youth violence downtown",
                text_fr="Moins de violence chez les jeunes au centre-ville",
                order=3,
            )
            short = LogicItem.objects.create(
                logic_model=lm,
                level="short_term",
                text_en="Youth at risk connected to services",
                text_fr="Jeunes à risque orientés vers des services",
                contributes_to=goal,
                order=2,
            )
            output = LogicItem.objects.create(
                logic_model=lm,
                level="outputs",
                text_en="200 youth contacted a year",
                text_fr="200 jeunes rejoints par année",
                contributes_to=short,
                order=1,
            )
            LogicItem.objects.create(
                logic_model=lm,
                level="activities",
                text_en="Street outreach, evenings and weekends",
                text_fr="Travail de rue, en soirée et la fin de semaine",
                contributes_to=output,
                order=0,
            )
        municipal = 1
    indicators = sum(item.indicators.count() for item in model.items.all())
    return f"programme logic model ({indicators} indicators), {municipal} municipal logic model"
