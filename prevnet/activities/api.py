"""The activities and peer matching part of the JSON API: read only.

Thin, like the pages: ask core.access, call the activities services, shape JSON. No personal
data anywhere here: an activity without its participants, a match without people. The public
sees published activities only (the same scope as the web list); peer matches are for signed-in
users, as on the web.
"""
# No `from __future__ import annotations` here: ninja reads these annotations at import time.

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from prevnet.activities import matching, services
from prevnet.activities.models import (
    Activity,
    ActivityLanguage,
    ActivityType,
    ExchangeStatus,
    ModuleSubject,
)
from prevnet.api.routers.common import READ_ERRORS, Pagination, require
from prevnet.api.schemas import Id, MunicipalityRef, text
from prevnet.core import access
from prevnet.core.programme import YEARS
from prevnet.network.models import Municipality, Region

router = Router(tags=["activities"])

# Dates far outside any programme are refused (422) rather than sent to the database.
Day = dt.date
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2200, 12, 31)


class ActivityFilters(Schema):
    type: ActivityType | None = None
    region: text(20) | None = Field(None, description="Region code, e.g. ontario")
    year: int | None = Field(None, ge=1, le=YEARS[-1], description="Programme year")
    starts_from: Day | None = Field(None, description="Starting on or after this day")
    starts_until: Day | None = Field(None, description="Starting on or before this day")


class ExchangeOut(Schema):
    visiting: MunicipalityRef
    host: MunicipalityRef
    status: ExchangeStatus
    return_visit_on: Day | None


class ActivityOut(Schema):
    id: int
    type: ActivityType
    title: str
    starts_on: Day
    ends_on: Day | None
    online: bool
    place: MunicipalityRef | None
    region: str | None = Field(None, description="Region code")
    language: ActivityLanguage
    programme_year: int | None
    published: bool

    @staticmethod
    def resolve_region(obj) -> str | None:
        return obj.region.code if obj.region_id else None


class ActivityDetailOut(ActivityOut):
    organizers: str
    description: str
    module: ModuleSubject | None = Field(None, description="Training module (trainings)")
    coached_municipality: MunicipalityRef | None
    exchange: ExchangeOut | None = None

    @staticmethod
    def resolve_module(obj) -> str | None:
        return obj.module.subject if obj.module_id else None

    @staticmethod
    def resolve_exchange(obj):
        return getattr(obj, "exchange", None) if obj.type == ActivityType.EXCHANGE else None


class MatchParts(Schema):
    expertise: float
    similarity: float
    distance: float
    language: float
    mentoring: float


class MatchOut(Schema):
    municipality: MunicipalityRef
    score: float
    parts: MatchParts
    km: float | None = Field(None, description="Distance; null when a coordinate is unknown")
    reasons: list[str] = Field(..., description="Why, in the request's language")


class MatchFilters(Schema):
    limit: int = Field(matching.LIMIT, ge=1, le=50)


def _with_places(qs):
    return qs.select_related("place__province", "region", "module")


@router.get("", response={200: list[ActivityOut], **READ_ERRORS})
@paginate(Pagination)
def list_activities(request, filters: Query[ActivityFilters]):
    """Activities, newest first: published ones for the public, all for signed-in users."""
    require(request, "activities.view_activity")
    qs = access.visible(request.user, "activities.view_activity", Activity.objects.all())
    chosen = {"type": filters.type, "year": filters.year}
    if filters.region:
        # An unknown region matches nothing, as on the web list.
        chosen["region"] = Region.objects.filter(code=filters.region.lower()).first() or -1
    qs = services.search_activities(qs, chosen)
    if filters.starts_from:
        qs = qs.filter(starts_on__gte=max(filters.starts_from, EARLIEST))
    if filters.starts_until:
        qs = qs.filter(starts_on__lte=min(filters.starts_until, LATEST))
    return qs


@router.get("/{int:activity_id}", response={200: ActivityDetailOut, **READ_ERRORS})
def get_activity(request, activity_id: Id):
    """One activity; an unpublished one asks the public to sign in (401), as its page does."""
    qs = _with_places(Activity.objects.all()).select_related(
        "coached_municipality__province",
        "exchange__visiting__province",
        "exchange__host__province",
    )
    activity = get_object_or_404(qs, pk=activity_id)
    require(request, "activities.view_activity", activity)
    return activity


@router.get("/matching/{int:municipality_id}", response={200: list[MatchOut], **READ_ERRORS})
def list_matches(request, municipality_id: Id, filters: Query[MatchFilters]):
    """The best peers for a municipality to learn from, and why (signed-in users)."""
    require(request, "activities.view_matches")
    municipality = get_object_or_404(Municipality, pk=municipality_id)
    found = matching.matches_for(municipality.pk, limit=filters.limit)
    places = Municipality.objects.select_related("province").in_bulk([m.place.id for m in found])
    return [
        {
            "municipality": places[m.place.id],
            "score": m.score,
            "parts": m.parts,
            "km": m.km,
            "reasons": m.reasons,
        }
        for m in found
    ]
