"""Local safety diagnosis: what the data say about a municipality, in plain words with numbers.

Three kinds of finding, each tied to knowledge-base programs through the shared vocabulary:
- violations whose rate rose most over 5 and 10 years (→ knowledge.Topic, via crime.topics_for);
- where the municipality stands among its peers on the Crime Severity Index (percentile);
- census risk factors above the provincial level (→ knowledge.RiskFactor, via census.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from prevnet.communitydata import census, services
from prevnet.communitydata.crime import CSI_KEYS, topics_for
from prevnet.communitydata.models import Observation, Series
from prevnet.knowledge.models import STRENGTH_RANK, Program
from prevnet.network.models import Municipality

TOP_RISES = 3
MIN_BASE_RATE = 1.0  # per 100,000: rises from almost nothing are noise, not a finding
PROGRAMS_PER_FINDING = 3


@dataclass
class Finding:
    kind: str  # "rise", "peers", "risk"
    text: str
    numbers: list[tuple[str, str]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    risk_factors: list[str] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)


def _rates(geography_id: int) -> dict[str, tuple[str, dict[str, float]]]:
    """{ucr code: (violation name, {year: rate})} for one geography."""
    series = Series.objects.filter(
        geography_id=geography_id, member_1__kind="violation", member_2__kind="rate"
    ).values_list("id", "member_1__ucr_code", "member_1__name")
    meta = {sid: (code, name) for sid, code, name in series}
    out: dict[str, tuple[str, dict[str, float]]] = {}
    for sid, year, value in Observation.objects.filter(
        series_id__in=list(meta), value__isnull=False
    ).values_list("series_id", "ref_date", "value"):
        code, name = meta[sid]
        out.setdefault(code, (name, {}))[1][year[:4]] = value
    return out


def rising_violations(
    geography_id: int, span: int
) -> list[tuple[str, str, str, float, str, float]]:
    """[(code, name, from year, from rate, to year, to rate)] rising most over ``span`` years."""
    rises = []
    for code, (name, by_year) in _rates(geography_id).items():
        if len(code) < 3:  # "Total, all violations [0]" and the like are not one problem
            continue
        last = max(by_year)
        first = str(int(last) - span)
        base = by_year.get(first)
        if base is None or base < MIN_BASE_RATE or by_year[last] <= base:
            continue
        rises.append((by_year[last] / base, code, name, first, base, last, by_year[last]))
    rises.sort(reverse=True)
    return [(c, n, f, b, ly, lv) for _ratio, c, n, f, b, ly, lv in rises[:TOP_RISES]]


def percentile(value: float, others: list[float]) -> int:
    """Share of the others strictly below ``value``, in percent."""
    if not others:
        return 0
    return round(100 * sum(1 for o in others if o < value) / len(others))


def _ranked(qs):
    rank = Case(
        *(When(strength=s, then=Value(r)) for s, r in STRENGTH_RANK.items()),
        output_field=IntegerField(),
    )
    return qs.annotate(rank=rank).order_by("-rank", "name_en")


def programs_for(topics: list[str], risk_factors: list[str]) -> list[Program]:
    if not topics and not risk_factors:
        return []
    return list(
        _ranked(
            Program.objects.filter(
                Q(topics__slug__in=topics) | Q(risk_factors__slug__in=risk_factors)
            ).distinct()
        )[:PROGRAMS_PER_FINDING]
    )


def attach_programs(findings: list[Finding]) -> None:
    """programs_for() of every finding in three queries, however many findings there are."""
    topics = {t for f in findings for t in f.topics}
    risks = {r for f in findings for r in f.risk_factors}
    if not topics and not risks:
        return
    by_topic: dict[str, set[int]] = defaultdict(set)
    by_risk: dict[str, set[int]] = defaultdict(set)
    if topics:
        links = Program.topics.through.objects.filter(topic__slug__in=topics)
        for pid, slug in links.values_list("program_id", "topic__slug"):
            by_topic[slug].add(pid)
    if risks:
        links = Program.risk_factors.through.objects.filter(riskfactor__slug__in=risks)
        for pid, slug in links.values_list("program_id", "riskfactor__slug"):
            by_risk[slug].add(pid)
    wanted = set().union(*by_topic.values(), *by_risk.values())
    ranked = list(_ranked(Program.objects.filter(pk__in=wanted))) if wanted else []
    for finding in findings:
        mine = set().union(
            *(by_topic[t] for t in finding.topics), *(by_risk[r] for r in finding.risk_factors)
        )
        finding.programs = [p for p in ranked if p.pk in mine][:PROGRAMS_PER_FINDING]


def logic_model_url(program: Program) -> str | None:
    """The evaluation app's "start a logic model from this program", once it exists."""
    for name in ("evaluation:logic_model_create", "evaluation:logicmodel_create"):
        try:
            return f"{reverse(name)}?program={program.slug}"
        except NoReverseMatch:
            continue
    return None


