"""Schemas of the registry's JSON: what the API accepts and returns."""

import datetime as dt
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, Field, HttpUrl

from prevnet.network.models import EngagementKind, MembershipStatus, OrganizationType, PositionType


def _no_nul(value: str) -> str:
    # PostgreSQL cannot store NUL characters: refuse them with a clear message.
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


def text(max_length: int):
    return Annotated[str, Field(max_length=max_length), AfterValidator(_no_nul)]


Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
Name = text(200)
Short = text(100)
Url = Annotated[HttpUrl, Field(max_length=200)]
Latitude = Annotated[float, Field(ge=41, le=84)]
Longitude = Annotated[float, Field(ge=-142, le=-52)]
Year = Annotated[int, Field(ge=1851, le=2100)]
Population = Annotated[int, Field(ge=0, le=2_147_483_647)]
CsdCode = Annotated[str, Field(pattern=r"^\d{7}$")]
ProvinceCode = Annotated[str, Field(min_length=2, max_length=2)]


class Problem(Schema):
    detail: str | list


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
    province: ProvinceCode | None = Field(None, description="Abbreviation, e.g. ON")
    csd_code: CsdCode | None = None
    population: Population | None = None
    population_year: Year | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    website: Url | None = None
    membership_status: MembershipStatus | None = None
    joined_on: dt.date | None = None


class MunicipalityIn(MunicipalityPatch):
    name: Name
    province: ProvinceCode = Field(description="Abbreviation, e.g. ON")
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


class OrganizationOut(Schema):
    id: int
    name: str
    type: OrganizationType
    municipality_id: int | None
    website: str


class OrganizationPatch(Schema):
    name: Name | None = None
    type: OrganizationType | None = None
    municipality_id: Id | None = None
    website: Url | None = None


class OrganizationIn(OrganizationPatch):
    name: Name
    type: OrganizationType


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
    email: (
        Annotated[str, Field(max_length=254, pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")]
        | None
    ) = None
    position_type: PositionType | None = None
    title: Name | None = None
    organization_id: Id | None = None
    municipality_id: Id | None = None
    language: Annotated[str, Field(pattern="^(en|fr)$")] | None = None


class PersonIn(PersonPatch):
    first_name: Short
    last_name: Short
    position_type: PositionType
