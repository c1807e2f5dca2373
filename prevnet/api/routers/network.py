"""The registry's endpoints. Thin: ask core.access, call the network services, shape JSON."""
# No `from __future__ import annotations` here: ninja reads these annotations at import time.

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from prevnet.api import schemas as s
from prevnet.api.routers.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    Pagination,
    require,
    require_signed_in,
)
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

# Text fields stored as "" when empty: null in a payload clears them.
BLANK_WHEN_NULL = ("website", "email", "title", "note")
# The model's field names, as the payloads name them.
PAYLOAD_NAMES = {"municipality": "municipality_id", "organization": "organization_id"}


def province_of(code: str | None) -> Province:
    province = Province.objects.filter(abbreviation=(code or "").upper()).first()
    if province is None:
        raise ValidationError({"province": _("Not a Canadian province or territory abbreviation.")})
    return province


def apply(request, instance: Model, data: dict) -> Model:
    """Copy validated fields onto a model instance, check it whole and save it with history."""
    if "province" in data:
        instance.province = province_of(data.pop("province"))
    for name in ("latitude", "longitude"):
        if data.get(name) is not None:
            # Stored with 5 decimals (about a metre); more precision is rounded, not refused.
            data[name] = Decimal(str(data[name])).quantize(Decimal("0.00001"))
    if data.get("website") is not None:
        data["website"] = str(data["website"])
    for name in BLANK_WHEN_NULL:
        if name in data and data[name] is None:
            data[name] = ""
    for name, value in data.items():
        setattr(instance, name, value)
    try:
        # full_clean() then save(), in one transaction, with request.user as the history user.
        services.save_with_history(instance, request.user)
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        raise ValidationError(
            {PAYLOAD_NAMES.get(field, field): errors for field, errors in exc.error_dict.items()}
        ) from None
    return instance


def municipalities():
    return Municipality.objects.select_related("province__region").with_engagement()


# --- geography (read-only) ---------------------------------------------------------------------


@router.get("/regions", response={200: list[s.RegionOut], **READ_ERRORS})
def list_regions(request):
    require(request, "network.view_region")
    return Region.objects.all()


@router.get("/regions/{slug:code}", response={200: s.RegionOut, **READ_ERRORS})
def get_region(request, code: str = Path(..., max_length=20, example="ontario")):
    require(request, "network.view_region")
    return get_object_or_404(Region, code=code.lower())


@router.get("/provinces", response={200: list[s.ProvinceOut], **READ_ERRORS})
def list_provinces(request):
    require(request, "network.view_province")
    return Province.objects.select_related("region")


@router.get("/provinces/{slug:abbreviation}", response={200: s.ProvinceOut, **READ_ERRORS})
def get_province(request, abbreviation: str = Path(..., max_length=2, example="ON")):
    require(request, "network.view_province")
    return get_object_or_404(
        Province.objects.select_related("region"), abbreviation=abbreviation.upper()
    )


# --- municipalities ---------------------------------------------------------------------------


@router.get("/municipalities", response={200: list[s.MunicipalityOut], **READ_ERRORS})
@paginate(Pagination)
def list_municipalities(request, filters: Query[s.MunicipalityFilters]):
    require(request, "network.view_municipality")
    chosen = {"q": filters.q, "membership": filters.membership}
    # An unknown region or province matches nothing, as on the web list.
    if filters.region:
        chosen["region"] = Region.objects.filter(code=filters.region.lower()).first() or -1
    if filters.province:
        chosen["province"] = (
            Province.objects.filter(abbreviation=filters.province.upper()).first() or -1
        )
    if filters.engaged_in_ccss is not None:
        chosen["ccss"] = "yes" if filters.engaged_in_ccss else "no"
    return services.search_municipalities(chosen)


@router.get("/municipalities/{int:pk}", response={200: s.MunicipalityOut, **READ_ERRORS})
def get_municipality(request, pk: s.Id):
    require(request, "network.view_municipality")
    return get_object_or_404(municipalities(), pk=pk)


@router.post("/municipalities", response={201: s.MunicipalityOut, **WRITE_ERRORS})
def create_municipality(request, payload: s.MunicipalityIn):
    require(request, "network.add_municipality")
    municipality = apply(request, Municipality(), payload.dict(exclude_unset=True))
    return Status(201, municipalities().get(pk=municipality.pk))


