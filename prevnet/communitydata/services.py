"""Queries behind the data pages, the comparison and other capabilities (docs/communitydata.md).

A municipality's crime figures come from the geography that best stands for it: its census
subdivision, else its municipal police service, else the census metropolitan area named after
it. Each query fetches plain values (no model instances) in a fixed number of statements, so a
page stays fast with the full 35-10-0177 table loaded.

Public for other capabilities: ``crime_profile(municipality_ids)``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, Max, OuterRef, Q

from prevnet.communitydata import census
from prevnet.communitydata.crime import CSI_KEYS
from prevnet.communitydata.models import (
    CensusValue,
    Geography,
    GeoLevel,
    Member,
    Observation,
    Series,
    TableKind,
)
from prevnet.network.models import Municipality

CRIME_KINDS = (TableKind.CRIME, TableKind.CSI)
LEVEL_PRIORITY = {GeoLevel.CSD: 0, GeoLevel.POLICE: 1, GeoLevel.CMA: 2, GeoLevel.CA: 3}
STATISTICS = ("rate", "incidents")
MAX_PEERS = 5


@dataclass
class Point:
    year: str
    value: float | None
    flags: str = ""


@dataclass
class Line:
    label: str
    kind: str  # "municipality", "province", "country", "peer"
    points: list[Point] = field(default_factory=list)

    def at(self, year: str) -> Point | None:
        return next((p for p in self.points if p.year == year), None)


def _has_crime():
    # EXISTS probes the series index per geography; a join would scan every series.
    return Exists(Series.objects.filter(geography=OuterRef("pk"), table__kind__in=CRIME_KINDS))


def crime_geographies(municipality_ids) -> dict[int, int]:
    """{municipality id: the geography id that best stands for it in the crime tables}."""
    rows = (
        Geography.objects.filter(
            municipality_id__in=list(municipality_ids), level__in=list(LEVEL_PRIORITY)
        )
        .filter(_has_crime())
        .values_list("municipality_id", "id", "level")
    )
    best: dict[int, tuple[int, int]] = {}
    for mid, gid, level in rows:
        rank = LEVEL_PRIORITY[level]
        if mid not in best or rank < best[mid][0]:
            best[mid] = (rank, gid)
    return {mid: gid for mid, (_rank, gid) in best.items()}


def municipalities_with_data():
    ids = _with_crime_ids()
    census_ids = Geography.objects.filter(census_values__isnull=False).values("municipality_id")
    return Municipality.objects.filter(Q(pk__in=ids) | Q(pk__in=census_ids)).select_related(
        "province"
    )


def violation_choices() -> list[tuple[str, str]]:
    """(key, label) of every violation and CSI measure present, CSI first."""
    kinds = set(
        Member.objects.filter(kind__in=CSI_KEYS, dimension__table__kind=TableKind.CSI)
        .values_list("kind", flat=True)
        .distinct()
    )
    choices = [(k, str(label)) for k, label in CSI_KEYS.items() if k in kinds]
    seen = set()
    for code, name in (
        Member.objects.filter(kind="violation", dimension__table__kind=TableKind.CRIME)
        .exclude(ucr_code="")
        .order_by("ucr_code", "-dimension__table_id")
        .values_list("ucr_code", "name")
    ):
        if code not in seen:
            seen.add(code)
            choices.append((code, name))
    return choices


def _series_filter(violation: str, statistic: str) -> Q:
    if violation in CSI_KEYS:
        return Q(member_1__kind=violation) | Q(member_2__kind=violation)
    return Q(member_1__ucr_code=violation, member_2__kind=statistic)


def reference_geographies(municipality: Municipality) -> dict[str, int]:
    """The province's and Canada's geography ids in the crime tables."""
    # Only those with crime series: a census profile's province (another DGUID vintage, say)
    # is a geography of its own.
    rows = (
        Geography.objects.filter(
            Q(level=GeoLevel.PROVINCE, province_id=municipality.province_id)
            | Q(level=GeoLevel.COUNTRY)
        )
        .filter(_has_crime())
        .values_list("level", "id")
    )
    return dict(rows)


def default_peers(municipality: Municipality, n: int = MAX_PEERS) -> list[Municipality]:
    """The n municipalities with crime data closest in population (same province first)."""
    candidates = [
        m
        for m in municipalities_with_data().filter(pk__in=_with_crime_ids())
        if m.pk != municipality.pk
    ]
    size = municipality.population or 0

    def distance(m):
        return (m.province_id != municipality.province_id, abs((m.population or 0) - size))

    return sorted(candidates, key=distance)[:n]


def _with_crime_ids():
    return Geography.objects.filter(_has_crime(), municipality__isnull=False).values(
        "municipality_id"
    )


def trend(
    municipality: Municipality, violation: str, statistic: str, peers: list[Municipality]
) -> list[Line]:
    """Lines over the years: the municipality, its province, Canada, then the peers."""
    peers = peers[:MAX_PEERS]
    own = crime_geographies([municipality.pk, *(p.pk for p in peers)])
    refs = reference_geographies(municipality)
    wanted: list[tuple[int, str, str]] = []
    if municipality.pk in own:
        wanted.append((own[municipality.pk], municipality.name, "municipality"))
    if GeoLevel.PROVINCE in refs:
        wanted.append((refs[GeoLevel.PROVINCE], municipality.province.name, "province"))
    if GeoLevel.COUNTRY in refs:
        wanted.append((refs[GeoLevel.COUNTRY], "Canada", "country"))
    wanted += [(own[p.pk], p.name, "peer") for p in peers if p.pk in own]
    series = dict(
        Series.objects.filter(
            _series_filter(violation, statistic),
            geography_id__in=[g for g, _l, _k in wanted],
            table__kind__in=CRIME_KINDS,
        ).values_list("geography_id", "id")
    )
    points: dict[int, list[Point]] = defaultdict(list)
    for sid, year, value, status, symbol, terminated in (
        Observation.objects.filter(series_id__in=list(series.values()))
        .order_by("ref_date")
        .values_list("series_id", "ref_date", "value", "status", "symbol", "terminated")
    ):
        flags = " ".join(s for s in (status, symbol, "t" if terminated else "") if s)
        points[sid].append(Point(year, value, flags))
    return [Line(label, kind, points[series[g]]) for g, label, kind in wanted if g in series]


def years_of(lines: list[Line]) -> list[str]:
    return sorted({p.year for line in lines for p in line.points})


def census_indicators(municipalities: list[Municipality], with_province: bool = True) -> dict:
    """The configured census characteristics of the municipalities (then their province and
    Canada), latest census year of each place; two queries whatever the number of places.

    {"rows": [(key, label)], "columns": [label], "values": {(key, column): (v, symbol)},
     "grid": [(key, label, [(v, symbol) or None per column])]}.
    """
    columns: list[str] = [m.name for m in municipalities]
    where = Q(municipality_id__in=[m.pk for m in municipalities], level=GeoLevel.CSD)
    province = municipalities[0].province if municipalities else None
    if with_province and province:
        columns += [province.name, "Canada"]
        where |= Q(level=GeoLevel.PROVINCE, province_id=province.pk) | Q(level=GeoLevel.COUNTRY)
    index_of = {m.pk: i for i, m in enumerate(municipalities)}
    found: dict[int, int] = {}
    for gid, level, mid in (
        Geography.objects.filter(where, census_values__isnull=False)
        .values_list("id", "level", "municipality_id")
        .distinct()
    ):
        if level == GeoLevel.CSD:
            found.setdefault(gid, index_of[mid])
        elif level == GeoLevel.PROVINCE:
            found[gid] = len(municipalities)
        else:
            found[gid] = len(municipalities) + 1
    latest: dict[tuple[str, int], tuple[int, float | None, str]] = {}
    for gid, year, key, value, symbol in CensusValue.objects.filter(
        geography_id__in=list(found)
    ).values_list("geography_id", "year", "characteristic", "value", "symbol"):
        cell = (key, found[gid])
        if cell not in latest or latest[cell][0] < year:
            latest[cell] = (year, value, symbol)
    values = {cell: (value, symbol) for cell, (_y, value, symbol) in latest.items()}
    rows = [(c[0], str(c[3])) for c in census.characteristics()]
    rows = [r for r in rows if any((r[0], i) in values for i in range(len(columns)))]
    grid = [
        (key, label, [values.get((key, i)) for i in range(len(columns))]) for key, label in rows
    ]
    return {"rows": rows, "columns": columns, "values": values, "grid": grid}


def latest_values(geography_ids, violations=None) -> dict[int, dict[str, float]]:
    """{geography id: {violation key: latest rate (or CSI)}} from the crime tables."""
    q = Q(member_2__kind="rate", member_1__kind="violation") | Q(member_1__kind__in=list(CSI_KEYS))
    series = Series.objects.filter(
        q, geography_id__in=list(geography_ids), table__kind__in=CRIME_KINDS
    )
    meta = {
        sid: (gid, ucr or kind)
        for sid, gid, ucr, kind in series.values_list(
            "id", "geography_id", "member_1__ucr_code", "member_1__kind"
        )
    }
    if violations is not None:
        meta = {sid: v for sid, v in meta.items() if v[1] in violations}
    observations = Observation.objects.filter(series_id__in=list(meta), value__isnull=False)
    last = observations.aggregate(y=Max("ref_date"))["y"]
    if last and last[:4].isdigit():  # "latest" within the last three periods, not all history
        observations = observations.filter(ref_date__gte=str(int(last[:4]) - 2))
    out: dict[int, dict[str, tuple[str, float]]] = defaultdict(dict)
    for sid, year, value in observations.values_list("series_id", "ref_date", "value"):
        gid, key = meta[sid]
        if key not in out[gid] or out[gid][key][0] < year:
            out[gid][key] = (year, value)
    return {gid: {k: v for k, (_y, v) in d.items()} for gid, d in out.items()}


def crime_profile(municipality_ids) -> dict[int, dict[str, float]]:
    """{municipality id: {violation key: rate}} for peer matching (activities app).

    A violation key is the UCR code of a violation ("1610" robbery; "0" all violations) and
    the value its latest police-reported rate per 100,000 population; "csi", "csi_violent",
    "csi_non_violent" hold the latest Crime Severity Indexes. Municipalities without crime
    data are absent from the answer. Three queries whatever the number of municipalities.
    """
    geos = crime_geographies(municipality_ids)
    values = latest_values(geos.values())
    return {mid: values.get(gid, {}) for mid, gid in geos.items()}
