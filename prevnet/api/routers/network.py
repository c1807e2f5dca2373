"""The registry's endpoints. Thin: ask core.access, call the network services, shape JSON."""
# No `from __future__ import annotations` here: ninja reads these annotations at import time.

from typing import Annotated

from django.db.models import Model
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from prevnet.api import schemas as s
from prevnet.core import access
from prevnet.network import services
from prevnet.network.forms import MunicipalityForm
from prevnet.network.models import (
    EngagementEvent,
    Municipality,
    Organization,
    Person,
    Province,
    Region,
)

router = Router(tags=["network registry"])

# Ids as the database stores them (64-bit): a larger number is a 422, not a database error.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


class Pagination(LimitOffsetPagination):
    """Limit and offset, both bounded so no request asks the database for the impossible."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=500)
        offset: int = Field(0, ge=0, le=2**31 - 1)


def require(request, perm: str, obj: Model | None = None) -> None:
    if access.can(request.user, perm, obj):
        return
    if access.role_of(request.user) == access.PUBLIC:
        raise HttpError(401, _("Log in or send a token to do this."))
    raise HttpError(403, _("You may not do this."))


def apply(request, instance: Model, data: dict) -> Model:
    """Copy validated fields onto a model instance, resolving the province abbreviation."""
    if "province" in data:
        province = Province.objects.filter(abbreviation=str(data.pop("province")).upper()).first()
        if province is None:
            raise HttpError(422, _("province: not a Canadian province or territory abbreviation."))
        instance.province = province
    for name in ("latitude", "longitude"):
        if data.get(name) is not None:
            data[name] = round(data[name], 5)
    if data.get("website") is not None:
        data["website"] = str(data["website"])
    for name, value in data.items():
        setattr(instance, name, value)
    services.save_with_history(instance, request.user)
    return instance


def municipalities():
    return Municipality.objects.select_related("province__region").with_engagement()


# --- geography --------------------------------------------------------------------------------


@router.get("/regions", response=list[s.RegionOut])
def list_regions(request):
    require(request, "network.view_region")
    return Region.objects.all()


@router.get("/provinces", response=list[s.ProvinceOut])
def list_provinces(request):
    require(request, "network.view_province")
    return Province.objects.select_related("region")


# --- municipalities ---------------------------------------------------------------------------


class MunicipalityFilters(Schema):
    q: str | None = None
    region: str | None = None
    province: str | None = None
    membership: str | None = None
    engaged_in_ccss: bool | None = None


@router.get("/municipalities", response=list[s.MunicipalityOut])
@paginate(Pagination)
def list_municipalities(request, filters: Query[MunicipalityFilters]):
    require(request, "network.view_municipality")
    chosen = {"q": filters.q, "membership": filters.membership}
    if filters.region:
        chosen["region"] = Region.objects.filter(code=filters.region).first() or -1
    if filters.province:
        chosen["province"] = (
            Province.objects.filter(abbreviation=filters.province.upper()).first() or -1
        )
    if filters.engaged_in_ccss is not None:
        chosen["ccss"] = "yes" if filters.engaged_in_ccss else "no"
    return services.search_municipalities(chosen)


@router.get("/municipalities/{int:pk}", response=s.MunicipalityOut)
def get_municipality(request, pk: Id):
    require(request, "network.view_municipality")
    return get_object_or_404(municipalities(), pk=pk)


@router.post("/municipalities", response={201: s.MunicipalityOut})
def create_municipality(request, payload: s.MunicipalityIn):
    require(request, "network.add_municipality")
    municipality = apply(request, Municipality(), payload.dict(exclude_unset=True))
    return Status(201, municipalities().get(pk=municipality.pk))


@router.patch("/municipalities/{int:pk}", response=s.MunicipalityOut)
def update_municipality(request, pk: Id, payload: s.MunicipalityPatch):
    municipality = get_object_or_404(Municipality, pk=pk)
    require(request, "network.change_municipality", municipality)
    data = payload.dict(exclude_unset=True)
    if not access.is_staff(request.user):
        # The same split as the web form: network-level facts are staff's to change.
        forbidden = sorted(set(data) & set(MunicipalityForm.STAFF_ONLY))
        if forbidden:
            raise HttpError(
                403,
                _("Only network staff may change: %(fields)s") % {"fields": ", ".join(forbidden)},
            )
    apply(request, municipality, data)
    return municipalities().get(pk=pk)


@router.get("/municipalities/{int:pk}/engagement", response=list[s.EngagementOut])
def list_engagement(request, pk: Id):
    municipality = get_object_or_404(Municipality, pk=pk)
    require(request, "network.view_engagementevent")
    return municipality.engagement_events.all()


@router.post("/municipalities/{int:pk}/engagement", response={201: s.EngagementOut})
def create_engagement(request, pk: Id, payload: s.EngagementIn):
    municipality = get_object_or_404(Municipality, pk=pk)
    require(request, "network.add_engagementevent")
    event = apply(request, EngagementEvent(municipality=municipality), payload.dict())
    return Status(201, event)


# --- organizations ----------------------------------------------------------------------------


class OrganizationFilters(Schema):
    q: str | None = None
    type: str | None = None
    municipality_id: Id | None = None


@router.get("/organizations", response=list[s.OrganizationOut])
@paginate(Pagination)
def list_organizations(request, filters: Query[OrganizationFilters]):
    require(request, "network.view_organization")
    qs = services.search_organizations({"q": filters.q, "type": filters.type})
    if filters.municipality_id is not None:
        qs = qs.filter(municipality_id=filters.municipality_id)
    return qs


@router.get("/organizations/{int:pk}", response=s.OrganizationOut)
def get_organization(request, pk: Id):
    require(request, "network.view_organization")
    return get_object_or_404(Organization, pk=pk)


@router.post("/organizations", response={201: s.OrganizationOut})
def create_organization(request, payload: s.OrganizationIn):
    data = payload.dict(exclude_unset=True)
    require(
        request,
        "network.add_organization",
        Organization(municipality_id=data.get("municipality_id")),
    )
    return Status(201, apply(request, Organization(), data))


@router.patch("/organizations/{int:pk}", response=s.OrganizationOut)
def update_organization(request, pk: Id, payload: s.OrganizationPatch):
    organization = get_object_or_404(Organization, pk=pk)
    require(request, "network.change_organization", organization)
    data = payload.dict(exclude_unset=True)
    if "municipality_id" in data:
        # Moving it must also land in a municipality the user may edit.
        require(
            request,
            "network.change_organization",
            Organization(municipality_id=data["municipality_id"]),
        )
    return apply(request, organization, data)


# --- people (personal data: staff, and each person their own record) --------------------------


class PersonFilters(Schema):
    q: str | None = None
    position: str | None = None
    municipality_id: Id | None = None


@router.get("/people", response=list[s.PersonOut])
@paginate(Pagination)
def list_people(request, filters: Query[PersonFilters]):
    if access.role_of(request.user) == access.PUBLIC:
        require(request, "network.view_person")
    visible = access.visible(request.user, "network.view_person", Person.objects.all())
    qs = services.search_people(visible, {"q": filters.q, "position": filters.position})
    if filters.municipality_id is not None:
        qs = qs.filter(municipality_id=filters.municipality_id)
    return qs


@router.get("/people/{int:pk}", response=s.PersonOut)
def get_person(request, pk: Id):
    person = get_object_or_404(Person, pk=pk)
    require(request, "network.view_person", person)
    return person


@router.post("/people", response={201: s.PersonOut})
def create_person(request, payload: s.PersonIn):
    require(request, "network.add_person")
    return Status(201, apply(request, Person(), payload.dict(exclude_unset=True)))


@router.patch("/people/{int:pk}", response=s.PersonOut)
def update_person(request, pk: Id, payload: s.PersonPatch):
    person = get_object_or_404(Person, pk=pk)
    require(request, "network.change_person", person)
    return apply(request, person, payload.dict(exclude_unset=True))
