"""Peer matching: which municipalities should one learn from, and why.

The ranking is pure functions over plain data (``Place``, ``Weights``), so it is tested on small
hand-made networks without a database; ``load_network`` reads those plain data from the
database in a fixed number of queries.

Five parts, each between 0 and 1, weighted by staff (``MatchingWeights``):
- expertise: the programs the candidate runs on the topics of interest, by strength of evidence;
  a CCSS in place; how many of the topics of interest its programs cover;
- similarity: population (a tenfold difference counts as nothing in common), same province or
  region, and the crime profile when the community-data capability provides one;
- distance: 1 next door, 0 at 4,000 km or more (unknown coordinates count half);
- language: a language in common;
- mentoring: exchanges already hosted (three or more count fully).
Municipalities it has already exchanged with are left out: no repeats.
"""

from __future__ import annotations

import gc
import heapq
import math
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from django.db.models import FloatField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

FAR_KM = 4000.0
LIMIT = 10


class ProgramRun(NamedTuple):
    """A program a municipality runs (a named tuple: thousands are built per ranking)."""

    name_en: str
    name_fr: str
    strength: str  # a knowledge.EvidenceStrength value
    rank: int  # knowledge.STRENGTH_RANK of the strength (-1 to 4)
    topic_ids: frozenset[int] = frozenset()


@dataclass(slots=True)
class Place:
    id: int
    name: str
    province_id: int
    region_id: int
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    languages: frozenset[str] = frozenset({"en"})
    programs: tuple[ProgramRun, ...] = ()
    ccss: bool = False
    hosted: int = 0
    topic_ids: frozenset[int] | None = None  # computed from the programs when not given

    def __post_init__(self):
        if self.topic_ids is None:
            self.topic_ids = effective_topics(self.programs)


def effective_topics(programs) -> frozenset[int]:
    # A program rated not effective is no expertise, on its topics either.
    topics: set[int] = set()
    for p in programs:
        if p.rank >= 0:
            topics |= p.topic_ids
    return frozenset(topics)


@dataclass(frozen=True)
class Weights:
    expertise: float = 4.0
    similarity: float = 2.0
    distance: float = 1.5
    language: float = 1.0
    mentoring: float = 1.0

    @classmethod
    def of(cls, obj) -> Weights:
        return cls(*(float(getattr(obj, n)) for n in cls.__dataclass_fields__))


@dataclass
class Match:
    place: Place
    score: float
    parts: dict[str, float]
    km: float | None
    programs: list[ProgramRun]
    reasons: list[str] = field(default_factory=list)


def distance_km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def size_similarity(a: int | None, b: int | None) -> float | None:
    if not a or not b:
        return None
    return max(0.0, 1.0 - abs(math.log10(a / b)))


def profile_similarity(a: dict | None, b: dict | None) -> float | None:
    """Cosine similarity of two crime profiles ({key: rate}) over the keys both have."""
    if not a or not b:
        return None
    keys = a.keys() & b.keys()
    if not keys:
        return None
    dot = sum(a[k] * b[k] for k in keys)
    na = math.sqrt(sum(a[k] ** 2 for k in keys))
    nb = math.sqrt(sum(b[k] ** 2 for k in keys))
    return dot / (na * nb) if na and nb else None


def relevant_programs(place: Place, interests: frozenset[int]) -> list[ProgramRun]:
    """Its programs on the topics of interest (all of them when none are given), best first."""
    runs = [p for p in place.programs if p.rank >= 0 and (not interests or p.topic_ids & interests)]
    return sorted(runs, key=lambda p: -p.rank)


def expertise(place: Place, interests: frozenset[int], runs: list[ProgramRun]) -> float:
    strength = min(1.0, sum((p.rank + 1) / 5 for p in runs) / 2)
    coverage = len(place.topic_ids & interests) / len(interests) if interests else 0.0
    return 0.5 * strength + 0.3 * coverage + 0.2 * (1.0 if place.ccss else 0.0)


def score(
    seeker: Place,
    candidate: Place,
    interests: frozenset[int],
    weights: Weights,
    crime: dict | None = None,
) -> Match:
    runs = relevant_programs(candidate, interests)
    similar = [
        s
        for s in (
            size_similarity(seeker.population, candidate.population),
            1.0
            if seeker.province_id == candidate.province_id
            else 0.5
            if seeker.region_id == candidate.region_id
            else 0.0,
            profile_similarity((crime or {}).get(seeker.id), (crime or {}).get(candidate.id)),
        )
        if s is not None
    ]
    km = distance_km(seeker, candidate)
    parts = {
        "expertise": expertise(candidate, interests, runs),
        "similarity": sum(similar) / len(similar),
        "distance": 0.5 if km is None else max(0.0, 1.0 - km / FAR_KM),
        "language": 1.0 if seeker.languages & candidate.languages else 0.0,
        "mentoring": min(1.0, candidate.hosted / 3),
    }
    total = sum(getattr(weights, k) * v for k, v in parts.items())
    return Match(candidate, total, parts, km, runs)


