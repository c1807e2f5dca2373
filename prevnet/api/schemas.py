"""Schemas of the registry's JSON: what the API accepts and returns.

Every text that reaches the database goes through ``text()``: bounded, and refused with a
clear message when it holds a NUL character (PostgreSQL cannot store one). Codes are checked
with ASCII-only patterns, so no look-up ever sees a value the database would choke on.
"""

import datetime as dt
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, Field, HttpUrl

from prevnet.network.models import EngagementKind, MembershipStatus, OrganizationType, PositionType


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError(_("NUL characters are not allowed."))
    return value


def text(max_length: int):
    return Annotated[str, Field(max_length=max_length), AfterValidator(_no_nul)]


# Ids as the database stores them (64-bit): a larger number is a 422, not a database error.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
Name = text(200)
Short = text(100)
Url = Annotated[HttpUrl, Field(max_length=200, examples=["https://www.cityofkingston.ca"])]
Latitude = Annotated[float, Field(ge=41, le=84)]
Longitude = Annotated[float, Field(ge=-142, le=-52)]
Year = Annotated[int, Field(ge=1851, le=2100)]
Population = Annotated[int, Field(ge=0, le=2_147_483_647)]
CsdCode = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{7}$",
        description="Statistics Canada's 7 digits; the first two are the province's",
        examples=["3510010"],
    ),
]
ProvinceCode = Annotated[
    str, Field(pattern=r"^[A-Za-z]{2}$", description="Abbreviation", examples=["ON"])
]
Email = Annotated[
    str,
    Field(
        max_length=254,
        pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$",
        examples=["coordinator@example.org"],
    ),
]


class Problem(Schema):
    detail: str | list


# --- filters of the list endpoints (the same as the web lists') --------------------------------


class MunicipalityFilters(Schema):
    q: text(200) | None = Field(None, description="Part of the name, or the start of the code")
    region: text(20) | None = Field(None, description="Region code, e.g. ontario")
    province: text(2) | None = Field(None, description="Abbreviation, e.g. ON")
    membership: MembershipStatus | None = None
    engaged_in_ccss: bool | None = None


class OrganizationFilters(Schema):
    q: text(200) | None = None
    type: OrganizationType | None = None
    municipality_id: Id | None = None


class PersonFilters(Schema):
    q: text(200) | None = Field(None, description="Part of a name or e-mail")
    position: PositionType | None = None
    municipality_id: Id | None = None


# --- geography ----------------------------------------------------------------------------------


class RegionOut(Schema):
    code: str
    name_en: str
    name_fr: str


class ProvinceOut(Schema):
    sgc_code: str
    abbreviation: str
    name_en: str
    name_fr: str
    region: str = Field(alias="region.code")


# --- municipalities -----------------------------------------------------------------------------


class MunicipalityRef(Schema):
    """A municipality named inside another record (activities, programs)."""

    id: int
    name: str
    province: str = Field(alias="province.abbreviation", description="Abbreviation, e.g. ON")


class MunicipalityOut(Schema):
    id: int
    name: str
    province: str = Field(alias="province.abbreviation")
    region: str = Field(alias="province.region.code")
    csd_code: str
    population: int | None
    population_year: int | None
    latitude: float | None
    longitude: float | None
    website: str
    membership_status: MembershipStatus
    joined_on: dt.date | None
    engaged_in_ccss: bool
    exchanging: bool


class MunicipalityPatch(Schema):
    name: Name | None = None
    province: ProvinceCode | None = None
    csd_code: CsdCode | None = None
    population: Population | None = None
    population_year: Year | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    website: Url | None = Field(None, description="null clears it")
    membership_status: MembershipStatus | None = None
    joined_on: dt.date | None = None


class MunicipalityIn(MunicipalityPatch):
    name: Name
    province: ProvinceCode
    csd_code: CsdCode


class EngagementOut(Schema):
    id: int
    kind: EngagementKind
    started_on: dt.date
    ended_on: dt.date | None
    note: str


class EngagementIn(Schema):
    kind: EngagementKind
    started_on: dt.date
    ended_on: dt.date | None = None
    note: text(2000) = ""


# --- organizations ------------------------------------------------------------------------------


class OrganizationOut(Schema):
    id: int
    name: str
    type: OrganizationType
    municipality_id: int | None
    website: str


class OrganizationPatch(Schema):
    name: Name | None = None
    type: OrganizationType | None = None
    municipality_id: Id | None = Field(None, description="null for a national organization")
    website: Url | None = Field(None, description="null clears it")


class OrganizationIn(OrganizationPatch):
    name: Name
    type: OrganizationType


# --- people (personal data) ---------------------------------------------------------------------


class PersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    position_type: PositionType
    title: str
    organization_id: int | None
    municipality_id: int | None
    language: str


class PersonPatch(Schema):
    first_name: Short | None = None
    last_name: Short | None = None
    email: Email | None = Field(None, description="null clears it")
    position_type: PositionType | None = None
    title: Name | None = Field(None, description="null clears it")
    organization_id: Id | None = None
    municipality_id: Id | None = None
    language: Literal["en", "fr"] | None = None


class PersonIn(PersonPatch):
    first_name: Short
    last_name: Short
    position_type: PositionType