@router.patch("/municipalities/{int:pk}", response={200: s.MunicipalityOut, **WRITE_ERRORS})
def update_municipality(request, pk: s.Id, payload: s.MunicipalityPatch):
    require_signed_in(request)
    municipality = get_object_or_404(Municipality.objects.select_related("province"), pk=pk)
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


@router.get(
    "/municipalities/{int:pk}/engagement",
    response={200: list[s.EngagementOut], **READ_ERRORS},
)
def list_engagement(request, pk: s.Id):
    require(request, "network.view_engagementevent")
    municipality = get_object_or_404(Municipality, pk=pk)
    return municipality.engagement_events.all()


@router.post(
    "/municipalities/{int:pk}/engagement",
    response={201: s.EngagementOut, **WRITE_ERRORS},
)
def create_engagement(request, pk: s.Id, payload: s.EngagementIn):
    require(request, "network.add_engagementevent")
    municipality = get_object_or_404(Municipality, pk=pk)
    event = apply(request, EngagementEvent(municipality=municipality), payload.dict())
    return Status(201, event)


# --- organizations ----------------------------------------------------------------------------


@router.get("/organizations", response={200: list[s.OrganizationOut], **READ_ERRORS})
@paginate(Pagination)
def list_organizations(request, filters: Query[s.OrganizationFilters]):
    require(request, "network.view_organization")
    qs = services.search_organizations({"q": filters.q, "type": filters.type})
    if filters.municipality_id is not None:
        qs = qs.filter(municipality_id=filters.municipality_id)
    return qs


@router.get("/organizations/{int:pk}", response={200: s.OrganizationOut, **READ_ERRORS})
def get_organization(request, pk: s.Id):
    require(request, "network.view_organization")
    return get_object_or_404(Organization, pk=pk)


@router.post("/organizations", response={201: s.OrganizationOut, **WRITE_ERRORS})
def create_organization(request, payload: s.OrganizationIn):
    data = payload.dict(exclude_unset=True)
    # Coordinators may add organizations to their own municipalities only.
    place = Organization(municipality_id=data.get("municipality_id"))
    require(request, "network.add_organization", place)
    return Status(201, apply(request, Organization(), data))


@router.patch("/organizations/{int:pk}", response={200: s.OrganizationOut, **WRITE_ERRORS})
def update_organization(request, pk: s.Id, payload: s.OrganizationPatch):
    require_signed_in(request)
    organization = get_object_or_404(Organization, pk=pk)
    require(request, "network.change_organization", organization)
    data = payload.dict(exclude_unset=True)
    if "municipality_id" in data:
        # Moving it must also land in a municipality the user may edit.
        destination = Organization(municipality_id=data["municipality_id"])
        require(request, "network.change_organization", destination)
    return apply(request, organization, data)


# --- people (personal data: staff, and each person their own record) --------------------------


@router.get("/people", response={200: list[s.PersonOut], **READ_ERRORS})
@paginate(Pagination)
def list_people(request, filters: Query[s.PersonFilters]):
    require_signed_in(request)
    visible = access.visible(request.user, "network.view_person", Person.objects.all())
    qs = services.search_people(visible, {"q": filters.q, "position": filters.position})
    if filters.municipality_id is not None:
        qs = qs.filter(municipality_id=filters.municipality_id)
    # A total order, so that pages neither repeat nor skip anyone.
    return qs.order_by("last_name", "first_name", "pk")


@router.get("/people/{int:pk}", response={200: s.PersonOut, **READ_ERRORS})
def get_person(request, pk: s.Id):
    require_signed_in(request)
    person = get_object_or_404(Person, pk=pk)
    require(request, "network.view_person", person)
    return person


@router.post("/people", response={201: s.PersonOut, **WRITE_ERRORS})
def create_person(request, payload: s.PersonIn):
    require(request, "network.add_person")
    return Status(201, apply(request, Person(), payload.dict(exclude_unset=True)))


@router.patch("/people/{int:pk}", response={200: s.PersonOut, **WRITE_ERRORS})
def update_person(request, pk: s.Id, payload: s.PersonPatch):
    require_signed_in(request)
    person = get_object_or_404(Person, pk=pk)
    require(request, "network.change_person", person)
    return apply(request, person, payload.dict(exclude_unset=True))