def rank(
    seeker: Place,
    candidates: Iterable[Place],
    *,
    interests: frozenset[int] = frozenset(),
    weights: Weights = Weights(),
    past_partners: frozenset[int] = frozenset(),
    crime: dict | None = None,
    limit: int = LIMIT,
) -> list[Match]:
    """The ``limit`` best municipalities for ``seeker`` to learn from, with their reasons."""
    scored = (
        score(seeker, c, interests, weights, crime)
        for c in candidates
        if c.id != seeker.id and c.id not in past_partners
    )
    best = heapq.nlargest(limit, scored, key=lambda m: (m.score, -m.place.id))
    for match in best:
        match.reasons = reasons(seeker, match, interests, crime)
    return best


def reasons(seeker: Place, match: Match, interests: frozenset[int], crime=None) -> list[str]:
    """The match's reasons in plain words, in the active language."""
    from prevnet.knowledge.models import EvidenceStrength

    french = get_language() == "fr"
    place, out = match.place, []
    for run in match.programs[:2]:
        out.append(
            _("runs %(program)s, rated %(strength)s")
            % {
                "program": run.name_fr if french else run.name_en,
                "strength": str(EvidenceStrength(run.strength).label).lower(),
            }
        )
    if interests:
        covered = len(place.topic_ids & interests)
        if covered:
            out.append(
                _("works on %(n)s of your %(total)s topics")
                % {"n": covered, "total": len(interests)}
            )
    if place.ccss:
        out.append(_("has a CCSS in place"))
    size = size_similarity(seeker.population, place.population)
    if size is not None and size >= 0.7:
        out.append(_("similar size"))
    if seeker.province_id == place.province_id:
        out.append(_("same province"))
    elif seeker.region_id == place.region_id:
        out.append(_("same region"))
    profile = profile_similarity((crime or {}).get(seeker.id), (crime or {}).get(place.id))
    if profile is not None and profile >= 0.9:
        out.append(_("similar crime profile"))
    if match.km is not None:
        out.append(_("%(km)s km") % {"km": f"{round(match.km):,}".replace(",", "\u202f")})
    if match.parts["language"] and seeker.languages & place.languages == {"fr"}:
        out.append(_("works in French"))
    elif not match.parts["language"]:
        out.append(_("no language in common"))
    if place.hosted:
        out.append(
            ngettext("has hosted %(n)s exchange", "has hosted %(n)s exchanges", place.hosted)
            % {"n": place.hosted}
        )
    return out


# --- reading the network from the database ------------------------------------------------------

# Where the municipality's working language is not English alone.
PROVINCE_LANGUAGES = {"QC": frozenset({"fr"}), "NB": frozenset({"en", "fr"})}


