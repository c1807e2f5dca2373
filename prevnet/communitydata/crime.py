"""What the police-reported crime tables mean: violations, statistics, the Crime Severity Index.

Recognised: 35-10-0177 (Canada, provinces, census metropolitan areas), the police-service
tables 35-10-0178 to 35-10-0185, 35-10-0026 (the CSI) and any table shaped like them (a
"Violations" dimension; a "Statistics" dimension listing a crime severity index). A violation
is keyed by its Uniform Crime Reporting (UCR) code, the bracketed code of its label
("Robbery [1610]" → "1610"); the CSI by "csi", "csi_violent", "csi_non_violent".
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from prevnet.communitydata.models import Member, Table, TableKind
from prevnet.communitydata.reader import bracket_code

CRIME_PIDS = {"35100177", *(f"351001{n}" for n in range(78, 86))}
CSI_PIDS = {"35100026", "35100063", "35100064", "35100065", "35100066", "35100067"}

# Statistics dimension labels (lower case, prefix) → kind. Order matters: longest first.
STATISTICS = [
    ("actual incidents", "incidents"),
    ("rate per 100,000 population", "rate"),
    ("percentage change in rate", "rate_change"),
    ("unfounded incidents", "unfounded"),
    ("percent unfounded", "unfounded_percent"),
    ("total cleared", "cleared"),
    ("cleared by charge", "cleared_by_charge"),
    ("cleared otherwise", "cleared_otherwise"),
    ("total, persons charged", "charged"),
    ("rate, total persons charged", "charged_rate"),
    ("total, adult charged", "adults_charged"),
    ("adult charged", "adults_charged"),
    ("rate, adult charged", "adults_charged_rate"),
    ("total, youth charged", "youth_charged"),
    ("youth charged", "youth_charged"),
    ("rate, youth charged", "youth_charged_rate"),
    ("youth not charged", "youth_not_charged"),
    ("percentage change in violent crime severity index", "csi_violent_change"),
    ("percentage change in non-violent crime severity index", "csi_non_violent_change"),
    ("percentage change in youth crime severity index", "csi_youth_change"),
    ("percentage change in crime severity index", "csi_change"),
    ("violent crime severity index", "csi_violent"),
    ("non-violent crime severity index", "csi_non_violent"),
    ("youth crime severity index", "csi_youth"),
    ("crime severity index", "csi"),
    ("violent weighted clearance rate", "wcr_violent"),
    ("non-violent weighted clearance rate", "wcr_non_violent"),
    ("weighted clearance rate", "wcr"),
]
CSI_KEYS = {
    "csi": _("Crime Severity Index"),
    "csi_violent": _("Violent Crime Severity Index"),
    "csi_non_violent": _("Non-violent Crime Severity Index"),
    "wcr": _("Weighted clearance rate"),
}


def statistic_kind(label: str) -> str:
    low = label.casefold().strip()
    for prefix, kind in STATISTICS:
        if low.startswith(prefix):
            return kind
    return ""


def map_table(table: Table) -> None:
    """Mark a crime or CSI table and its members (UCR codes, statistic kinds)."""
    dims = {d.name.casefold(): d for d in table.dimensions.all()}
    violations = dims.get("violations")
    statistics = dims.get("statistics")
    kinds = {}
    if statistics:
        for member in statistics.members.all():
            kinds[member.pk] = statistic_kind(member.name)
    has_csi = any(k == "csi" for k in kinds.values())
    if table.pid in CRIME_PIDS or violations:
        table.kind = TableKind.CRIME
    elif table.pid in CSI_PIDS or has_csi:
        table.kind = TableKind.CSI
    else:
        return
    table.save(update_fields=["kind"])
    changed = []
    if violations:
        for member in violations.members.all():
            code = bracket_code(member.name) or member.code
            if member.ucr_code != code or member.kind != "violation":
                member.ucr_code, member.kind = code[:10], "violation"
                changed.append(member)
    if statistics:
        for member in statistics.members.all():
            if member.kind != kinds[member.pk]:
                member.kind = kinds[member.pk]
                changed.append(member)
    Member.objects.bulk_update(changed, ["ucr_code", "kind"])


# Violations (by UCR code prefix) → knowledge.Topic slugs (knowledge/migrations/0002).
TOPIC_PREFIXES = [
    ("13", ["violence-against-women"]),  # sexual offences
    ("1625", ["violence-against-women"]),  # criminal harassment
    ("1626", ["violence-against-women"]),  # indecent or harassing communications
    ("1627", ["violence-against-women"]),  # uttering threats
    ("1629", ["violence-against-women"]),  # non-consensual distribution of intimate images
    ("11", ["youth-gang-violence"]),  # homicide, attempted murder
    ("14", ["youth-gang-violence"]),  # assaults
    ("15", ["youth-gang-violence"]),  # deprivation of freedom
    ("16", ["youth-gang-violence"]),  # robbery, extortion
    ("3", ["youth-gang-violence", "inner-cities"]),  # weapons, disturbing the peace
    ("2170", ["inner-cities", "property-crime"]),  # mischief
    ("2", ["property-crime"]),
    ("4", ["substance-use"]),  # Controlled Drugs and Substances Act
    ("92", ["substance-use"]),  # impaired driving
    ("93", ["substance-use"]),
    ("6", ["repeat-offending"]),  # Youth Criminal Justice Act
    ("1", ["youth-gang-violence"]),
]
CSI_TOPICS = {
    "csi": ["inner-cities"],
    "csi_violent": ["youth-gang-violence"],
    "csi_non_violent": ["property-crime"],
}


def topics_for(violation_key: str) -> list[str]:
    if violation_key in CSI_TOPICS:
        return CSI_TOPICS[violation_key]
    if len(violation_key) < 3:  # totals like [0] or [50] address no one topic
        return []
    for prefix, slugs in TOPIC_PREFIXES:
        if violation_key.startswith(prefix):
            return slugs
    return []
