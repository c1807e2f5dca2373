"""The community data part of the JSON API: read only, public like the data pages.

Thin, like the pages: ask core.access, call the community data services, shape JSON. What a
municipality's data page shows is here as data: its crime series (with the province, Canada
and its peers), its census indicators against the province, and its diagnosis. Every answer
takes a fixed number of queries whatever the amount of data loaded.
"""
# No `from __future__ import annotations` here: ninja reads these annotations at import time.

import datetime as dt
from typing import Annotated, Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from prevnet.api.routers.common import READ_ERRORS, Pagination, require
from prevnet.api.schemas import Id
from prevnet.communitydata import diagnosis, services
from prevnet.communitydata.models import SYMBOLS, Table, TableKind
from prevnet.network.models import Municipality

router = Router(tags=["communitydata"])

VIEW = "communitydata.view_data"

# A violation key: a UCR code ("1610") or a CSI measure ("csi_violent"); ASCII only, so no
# look-up ever sees a value the database would choke on.
ViolationKey = Annotated[
    str,
    Field(
        min_length=1,
        max_length=20,
        pattern=r"^[A-Za-z0-9_]+$",
        description="A key listed by /api/data/violations, e.g. 1610 (robbery) or csi",
        examples=["csi"],
    ),
]


class TableOut(Schema):
    pid: str = Field(..., description="Product id, e.g. 35100177")
    formatted_pid: str = Field(..., description="As Statistics Canada writes it: 35-10-0177")
    title: str
    kind: TableKind
    release: str
    rows: int = Field(..., description="Rows in the last file imported")
    imported_at: dt.datetime
    url: str


class ViolationOut(Schema):
    key: str = Field(..., description="UCR code of a violation, or a CSI measure")
    label: str


class SymbolOut(Schema):
    symbol: str
    meaning: str = Field(..., description="In the request's language")


class PointOut(Schema):
    period: str = Field(..., description="Reference period, e.g. 2023")
    value: float | None = Field(None, description="null when suppressed or not available")
    symbols: list[str] = Field(..., description='Status and symbols, e.g. ["x"] or ["E"]')


class LineOut(Schema):
    label: str
    kind: Literal["municipality", "province", "country", "peer"]
    points: list[PointOut]


class PeerOut(Schema):
    id: int
    name: str


class CrimeOut(Schema):
    municipality_id: int
    violation: str = Field(..., description="The violation shown; empty when none is loaded")
    violation_label: str
    statistic: Literal["rate", "incidents"]
    peers: list[PeerOut] = Field(
        ..., description="The peers compared with (lines for those with data)"
    )
    periods: list[str]
    lines: list[LineOut] = Field(..., description="Municipality, province, Canada, then peers")
    symbols: list[SymbolOut] = Field(..., description="What each symbol means")


class CrimeFilters(Schema):
    violation: ViolationKey | None = Field(
        None, description="Default: the first listed by /api/data/violations (the CSI if loaded)"
    )
    statistic: Literal["rate", "incidents"] = Field(
        "rate", description="For violations: rate per 100,000 population, or actual incidents"
    )
    peers: list[Id] | None = Field(
        None,
        max_length=services.MAX_PEERS,
        description="Up to five municipality ids; default: the closest in population",
    )


class CellOut(Schema):
    value: float | None
    symbol: str


class IndicatorOut(Schema):
    key: str
    label: str = Field(..., description="In the request's language")
    municipality: CellOut | None
    province: CellOut | None
    canada: CellOut | None


class CensusOut(Schema):
    municipality_id: int
    province: str
    indicators: list[IndicatorOut] = Field(..., description="Latest census year of each place")


class NumberOut(Schema):
    label: str
    value: str = Field(..., description="Formatted in the request's language")


class FindingOut(Schema):
    kind: Literal["rise", "peers", "risk"]
    text: str = Field(..., description="In the request's language")
    numbers: list[NumberOut]
    topics: list[str] = Field(..., description="Knowledge base topic slugs")
    risk_factors: list[str] = Field(..., description="Knowledge base risk factor slugs")
    programs: list[str] = Field(..., description="Slugs of suggested knowledge base programs")


class DiagnosisOut(Schema):
    municipality_id: int
    peers: list[int] = Field(..., description="Ids of the peers compared with")
    findings: list[FindingOut]


def _municipality(request, municipality_id: int) -> Municipality:
    municipality = get_object_or_404(
        Municipality.objects.select_related("province"), pk=municipality_id
    )
    require(request, VIEW, municipality)
    return municipality


