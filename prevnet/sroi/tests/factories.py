"""Analyses for tests: the worked example of test_calculation, in the database."""

from __future__ import annotations

from decimal import Decimal as D

from prevnet.knowledge.models import Program
from prevnet.programs.models import MunicipalProgram
from prevnet.sroi.models import Analysis, Range


def municipal_program(municipality, name="After-school hub") -> MunicipalProgram:
    return MunicipalProgram.objects.create(municipality=municipality, name=name)


def template_program(slug="community-hubs") -> Program:
    return Program.objects.get_or_create(
        slug=slug, defaults={"name_en": "Community hubs", "name_fr": "Carrefours communautaires"}
    )[0]


def worked_analysis(program=None, template=None, proxy_year=2024, with_ranges=False) -> Analysis:
    """Base year 2024, 5%: the worked example (PV of benefits $14,239.07, ratio 0.95)."""
    analysis = Analysis.objects.create(
        title="Worked example", program=program, template_program=template,
        base_year=2024, discount_rate=D(5), scope="Two years of the hub.",
    )  # fmt: skip
    students = analysis.stakeholders.create(name="Students")
    neighbours = analysis.stakeholders.create(name="Neighbours")
    analysis.inputs.create(year=2024, funder="City", amount=D(10000))
    analysis.inputs.create(year=2025, funder="Province", amount=D(5250), in_kind=True)
    analysis.outputs.create(stakeholder=students, description="Students in clubs", quantity=D(120))
    stays = analysis.outcomes.create(
        stakeholder=students, description="Stays in school", indicator="Students who stay",
        quantity=D(10), duration=3, proxy_description="Cost of dropping out",
        value_per_unit=D(1000), proxy_source="Test", proxy_year=proxy_year,
        deadweight=D(20), attribution=D(25), drop_off=D(10),
    )  # fmt: skip
    analysis.outcomes.create(
        stakeholder=neighbours, description="Noise", indicator="Complaints", quantity=D(1),
        duration=1, proxy_description="Nuisance", value_per_unit=D(-600), proxy_source="Test",
        proxy_year=2024,
    )  # fmt: skip
    if with_ranges:
        Range.objects.create(analysis=analysis, outcome=stays, parameter="quantity",
                             low=D(5), likely=D(10), high=D(20))  # fmt: skip
        Range.objects.create(analysis=analysis, parameter="discount_rate",
                             low=D(3), likely=D(5), high=D(8))  # fmt: skip
    return analysis