def diagnose(municipality: Municipality, peers: list[Municipality]) -> list[Finding]:
    findings: list[Finding] = []
    geos = services.crime_geographies([municipality.pk, *(p.pk for p in peers)])
    own = geos.get(municipality.pk)
    if own:
        for span in (5, 10):
            for code, name, first, base, last, now in rising_violations(own, span):
                findings.append(
                    Finding(
                        "rise",
                        _(
                            "%(violation)s: the police-reported rate rose by %(pct)s%% over %(span)s years, from %(base)s per 100,000 in %(first)s to %(now)s in %(last)s."  # noqa: E501
                        )
                        % {
                            "violation": name,
                            "pct": number_format(round(100 * (now / base - 1))),
                            "span": span,
                            "base": _num(base),
                            "first": first,
                            "now": _num(now),
                            "last": last,
                        },
                        numbers=[(first, _num(base)), (last, _num(now))],
                        topics=topics_for(code),
                    )
                )
        findings += _peer_findings(municipality, own, geos, peers)
    findings += _risk_findings(municipality)
    attach_programs(findings)
    return findings


def _peer_findings(municipality, own, geos, peers) -> list[Finding]:
    latest = services.latest_values(geos.values(), violations=set(CSI_KEYS) | {"0"})
    mine = latest.get(own, {})
    out = []
    for key in ("csi", "csi_violent", "csi_non_violent", "0"):
        if key not in mine:
            continue
        others = [
            latest[geos[p.pk]][key]
            for p in peers
            if p.pk in geos and key in latest.get(geos[p.pk], {})
        ]
        if not others:
            continue
        label = str(CSI_KEYS.get(key, _("Rate of all violations")))
        pct = percentile(mine[key], others)
        out.append(
            Finding(
                "peers",
                _(
                    "%(measure)s: %(value)s, higher than %(pct)s%% of the %(n)s peers (their median: %(median)s)."  # noqa: E501
                )
                % {
                    "measure": label,
                    "value": _num(mine[key]),
                    "pct": pct,
                    "n": len(others),
                    "median": _num(_median(others)),
                },
                numbers=[(municipality.name, _num(mine[key]))]
                + [
                    (p.name, _num(latest[geos[p.pk]][key]))
                    for p in peers
                    if key in latest.get(geos.get(p.pk), {})
                ],
                topics=topics_for(key if key != "0" else "csi") if pct >= 75 else [],
            )
        )
    return out


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _risk_findings(municipality: Municipality) -> list[Finding]:
    table = services.census_indicators([municipality])
    values = table["values"]
    out = []
    for key, _name, _column, label, risk, higher_is_risk in census.characteristics():
        if not risk:
            continue
        mine, province = values.get((key, 0)), values.get((key, 1))
        if not mine or not province or mine[0] is None or province[0] is None:
            continue
        worse = mine[0] > province[0] if higher_is_risk else mine[0] < province[0]
        if not worse:
            continue
        out.append(
            Finding(
                "risk",
                _(
                    "%(indicator)s: %(value)s in %(place)s against %(province)s in %(province_name)s."  # noqa: E501
                )
                % {
                    "indicator": label,
                    "value": _num(mine[0]),
                    "place": municipality.name,
                    "province": _num(province[0]),
                    "province_name": municipality.province.name,
                },
                numbers=[
                    (municipality.name, _num(mine[0])),
                    (municipality.province.name, _num(province[0])),
                ],
                risk_factors=[risk],
            )
        )
    return out


def _num(value: float) -> str:
    """In the reader's language: 11,207 in English, 11 207 in French; a decimal under 1,000."""
    places = 0 if abs(value) >= 1000 else 1
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def by_kind(findings: list[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        grouped[f.kind].append(f)
    return grouped
