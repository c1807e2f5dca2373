"""Compare municipalities: chosen indicators (crime and census) × chosen municipalities."""

from __future__ import annotations

from prevnet.communitydata import census, services

DEFAULTS = ["crime:csi", "crime:0", "census:population", "census:low_income"]
DEFAULTS += ["census:unemployment_rate"]


def default_indicators() -> list[str]:
    """What a comparison shows before indicators are chosen: those of DEFAULTS available."""
    crime = {k for k, _label in services.violation_choices()}
    return [i for i in DEFAULTS if not i.startswith("crime:") or i.split(":", 1)[1] in crime]


def table(municipalities: list, indicators: list[str]) -> dict:
    """{"columns": [names], "rows": [[indicator label, value, …]]} — None where absent."""
    if not municipalities or not indicators:
        return {"columns": [], "rows": []}
    crime_keys = {i.split(":", 1)[1] for i in indicators if i.startswith("crime:")}
    geos = services.crime_geographies([m.pk for m in municipalities])
    crime = services.latest_values(geos.values(), violations=crime_keys) if crime_keys else {}
    people = services.census_indicators(municipalities, with_province=False)
    labels = dict(services.violation_choices())
    rows = []
    for indicator in indicators:
        kind, key = indicator.split(":", 1)
        if kind == "crime":
            label = labels.get(key, key)
            values = [crime.get(geos.get(m.pk), {}).get(key) for m in municipalities]
        else:
            label = census.label_of(key)
            values = [
                (people["values"].get((key, i)) or (None, ""))[0]
                for i in range(len(municipalities))
            ]
        rows.append([label, *values])
    return {"columns": [m.name for m in municipalities], "rows": rows}
