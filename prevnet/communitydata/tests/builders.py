"""Hand-made crime and census records for tests where the answer is obvious."""

from __future__ import annotations

from prevnet.communitydata.models import (
    CensusValue,
    Dimension,
    Geography,
    GeoLevel,
    Member,
    Observation,
    Series,
    Table,
    TableKind,
)


class Crime:
    """A tiny crime table (violations × rate) and CSI table to add series to."""

    def __init__(self):
        self.table = Table.objects.create(pid="35100177", title="crime", kind=TableKind.CRIME)
        self.violations = Dimension.objects.create(table=self.table, position=2, name="Violations")
        stats = Dimension.objects.create(table=self.table, position=3, name="Statistics")
        self.rate = Member.objects.create(
            dimension=stats, member_id=2, name="Rate per 100,000 population", kind="rate"
        )
        self.csi_table = Table.objects.create(pid="35100026", title="csi", kind=TableKind.CSI)
        csi_stats = Dimension.objects.create(table=self.csi_table, position=2, name="Statistics")
        self.csi = Member.objects.create(
            dimension=csi_stats, member_id=1, name="Crime severity index", kind="csi"
        )
        self.members: dict[str, Member] = {}
        self.n = 0

    def violation(self, code: str) -> Member:
        if code not in self.members:
            self.members[code] = Member.objects.create(
                dimension=self.violations, member_id=len(self.members) + 1,
                name=f"Violation [{code}]", ucr_code=code, kind="violation",
            )  # fmt: skip
        return self.members[code]

    def _series(self, table, geography, m1, m2, by_year):
        self.n += 1
        series = Series.objects.create(
            table=table, geography=geography, coordinate=f"{self.n}.1", member_1=m1, member_2=m2
        )
        Observation.objects.bulk_create(
            Observation(series=series, ref_date=str(y), value=v) for y, v in by_year.items()
        )

    def rates(self, geography, code: str, by_year: dict) -> None:
        self._series(self.table, geography, self.violation(code), self.rate, by_year)

    def csi_values(self, geography, by_year: dict) -> None:
        self._series(self.csi_table, geography, self.csi, None, by_year)


def geography(municipality=None, level=GeoLevel.CSD, province=None, name=None) -> Geography:
    name = name or (municipality.name if municipality else level)
    return Geography.objects.create(
        key=f"k-{name}-{level}", name=name, level=level, municipality=municipality,
        province=province or (municipality.province if municipality else None),
    )  # fmt: skip


def census(geo: Geography, **values) -> None:
    for key, value in values.items():
        CensusValue.objects.create(
            geography=geo, year=2021, characteristic=key, characteristic_name=key, value=value
        )


def flat(value: float, years=range(2013, 2024)) -> dict:
    return dict.fromkeys(years, value)
