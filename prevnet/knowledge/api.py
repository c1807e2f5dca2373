"""The knowledge base part of the JSON API: read programs (published ones for the public)."""
# No `from __future__ import annotations` here: ninja reads these annotations at import time.

from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from prevnet.api.routers.common import READ_ERRORS, Pagination, require
from prevnet.core import access
from prevnet.knowledge import search as kb_search
from prevnet.knowledge.models import Program

router = Router(tags=["knowledge base"])


class RatingOut(Schema):
    source: str
    level: str
    strength: str = Field(..., alias="mapped_strength")
    outcome_en: str
    outcome_fr: str
    basis: str
    rated_on: date | None
    url: str


class ExampleOut(Schema):
    place: str
    organization: str
    municipality_id: int | None
    url: str


class ProgramOut(Schema):
    slug: str
    name_en: str
    name_fr: str
    summary_en: str
    summary_fr: str
    status: str
    strength: str
    topics: list[str]
    age_groups: list[str]
    settings: list[str]
    cswb_levels: list[str]
    approaches: list[str]
    cost_per_participant: Decimal | None
    cost_currency: str
    cost_year: int | None
    website: str
    url: str = Field(..., alias="get_absolute_url")

    @staticmethod
    def resolve_topics(obj):
        return [t.slug for t in obj.topics.all()]


class ProgramDetailOut(ProgramOut):
    goals_en: str
    goals_fr: str
    components_en: str
    components_fr: str
    risk_factors: list[str]
    practices: list[str]
    ratings: list[RatingOut]
    canadian_examples: list[ExampleOut]

    @staticmethod
    def resolve_risk_factors(obj):
        return [f.slug for f in obj.risk_factors.all()]

    @staticmethod
    def resolve_practices(obj):
        return [p.slug for p in obj.practices.all()]

    @staticmethod
    def resolve_ratings(obj):
        return list(obj.ratings.all())

    @staticmethod
    def resolve_canadian_examples(obj):
        return list(obj.canadian_examples.all())


class ProgramFilters(Schema):
    q: str = Field("", max_length=kb_search.MAX_QUERY, description="Words, English or French")
    topic: str = Field("", max_length=60)
    strength: str = Field("", max_length=20)
    setting: str = Field("", max_length=30)
    approach: str = Field("", max_length=30)


def _programs(request):
    qs = Program.objects.prefetch_related("topics")
    return access.visible(request.user, "knowledge.view_program", qs)


@router.get("/programs", response={200: list[ProgramOut], **READ_ERRORS})
@paginate(Pagination)
def list_programs(request, filters: Query[ProgramFilters]):
    """Programs matching the search, strongest evidence first (published only, unless staff)."""
    require(request, "knowledge.view_program")
    chosen = filters.dict(exclude={"q"})
    return kb_search.search(_programs(request), filters.q, chosen).programs


@router.get("/programs/{slug:slug}", response={200: ProgramDetailOut, **READ_ERRORS})
def get_program(request, slug: str = Path(..., max_length=80, example="cardiff-model")):
    program = get_object_or_404(
        _programs(request).prefetch_related(
            "risk_factors", "practices", "ratings", "canadian_examples"
        ),
        slug=slug,
    )
    require(request, "knowledge.view_program", program)
    return program