def load_network(as_of=None) -> dict[int, Place]:
    """Every municipality as a Place, in a fixed number of queries whatever the network's size."""
    from prevnet.activities.models import Exchange, ExchangeStatus
    from prevnet.knowledge.models import STRENGTH_RANK, EvidenceStrength, Program
    from prevnet.network.models import EngagementEvent, EngagementKind, Municipality
    from prevnet.programs.models import MunicipalProgram

    program_topics: dict[int, set[int]] = defaultdict(set)
    for pid, tid in Program.topics.through.objects.values_list("program_id", "topic_id"):
        program_topics[pid].add(tid)
    local_topics: dict[int, set[int]] = defaultdict(set)
    for mp, tid in MunicipalProgram.topics.through.objects.values_list(
        "municipalprogram_id", "topic_id"
    ):
        local_topics[mp].add(tid)
    runs: dict[int, list[ProgramRun]] = defaultdict(list)
    for mp_id, muni, name, kp, en, fr, strength in MunicipalProgram.objects.values_list(
        "id",
        "municipality_id",
        "name",
        "knowledge_program_id",
        "knowledge_program__name_en",
        "knowledge_program__name_fr",
        "knowledge_program__strength",
    ):
        strength = strength or EvidenceStrength.NOT_RATED
        topics = frozenset(local_topics[mp_id] | program_topics.get(kp, set()))
        runs[muni].append(
            ProgramRun(en or name, fr or name, strength, STRENGTH_RANK[strength], topics)
        )
    hosted: dict[int, int] = defaultdict(int)
    done = (ExchangeStatus.VISIT_DONE, ExchangeStatus.RETURN_DONE, ExchangeStatus.REPORTED)
    for host_id in Exchange.objects.filter(status__in=done).values_list("host_id", flat=True):
        hosted[host_id] += 1
    # One query for who is engaged in a CCSS, rather than a subquery per municipality; the
    # coordinates cast to floats in the database, rather than Decimals converted in Python.
    on = as_of or timezone.localdate()
    ccss_ids = set(
        EngagementEvent.objects.filter(kind=EngagementKind.CCSS, started_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .values_list("municipality_id", flat=True)
    )
    places = {}
    rows = Municipality.objects.order_by().values_list(
        "id",
        "name",
        "province_id",
        "province__region_id",
        "province__abbreviation",
        "population",
        Cast("latitude", FloatField()),
        Cast("longitude", FloatField()),
    )
    for mid, name, prov, region, abbr, pop, lat, lon in rows:
        places[mid] = Place(
            id=mid,
            name=name,
            province_id=prov,
            region_id=region,
            population=pop,
            lat=lat,
            lon=lon,
            languages=PROVINCE_LANGUAGES.get(abbr, frozenset({"en"})),
            programs=tuple(runs.get(mid, ())),
            ccss=mid in ccss_ids,
            hosted=hosted.get(mid, 0),
        )
    return places


def past_partners(municipality_id: int) -> frozenset[int]:
    from prevnet.activities.models import Exchange

    pairs = Exchange.objects.filter(visiting_id=municipality_id).values_list("host_id", flat=True)
    back = Exchange.objects.filter(host_id=municipality_id).values_list("visiting_id", flat=True)
    return frozenset(pairs) | frozenset(back)


def interests_of(municipality_id: int) -> frozenset[int]:
    from prevnet.activities.models import LearningProfile

    return frozenset(
        LearningProfile.topics.through.objects.filter(
            learningprofile__municipality_id=municipality_id
        ).values_list("topic_id", flat=True)
    )


# The network as Places, kept between requests in each process and reused while its
# fingerprint is unchanged (and for at most SNAPSHOT_SECONDS, for edits made without history).
SNAPSHOT_SECONDS = 300
_snapshot: dict = {}
_snapshot_lock = threading.Lock()


def _fingerprint() -> tuple:
    """Changes whenever what the ranking reads changes: rows added or removed (counts and
    highest ids), rows edited (their newest edit-history entry), and the day (CCSS engagement
    is read for today). One query."""
    from prevnet.activities.models import Exchange
    from prevnet.knowledge.models import Program
    from prevnet.network.models import EngagementEvent, Municipality
    from prevnet.programs.models import MunicipalProgram

    tables = [Program.topics.through, MunicipalProgram.topics.through]
    histories = []
    for model in (Municipality, MunicipalProgram, EngagementEvent, Exchange, Program):
        tables.append(model)
        histories.append(model.history.model)
    quote = connection.ops.quote_name
    parts = []
    for model in tables:
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        parts += [f"(SELECT COUNT(*) FROM {table})", f"(SELECT MAX({pk}) FROM {table})"]  # noqa: S608
    for model in histories:
        # The newest edit's time, not its id: ids can be reused after a rollback.
        parts.append(f"(SELECT MAX(history_date) FROM {quote(model._meta.db_table)})")  # noqa: S608
    with connection.cursor() as cursor:
        # Table and column names come from the models, never from input.
        cursor.execute("SELECT " + ", ".join(parts))  # noqa: S608
        row = cursor.fetchone()
    return (connection.alias, timezone.localdate(), *row)


def cached_network() -> dict[int, Place]:
    key = _fingerprint()
    now = time.monotonic()
    with _snapshot_lock:
        if _snapshot.get("key") == key and now - _snapshot["at"] < SNAPSHOT_SECONDS:
            return _snapshot["places"]
    places = load_network()
    with _snapshot_lock:
        _snapshot.update(key=key, at=now, places=places)
    return places


@contextmanager
def _cyclic_gc_paused():
    """Building tens of thousands of small acyclic objects triggers the cyclic garbage
    collector over and over (about 40% of the time at 5,000 municipalities); reference
    counting frees them all the same, so the collector waits until the ranking is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def matches_for(municipality_id: int, crime: dict | None = None, limit: int = LIMIT):
    """The ten best for a municipality, from the database (the pages call this).

    Without ``crime``, the community-data capability's crime profiles (latest rates per
    violation and the Crime Severity Indexes) are read for every municipality that has them.
    """
    from prevnet.activities.models import MatchingWeights
    from prevnet.communitydata.services import crime_profile

    weights = Weights.of(MatchingWeights.current())
    interests = interests_of(municipality_id)
    partners = past_partners(municipality_id)
    with _cyclic_gc_paused():
        places = cached_network()
        if crime is None:
            crime = crime_profile(list(places)) if municipality_id in places else {}
        return rank(
            places[municipality_id],
            places.values(),
            interests=interests,
            weights=weights,
            past_partners=partners,
            crime=crime,
            limit=limit,
        )
