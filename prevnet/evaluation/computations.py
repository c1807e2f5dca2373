"""Named computations: how an indicator's value is obtained from prevnet's records.

Each computation is registered under a name with ``@computation(...)`` and is called with a
``Period`` (first and last day) and a ``Where`` (region / province filter); it returns a
``Value``: the total, and the same figure broken down by each disaggregation it supports.
A computation whose data is not in prevnet yet raises ``NotAvailable``; pages show that state
as it is rather than a number.

A computation may also list the records behind a number (``records``), for the drill-down;
``personal=True`` marks those whose records are people (shown to network staff only).

The activity-based computations read the counting services of ``prevnet.activities``; the
questionnaire-based figures are not computed here yet (that capability is not merged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Q,
    QuerySet,
    When,
    Window,
)
from django.db.models import Value as Literal
from django.db.models.functions import Coalesce, FirstValue, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prevnet.activities import services as activity_services
from prevnet.activities.models import AssessmentResult, ModuleSubject
from prevnet.network.models import (
    EngagementEvent,
    EngagementKind,
    Municipality,
    Person,
    PositionType,
    Province,
)
from prevnet.programs.models import MunicipalProgram
from prevnet.questionnaires.models import Submission, SubmissionStatus


class NotAvailable(Exception):  # noqa: N818 - a state shown to users, not a failure
    """The data this computation needs is not recorded in prevnet (yet)."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def as_of(self) -> dt.date:
        """The day a stock is measured: the period's last day, or today while it runs."""
        return min(self.end, timezone.localdate())

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.localdate()


@dataclass(frozen=True)
class Where:
    region: int | None = None
    province: int | None = None

    def municipalities(self, prefix: str = "") -> Q:
        q = Q()
        if self.region:
            q &= Q(**{f"{prefix}province__region": self.region})
        if self.province:
            q &= Q(**{f"{prefix}province": self.province})
        return q


