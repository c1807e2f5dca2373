"""The municipal programs part of the JSON API: read only.

Thin, like the pages: ask core.access, validate the filters with the web list's own form, call
the programs services, shape JSON. The registry holds no personal data and anyone may read it,
as on the web.
"""
# No `from __future__ import annotations` here: ninja reads these annotations at import time.

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from prevnet.api.routers.common import READ_ERRORS, Pagination, refuse_invalid, require
from prevnet.api.schemas import Id, MunicipalityRef, text
from prevnet.programs import services
from prevnet.programs.forms import ProgramFilterForm
from prevnet.programs.models import EvaluationStatus, FunderType

router = Router(tags=["programs"])


class ProgramFilters(Schema):
    q: text(100) | None = Field(
        None, description="Part of the program's name, its priority problem or its municipality"
    )
    region: text(20) | None = Field(None, description="Region code, e.g. ontario")
    province: text(2) | None = Field(None, description="Abbreviation, e.g. ON")
    evaluation: EvaluationStatus | None = Field(None, description="Evaluation status")
    fostered: Literal["yes", "no"] | None = Field(
        None, description="Whether the programme fostered it (counts toward its target)"
    )


class ProgramOut(Schema):
    id: int
    name: str
    municipality: MunicipalityRef
    knowledge_program: str | None = Field(
        None, description="Slug of the knowledge-base program it implements, if any"
    )
    priority_problem: str
    started_on: dt.date | None
    ended_on: dt.date | None
    is_mainstreamed: bool
    fostered_by_programme: bool
    evaluation_status: EvaluationStatus
    total_funding: Decimal | None = Field(None, description="CAD; null when no amount is known")
    url: str = Field(..., alias="get_absolute_url", description="The program's web page")

    @staticmethod
    def resolve_knowledge_program(obj) -> str | None:
        return obj.knowledge_program.slug if obj.knowledge_program_id else None


class FundingOut(Schema):
    funder_type: FunderType
    funder_name: str
    amount: Decimal | None
    year: int | None


class NamedRef(Schema):
    id: int
    name: str


class ProgramDetailOut(ProgramOut):
    description: str
    topics: list[str] = Field(..., description="Topic slugs of the knowledge base")
    partners: list[NamedRef] = Field(..., description="Partner organizations")
    fundings: list[FundingOut]
    indicators: list[str] = Field(..., description="How the program measures its results")
    logic_models: list[NamedRef] = Field(..., description="Logic models describing it")

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [t.slug for t in obj.topics.all()]

    @staticmethod
    def resolve_partners(obj):
        return list(obj.partners.order_by("name"))

    @staticmethod
    def resolve_fundings(obj):
        return list(obj.fundings.all())

    @staticmethod
    def resolve_indicators(obj) -> list[str]:
        return [line.strip() for line in obj.indicators.splitlines() if line.strip()]

    @staticmethod
    def resolve_logic_models(obj):
        return list(obj.logic_models.all())


def _validated(filters: ProgramFilters) -> dict:
    """The web list's form decides what a filter means; what it refuses is a 422 here."""
    data = filters.dict(exclude_none=True)
    if "region" in data:
        data["region"] = data["region"].lower()
    if "province" in data:
        data["province"] = data["province"].upper()
    form = ProgramFilterForm(data)
    refuse_invalid(form)
    return form.cleaned_data


@router.get(
    "/",
    response={200: list[ProgramOut], **READ_ERRORS},
    summary="List municipal programs",
)
@paginate(Pagination)
def list_programs(request, filters: Query[ProgramFilters]):
    """Municipal programs by municipality then name, with the web list's filters; an unknown
    region, province or status is a 422. Anyone may read the registry."""
    require(request, "programs.view_municipalprogram")
    return services.search_programs(_validated(filters))


@router.get(
    "/{int:program_id}",
    response={200: ProgramDetailOut, **READ_ERRORS},
    summary="One municipal program",
)
def get_program(request, program_id: Id):
    """One program with its fundings, partners, topics, indicators and logic models."""
    require(request, "programs.view_municipalprogram")
    qs = services.search_programs({}).prefetch_related("topics", "fundings", "logic_models")
    return get_object_or_404(qs, pk=program_id)
