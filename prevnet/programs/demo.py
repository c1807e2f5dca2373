# ruff: noqa: E501 - data tables read best one record a line
"""Demo programs for some demo municipalities (invented, marked ``is_demo``); idempotent.

Programs are attached only to municipalities created by the network demo (``is_demo``), so a
real municipality's registry is never touched.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from prevnet.knowledge.models import Program as KnowledgeProgram
from prevnet.network.models import Municipality
from prevnet.programs.models import EvaluationStatus, Funding, MunicipalProgram

# fmt: off
# CSD code, name, priority problem, start, mainstreamed, fostered, evaluation, fundings
PROGRAMS = [
    ("3506008", "Youth outreach workers", "Youth and gang violence", "2025-09-01", False, True,
     EvaluationStatus.PROCESS, [("federal", "NCPC", "180000", 2025), ("municipal", "", "60000", 2025)]),
    ("3506008", "Neighbourhood safety hubs", "Inner-city disorder", "2019-01-15", True, False,
     EvaluationStatus.OUTCOME, [("municipal", "", "250000", 2024)]),
    ("4811061", "School-based relationship skills", "Dating violence", "2025-11-01", False, True,
     EvaluationStatus.PLANNED, [("provincial", "Alberta", "90000", 2025)]),
    ("4715066", "Community Mobilization Prince Albert (Hub)", "Acutely elevated risk",
     "2011-02-01", True, False, EvaluationStatus.OUTCOME, [("provincial", "Saskatchewan", "", None)]),
    ("4611040", "Community safety coordinator (permanent)", "Violence in the inner city",
     "2026-01-10", True, True, EvaluationStatus.NONE, [("municipal", "", "120000", 2026)]),
    ("1209034", "Situational prevention in parks", "Night-time disorder", "2024-06-01", False, False,
     EvaluationStatus.NONE, []),
]
# fmt: on

# Demo programs that implement a knowledge-base program (loaded before this demo), by slug.
IMPLEMENTS = {
    "School-based relationship skills": "fourth-r",
    "Community Mobilization Prince Albert (Hub)": "community-mobilization-prince-albert",
}


@transaction.atomic
def load() -> str:
    places = {m.csd_code: m for m in Municipality.objects.filter(is_demo=True)}
    count = 0
    for code, name, problem, start, mainstreamed, fostered, status, fundings in PROGRAMS:
        municipality = places.get(code)
        if municipality is None:
            continue
        program, created = MunicipalProgram.objects.get_or_create(
            municipality=municipality,
            name=name,
            defaults={
                "priority_problem": problem,
                "started_on": dt.date.fromisoformat(start),
                "is_mainstreamed": mainstreamed,
                "fostered_by_programme": fostered,
                "evaluation_status": status,
                "is_demo": True,
            },
        )
        count += 1
        slug = IMPLEMENTS.get(name)
        if slug and program.knowledge_program_id is None:
            program.knowledge_program = KnowledgeProgram.objects.filter(slug=slug).first()
            program.save(update_fields=["knowledge_program"])
        if created:
            for funder, funder_name, amount, year in fundings:
                Funding.objects.create(
                    program=program,
                    funder_type=funder,
                    funder_name=funder_name,
                    amount=Decimal(amount) if amount else None,
                    year=year,
                )
    return f"{count} municipal programs"