@dataclass
class Value:
    total: Decimal
    # disaggregation -> list of (label, value), in display order
    breakdown: dict[str, list[tuple[str, Decimal]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Computation:
    name: str
    label: str
    fn: Callable[[Period, Where, tuple[str, ...]], Value]
    disaggregations: tuple[str, ...] = ()
    # (headers, rows); a row's cell is a value or (text, url)
    records: Callable[[Period, Where], tuple[list, list]] | None = None
    personal: bool = False


REGISTRY: dict[str, Computation] = {}
RECORDS_LIMIT = 2000  # a drill-down lists at most this many records


def computation(name, label, disaggregations=(), records=None, personal=False):
    def register(fn):
        REGISTRY[name] = Computation(name, label, fn, tuple(disaggregations), records, personal)
        return fn

    return register


def choices() -> list[tuple[str, str]]:
    return [("", _("Entered by staff, with evidence"))] + [
        (c.name, c.label) for c in REGISTRY.values()
    ]


def _by_place(qs: QuerySet, prefix: str, dims: tuple[str, ...]) -> dict:
    """Breakdowns by region and province from one query grouped by province id (plus one to
    name the provinces): grouping on an integer, not on names, keeps it cheap over 50,000
    people. ``qs`` must list each counted thing once (every caller's queryset does)."""
    if not {"region", "province"} & set(dims):
        return {}
    counts = dict(qs.values_list(f"{prefix}province").annotate(n=Count("pk")).order_by())
    provinces = {
        p.pk: p
        for p in Province.objects.select_related("region").filter(pk__in=[k for k in counts if k])
    }
    out = {}
    if "region" in dims:
        regions: dict = {}
        for pk, n in counts.items():
            region = provinces[pk].region if pk else None
            regions[region] = regions.get(region, 0) + n
        ordered = sorted(regions, key=lambda r: (r is None, r.order if r else 0, _name(r)))
        out["region"] = [(_name(r), Decimal(regions[r])) for r in ordered]
    if "province" in dims:
        ordered = sorted(counts, key=lambda pk: (pk is None, provinces[pk].name_en if pk else ""))
        out["province"] = [(_name(provinces.get(pk)), Decimal(counts[pk])) for pk in ordered]
    return out


def _name(place) -> str:
    from django.utils.translation import get_language

    if place is None:
        return "—"
    return (place.name_fr if get_language() == "fr" else place.name_en) or place.name_en or "—"


# --- over the registry: municipalities engaged in a CCSS and exchanging ------------------------


def _said_engaged(on: dt.date) -> QuerySet:
    """Municipalities whose latest outcome questionnaire submitted by ``on`` answers yes to
    both "uses a CCSS" and "exchanges with others about it" (stable question names)."""
    # "By ``on``" as before the next local midnight: the same rows as ``submitted_at__date__lte``
    # without converting every row's time zone.
    before = timezone.make_aware(dt.datetime.combine(on + dt.timedelta(days=1), dt.time()))
    outcome = Submission.objects.filter(
        version__questionnaire__slug="outcome",
        status=SubmissionStatus.SUBMITTED,
        submitted_at__lt=before,
        municipality__isnull=False,
    )
    says_both = Case(
        When(Q(answers__uses_ccss="yes", answers__exchanges_ccss="yes"), then=Literal(1)),
        default=Literal(0),
        output_field=IntegerField(),
    )
    # One pass over the outcome answers: each row carries what its municipality's latest answer
    # (by submitted_at, then pk) says. A correlated "ORDER BY ... LIMIT 1" per answer took
    # 0.5 s a period on PostgreSQL over 20,000 outcome answers (most of it JIT compilation set
    # off by that plan's cost), a "no later answer" anti-join 90 ms; this, measured in
    # bench/README.md, 30 to 75 ms.
    return (
        outcome.annotate(
            latest_says=Window(
                FirstValue(says_both),
                # "+ 0": SQLite otherwise walks the municipality index to get the partition
                # order, one random read per answer of any questionnaire (240 ms against 25 ms
                # sorting the outcome answers at 200,000 submissions); PostgreSQL sorts anyway.
                partition_by=F("municipality") + 0,
                order_by=[F("submitted_at").desc(), F("pk").desc()],
            )
        )
        .filter(latest_says=1)
        .values("municipality")
    )


def _engaged(period: Period, where: Where) -> QuerySet:
    """Municipalities both engaged in a CCSS and exchanging with others on the period's last day
    (the seed's "go from 15 to 30 municipalities exchanging and engaged in CCSS"): by the
    registry's engagement history, or by their latest outcome questionnaire."""
    on = period.as_of
    current = Q(started_on__lte=on) & (Q(ended_on__isnull=True) | Q(ended_on__gt=on))
    ccss = EngagementEvent.objects.filter(current, kind=EngagementKind.CCSS).values("municipality")
    exchanging = EngagementEvent.objects.filter(current, kind=EngagementKind.EXCHANGING).values(
        "municipality"
    )
    by_registry = Q(pk__in=ccss) & Q(pk__in=exchanging)
    return Municipality.objects.filter(
        where.municipalities(), by_registry | Q(pk__in=_said_engaged(on))
    )


def _engaged_records(period: Period, where: Where):
    qs = _engaged(period, where).select_related("province__region").order_by("name")
    rows = [
        [(m.name, m.get_absolute_url()), m.province.name, m.province.region.name]
        for m in qs[:RECORDS_LIMIT]
    ]
    return [_("Municipality"), _("Province or territory"), _("Region")], rows


@computation(
    "municipalities_engaged_ccss",
    _("Municipalities exchanging and engaged in a CCSS (on the period's last day)"),
    disaggregations=("region", "province"),
    records=_engaged_records,
)
def municipalities_engaged_ccss(period: Period, where: Where, dims=()) -> Value:
    if not period.has_started:
        return Value(Decimal(0))
    qs = _engaged(period, where)
    return Value(Decimal(qs.count()), _by_place(qs, "", dims))


# --- over the programs registry: additional programs or mainstreamed actions ------------------


def _fostered(period: Period, where: Where) -> QuerySet:
    """Programs the programme fostered, counted in the period they started (or, without a start
    date, when they were recorded)."""
    return MunicipalProgram.objects.annotate(
        began=Coalesce(F("started_on"), TruncDate("created_at"))
    ).filter(
        where.municipalities("municipality__"),
        fostered_by_programme=True,
        began__gte=period.start,
        began__lte=period.end,
    )


def _fostered_records(period: Period, where: Where):
    qs = _fostered(period, where).select_related("municipality").order_by("began", "name")
    rows = [
        [
            (p.name, p.get_absolute_url()),
            (p.municipality.name, p.municipality.get_absolute_url()),
            p.began,
            _("Yes") if p.is_mainstreamed else _("No"),
        ]
        for p in qs[:RECORDS_LIMIT]
    ]
    return [_("Program"), _("Municipality"), _("Start"), _("Mainstreamed")], rows


@computation(
    "additional_programs",
    _("Additional preventive programs or mainstreamed actions fostered (started in the period)"),
    disaggregations=("region", "province", "kind"),
    records=_fostered_records,
)
def additional_programs(period: Period, where: Where, dims=()) -> Value:
    qs = _fostered(period, where)
    breakdown = _by_place(qs, "municipality__", dims)
    if "kind" in dims:
        rows = dict(qs.values_list("is_mainstreamed").annotate(n=Count("pk")).order_by())
        breakdown["kind"] = [
            (str(_("Preventive programs")), Decimal(rows.get(False, 0))),
            (str(_("Mainstreamed actions")), Decimal(rows.get(True, 0))),
        ]
    return Value(Decimal(qs.count()), breakdown)


# --- helpers for the people-based computations ------------------------------------------------


def count_people(people: QuerySet, dims=()) -> Value:
    """Distinct people in ``people`` (a Person queryset, already filtered by period and place),
    with breakdowns by their municipality's region and province and by position: one query for
    the total, one for region and province together, one for position."""
    base = people
    if _may_repeat(people):
        base = Person.objects.filter(pk__in=people.values("pk"))
    breakdown = _by_place(base, "municipality__", dims)
    if "position_type" in dims:
        labels = dict(PositionType.choices)
        rows = base.values_list("position_type").annotate(n=Count("pk")).order_by("position_type")
        breakdown["position_type"] = [(str(labels.get(k, k)), Decimal(n)) for k, n in rows]
    return Value(Decimal(base.count()), breakdown)


def _may_repeat(qs: QuerySet) -> bool:
    """Whether a row may come more than once: a join along a reverse or many-to-many relation
    (e.g. through attendances). Joins along foreign keys (a person's municipality, province,
    region: the place filter) cannot repeat a person, and wrapping such a queryset in
    ``pk__in`` costs one more pass over the people (seconds on SQLite at 50,000 people)."""
    for join in qs.query.alias_map.values():
        field = getattr(join, "join_field", None)
        if field is not None and (field.one_to_many or field.many_to_many):
            return True
    return qs.query.distinct or bool(qs.query.combinator)


def people_records(people: QuerySet):
    """The drill-down of a people-based computation (register it with ``personal=True``)."""
    qs = (
        Person.objects.filter(pk__in=people.values("pk"))
        .select_related("municipality", "organization")
        .order_by("last_name", "first_name")
    )
    rows = [
        [
            (str(p), p.get_absolute_url()),
            p.get_position_type_display(),
            p.municipality.name if p.municipality else "—",
            p.organization.name if p.organization else "—",
        ]
        for p in qs[:RECORDS_LIMIT]
    ]
    return [_("Name"), _("Position"), _("Municipality"), _("Organization")], rows


# --- over activities: workshops, assessments, exchanges, direct coaching ---------------------
# The counting itself lives in prevnet.activities.services (one definition of "sensitized",
# "trained", ...); here each becomes an indicator's value per period and place.


def _span(period: Period) -> dict:
    return {"start": period.start, "end": period.end}


def _in_place(qs: QuerySet, field: str, where: Where) -> QuerySet:
    """Keep the rows whose municipality (``field``) is in the region or province: the same rule
    as the services' own place filter (where a person or municipality is from), written as a
    subquery of municipalities rather than a join, which both PostgreSQL and SQLite plan far
    better beside the services' ``pk__in`` subquery (50 ms rather than 170 ms to 1 s at 50,000
    people, bench/README.md)."""
    if not (where.region or where.province):
        return qs
    return qs.filter(**{f"{field}__in": Municipality.objects.filter(where.municipalities())})


def _sensitized(period: Period, where: Where) -> QuerySet:
    people = activity_services.sensitized_people(**_span(period))
    return _in_place(people, "municipality", where)


def _trained(period: Period, where: Where) -> QuerySet:
    return _in_place(activity_services.trained_people(None, **_span(period)), "municipality", where)


@computation(
    "unique_stakeholders_sensitized",
    _("Unique municipal stakeholders sensitized (workshop attendance)"),
    disaggregations=("region", "province", "position_type"),
    records=lambda period, where: people_records(_sensitized(period, where)),
    personal=True,
)
def unique_stakeholders_sensitized(period: Period, where: Where, dims=()) -> Value:
    return count_people(_sensitized(period, where), dims)


@computation(
    "people_trained_to_standard",
    _("Key municipal employees trained to the network's standard (assessments)"),
    disaggregations=("region", "province", "position_type", "module"),
    records=lambda period, where: people_records(_trained(period, where)),
    personal=True,
)
def people_trained_to_standard(period: Period, where: Where, dims=()) -> Value:
    value = count_people(_trained(period, where), dims)
    if "module" in dims:
        # Per module each person once; a person trained in two modules is in both rows, so
        # these rows may add up to more than the total.
        results = AssessmentResult.objects.filter(
            passed=True,
            taken_on__gte=period.start,
            taken_on__lte=period.end,
            person__in=_trained(period, where).values("pk"),
        )
        counts = dict(
            results.values_list("assessment__module__subject")
            .annotate(n=Count("person", distinct=True))
            .order_by()
        )
        value.breakdown["module"] = [
            (str(label), Decimal(counts.get(code, 0))) for code, label in ModuleSubject.choices
        ]
    return value


def _exchanges(period: Period, where: Where) -> QuerySet:
    return _in_place(activity_services.exchange_projects(**_span(period)), "visiting", where)


def _exchange_records(period: Period, where: Where):
    qs = _exchanges(period, where).select_related("activity", "visiting", "host")
    rows = [
        [
            (str(e.activity), e.activity.get_absolute_url()),
            (e.visiting.name, e.visiting.get_absolute_url()),
            (e.host.name, e.host.get_absolute_url()),
            e.activity.starts_on,
            e.get_status_display(),
        ]
        for e in qs.order_by("activity__starts_on", "pk")[:RECORDS_LIMIT]
    ]
    headers = [_("Exchange"), _("Visiting municipality"), _("Host"), _("Start"), _("Status")]
    return headers, rows


@computation(
    "coaching_mentoring_projects",
    _("Inter-municipal coaching and mentoring projects (exchanges)"),
    disaggregations=("region", "province"),
    records=_exchange_records,
)
def coaching_mentoring_projects(period: Period, where: Where, dims=()) -> Value:
    """Exchanges approved or further whose activity starts in the period (a proposal alone is
    not a project), placed by the visiting municipality."""
    qs = _exchanges(period, where)
    return Value(Decimal(qs.count()), _by_place(qs, "visiting__", dims))


def _newly_coached(period: Period, where: Where) -> QuerySet:
    """Municipalities whose first direct coaching falls in the period: "new" ones. A municipality
    coached in years 1 and 2 counts in year 1 only, so the years add up to the programme."""
    before = activity_services.coached_municipalities(end=period.start - dt.timedelta(days=1))
    coached = activity_services.coached_municipalities(**_span(period))
    return _in_place(coached, "pk", where).exclude(pk__in=before.values("pk"))


def _coached_records(period: Period, where: Where):
    qs = _newly_coached(period, where).select_related("province__region").order_by("name")
    rows = [
        [(m.name, m.get_absolute_url()), m.province.name, m.province.region.name]
        for m in qs[:RECORDS_LIMIT]
    ]
    return [_("Municipality"), _("Province or territory"), _("Region")], rows


@computation(
    "new_municipalities_coached",
    _("New municipalities given direct coaching (first coached in the period)"),
    disaggregations=("region", "province"),
    records=_coached_records,
)
def new_municipalities_coached(period: Period, where: Where, dims=()) -> Value:
    qs = _newly_coached(period, where)
    return Value(Decimal(qs.count()), _by_place(qs, "", dims))
