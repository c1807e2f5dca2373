"""The registry's logic: searches, exports, summaries and edit history. No request objects."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from prevnet.network.models import (
    EngagementEvent,
    Municipality,
    Organization,
    Person,
    PositionType,
)

# Published aggregates never show a count below this: it could single out a person.
SMALL_COUNT = 5


def search_municipalities(filters: dict) -> QuerySet[Municipality]:
    """Municipalities matching the list page's filters, with their engagement annotated."""
    qs = Municipality.objects.select_related("province__region").with_engagement()
    if q := (filters.get("q") or "").strip():
        qs = qs.filter(Q(name__icontains=q) | Q(csd_code__startswith=q))
    if region := filters.get("region"):
        qs = qs.filter(province__region=region)
    if province := filters.get("province"):
        qs = qs.filter(province=province)
    if membership := filters.get("membership"):
        qs = qs.filter(membership_status=membership)
    if ccss := filters.get("ccss"):
        qs = qs.filter(engaged_in_ccss=(ccss == "yes"))
    return qs


def municipality_export(qs: QuerySet[Municipality]) -> tuple[list[str], Iterator[list]]:
    headers = [
        _("Name"),
        _("Province or territory"),
        _("Region"),
        _("Census subdivision code"),
        _("Population"),
        _("Census year"),
        _("Latitude"),
        _("Longitude"),
        _("Website"),
        _("Membership"),
        _("Date joined"),
        _("Engaged in a CCSS"),
        _("Exchanging with other municipalities"),
    ]
    yes, no = _("Yes"), _("No")

    def rows():
        for m in qs.iterator(chunk_size=500):
            yield [
                m.name,
                m.province.name,
                m.province.region.name,
                m.csd_code,
                m.population,
                m.population_year,
                m.latitude,
                m.longitude,
                m.website,
                m.get_membership_status_display(),
                m.joined_on,
                yes if m.engaged_in_ccss else no,
                yes if m.exchanging else no,
            ]

    return headers, rows()


def network_figures() -> dict:
    """The published headline figures of the network (aggregates, no personal data)."""
    qs = Municipality.objects.with_engagement()
    # Aggregate names must differ from the annotations they count, or they shadow them.
    totals = qs.aggregate(
        n_all=Count("pk"),
        n_members=Count("pk", filter=Q(membership_status="member")),
        n_ccss=Count("pk", filter=Q(engaged_in_ccss=True)),
        n_exchanging=Count("pk", filter=Q(exchanging=True)),
    )
    return {
        "municipalities": totals["n_all"],
        "members": totals["n_members"],
        "engaged_in_ccss": totals["n_ccss"],
        "exchanging": totals["n_exchanging"],
    }


def search_organizations(filters: dict) -> QuerySet[Organization]:
    qs = Organization.objects.select_related("municipality__province").order_by("name", "pk")
    if q := (filters.get("q") or "").strip():
        qs = qs.filter(name__icontains=q)
    if kind := filters.get("type"):
        qs = qs.filter(type=kind)
    if filters.get("scope") == "national":
        qs = qs.filter(municipality__isnull=True)
    elif filters.get("scope") == "local":
        qs = qs.filter(municipality__isnull=False)
    return qs


def organization_export(qs: QuerySet[Organization]) -> tuple[list[str], Iterator[list]]:
    headers = [_("Name"), _("Type"), _("Municipality"), _("Website")]
    national = _("National or provincial")

    def rows():
        for o in qs.iterator(chunk_size=500):
            place = o.municipality.name if o.municipality_id else national
            yield [o.name, o.get_type_display(), place, o.website]

    return headers, rows()


def search_people(qs: QuerySet[Person], filters: dict) -> QuerySet[Person]:
    qs = qs.select_related("organization", "municipality")
    if q := (filters.get("q") or "").strip():
        qs = qs.filter(
            Q(first_name__icontains=q) | Q(last_name__icontains=q) | Q(email__icontains=q)
        )
    if position := filters.get("position"):
        qs = qs.filter(position_type=position)
    return qs


def person_export(qs: QuerySet[Person]) -> tuple[list[str], Iterator[list]]:
    headers = [
        _("First name"),
        _("Last name"),
        _("E-mail"),
        _("Position"),
        _("Title"),
        _("Organization"),
        _("Municipality"),
        _("Preferred language"),
    ]

    def rows():
        for p in qs.iterator(chunk_size=500):
            yield [
                p.first_name,
                p.last_name,
                p.email,
                p.get_position_type_display(),
                p.title,
                p.organization.name if p.organization_id else "",
                p.municipality.name if p.municipality_id else "",
                p.get_language_display(),
            ]

    return headers, rows()


@dataclass
class PositionCount:
    label: str
    count: int | None  # None when suppressed (below SMALL_COUNT)


def people_summary(municipality: Municipality, *, suppress: bool) -> list[PositionCount]:
    """How many people of each position the network knows in a municipality, names left out.

    With ``suppress``, counts from 1 to 4 are hidden so that no one can be singled out.
    """
    counts = Counter(
        dict(
            municipality.people.values_list("position_type")
            .annotate(n=Count("id"))
            .values_list("position_type", "n")
        )
    )
    summary = []
    for value, label in PositionType.choices:
        n = counts.get(value, 0)
        if n:
            hidden = suppress and n < SMALL_COUNT
            summary.append(PositionCount(label=label, count=None if hidden else n))
    return summary


def save_with_history(instance, user, reason: str = "") -> None:
    """Save one registry record, recording who made the change for the edit history."""
    instance._history_user = user if getattr(user, "is_authenticated", False) else None
    if reason:
        instance._change_reason = reason
    with transaction.atomic():
        instance.full_clean()
        instance.save()


def add_engagement(municipality: Municipality, event: EngagementEvent, user) -> EngagementEvent:
    event.municipality = municipality
    save_with_history(event, user)
    return event


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: object
    who: str
    action: str
    changes: list[Change]


HISTORY_MODELS = {
    "municipality": Municipality,
    "organization": Organization,
    "person": Person,
}


def _display(record, field_name: str, related_cache: dict) -> str:
    field = record.instance_type._meta.get_field(field_name)
    value = getattr(record, field.attname, None)
    if value is None:
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        # History is short (bounded by ``limit``) and relation changes rare; cache each lookup.
        key = (field.related_model, value)
        if key not in related_cache:
            related_cache[key] = field.related_model._default_manager.filter(pk=value).first()
        return str(related_cache[key] or value)
    return str(value)


def record_history(instance, limit: int = 200) -> list[HistoryEntry]:
    """Who changed what and when, newest first, as field-by-field differences."""
    actions = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
    records = list(instance.history.select_related("history_user")[: limit + 1])
    related_cache: dict = {}
    entries = []
    for record, previous in zip(records, records[1:] + [None], strict=False):
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [
                Change(
                    field=str(record.instance_type._meta.get_field(c.field).verbose_name),
                    old=_display(previous, c.field, related_cache),
                    new=_display(record, c.field, related_cache),
                )
                for c in delta.changes
            ]
        who = record.history_user.get_username() if record.history_user else _("system")
        entries.append(
            HistoryEntry(record.history_date, who, actions[record.history_type], changes)
        )
    return entries[:limit]