def _symbols(flags: str) -> list[str]:
    return flags.split() if flags else []


def _legend() -> list[dict]:
    return [{"symbol": s, "meaning": str(meaning)} for s, meaning in SYMBOLS.items()]


def _peers(municipality: Municipality, ids: list[int] | None) -> list[Municipality]:
    if ids is None:
        return services.default_peers(municipality)
    wanted = list(dict.fromkeys(ids))
    found = services.municipalities_with_data().exclude(pk=municipality.pk).in_bulk(wanted)
    missing = [i for i in wanted if i not in found]
    if missing:
        raise HttpError(
            422,
            _("No other municipality with community data has the id %(ids)s.")
            % {"ids": ", ".join(map(str, missing))},
        )
    return [found[i] for i in wanted]


@router.get("/tables", response={200: list[TableOut], **READ_ERRORS})
@paginate(Pagination)
def list_tables(request):
    """The Statistics Canada tables imported, by product id."""
    require(request, VIEW)
    return Table.objects.order_by("pid")


@router.get("/violations", response={200: list[ViolationOut], **READ_ERRORS})
def list_violations(request):
    """The violations and Crime Severity Index measures loaded, CSI first: the keys the crime
    endpoint accepts."""
    require(request, VIEW)
    return [{"key": k, "label": label} for k, label in services.violation_choices()]


@router.get("/municipalities/{int:municipality_id}/crime", response={200: CrimeOut, **READ_ERRORS})
def municipality_crime(request, municipality_id: Id, filters: Query[CrimeFilters]):
    """A municipality's police-reported crime over the years, as on its data page: the chosen
    violation or index and statistic for the municipality, its province, Canada and its peers,
    each value with Statistics Canada's status and symbols. 422 for a violation not loaded or a
    peer without data."""
    municipality = _municipality(request, municipality_id)
    choices = dict(services.violation_choices())
    violation = filters.violation or next(iter(choices), "")
    if violation and violation not in choices:
        raise HttpError(
            422,
            _("Unknown violation %(key)s: choose a key listed by /api/data/violations.")
            % {"key": violation},
        )
    peers = _peers(municipality, filters.peers)
    lines = services.trend(municipality, violation, filters.statistic, peers) if violation else []
    out = [
        {
            "label": line.label,
            "kind": line.kind,
            "points": [
                {"period": p.year, "value": p.value, "symbols": _symbols(p.flags)}
                for p in line.points
            ],
        }
        for line in lines
    ]
    return {
        "municipality_id": municipality.pk,
        "violation": violation,
        "violation_label": str(choices.get(violation, "")),
        "statistic": filters.statistic,
        "peers": [{"id": p.pk, "name": p.name} for p in peers],
        "periods": services.years_of(lines),
        "lines": out,
        "symbols": _legend(),
    }


def _cell(value):
    return {"value": value[0], "symbol": value[1]} if value else None


@router.get(
    "/municipalities/{int:municipality_id}/census", response={200: CensusOut, **READ_ERRORS}
)
def municipality_census(request, municipality_id: Id):
    """A municipality's census indicators beside its province's and Canada's (latest census
    year of each place); indicators none of them has are left out."""
    municipality = _municipality(request, municipality_id)
    table = services.census_indicators([municipality])
    return {
        "municipality_id": municipality.pk,
        "province": municipality.province.name,
        "indicators": [
            {
                "key": key,
                "label": label,
                "municipality": _cell(cells[0]),
                "province": _cell(cells[1]),
                "canada": _cell(cells[2]),
            }
            for key, label, cells in table["grid"]
        ],
    }


@router.get(
    "/municipalities/{int:municipality_id}/diagnosis",
    response={200: DiagnosisOut, **READ_ERRORS},
)
def municipality_diagnosis(request, municipality_id: Id):
    """What the data say about a municipality, as on its diagnosis page: the violations rising
    most over 5 and 10 years, where it stands among its peers, and the census risk factors above
    the province, each with its numbers and the knowledge base programs that address it."""
    municipality = _municipality(request, municipality_id)
    peers = services.default_peers(municipality)
    findings = diagnosis.diagnose(municipality, peers)
    return {
        "municipality_id": municipality.pk,
        "peers": [p.pk for p in peers],
        "findings": [
            {
                "kind": f.kind,
                "text": f.text,
                "numbers": [{"label": label, "value": value} for label, value in f.numbers],
                "topics": f.topics,
                "risk_factors": f.risk_factors,
                "programs": [p.slug for p in f.programs],
            }
            for f in findings
        ],
    }
