"""Rating sources, their levels, and how each level maps onto the one summary scale.

Sources now rate per outcome, so one program may carry several ratings. Its summary strength
is the strongest mapped level among its ratings (the page /knowledge/evidence/ says so); a
program with none is "not rated", never guessed.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from prevnet.knowledge.strength import STRENGTH_RANK, EvidenceStrength

S = EvidenceStrength


class Source(models.TextChoices):
    CRIMESOLUTIONS = "crimesolutions", "CrimeSolutions"
    BLUEPRINTS = "blueprints", "Blueprints"
    PUBLIC_SAFETY_CANADA = "psc", _("Public Safety Canada / NCPC")
    COLLEGE_OF_POLICING = "emmie", _("College of Policing (EMMIE)")
    NETWORK = "network", _("The network's own review")


# source -> [(level code, label, summary strength)], strongest first.
LEVELS: dict[str, list[tuple[str, object, str]]] = {
    Source.CRIMESOLUTIONS: [
        ("effective_multiple", _("Effective (multiple studies)"), S.WELL_SUPPORTED),
        ("effective_single", _("Effective (single study)"), S.SUPPORTED),
        ("promising_multiple", _("Promising (multiple studies)"), S.PROMISING),
        ("promising_single", _("Promising (single study)"), S.PROMISING),
        ("inconclusive", _("Inconclusive evidence"), S.INCONCLUSIVE),
        ("no_effects", _("No Effects / Ineffective"), S.NOT_EFFECTIVE),
        ("negative_effects", _("Negative Effects"), S.NOT_EFFECTIVE),
    ],
    Source.BLUEPRINTS: [
        ("model_plus", _("Model Plus"), S.WELL_SUPPORTED),
        ("model", _("Model"), S.WELL_SUPPORTED),
        ("promising", _("Promising"), S.PROMISING),
    ],
    Source.PUBLIC_SAFETY_CANADA: [
        ("model", _("Model"), S.WELL_SUPPORTED),
        ("promising", _("Promising"), S.PROMISING),
        ("innovative", _("Innovative"), S.INCONCLUSIVE),
    ],
    Source.COLLEGE_OF_POLICING: [
        ("reduced_strong", _("Reduced crime, strong evidence"), S.WELL_SUPPORTED),
        ("reduced_moderate", _("Reduced crime, moderate evidence"), S.SUPPORTED),
        ("reduced_limited", _("Reduced crime, limited evidence"), S.PROMISING),
        ("mixed", _("Mixed effect on crime"), S.INCONCLUSIVE),
        ("no_impact", _("No impact on crime"), S.NOT_EFFECTIVE),
        ("increased", _("Increased crime"), S.NOT_EFFECTIVE),
    ],
    Source.NETWORK: [
        (s.value, s.label, s)
        for s in (S.WELL_SUPPORTED, S.SUPPORTED, S.PROMISING, S.INCONCLUSIVE, S.NOT_EFFECTIVE)
    ],
}

LEVEL_CHOICES = [
    (f"{source}:{code}", label) for source, levels in LEVELS.items() for code, label, _s in levels
]
_MAPPING = {
    f"{source}:{code}": strength
    for source, levels in LEVELS.items()
    for code, _l, strength in levels
}


def level_key(source: str, level: str) -> str:
    return f"{source}:{level}"


def strength_of(source: str, level: str) -> str:
    """The summary strength of one rating; an unknown level counts as not rated."""
    return _MAPPING.get(level_key(source, level), S.NOT_RATED)


def levels_of(source: str) -> list[tuple[str, object]]:
    return [(code, label) for code, label, _s in LEVELS.get(source, [])]


def label_of(source: str, level: str):
    for code, label, _s in LEVELS.get(source, []):
        if code == level:
            return label
    return level


def summary(pairs) -> str:
    """The summary strength of (source, level) pairs: the strongest, or not rated."""
    strengths = [strength_of(source, level) for source, level in pairs]
    strengths = [s for s in strengths if s != S.NOT_RATED]
    if not strengths:
        return S.NOT_RATED
    return max(strengths, key=lambda s: STRENGTH_RANK[EvidenceStrength(s)])


def mapping_table():
    """Rows for the explanation page: source, level label, summary strength label."""
    return [
        (Source(source).label, [(label, EvidenceStrength(s).label, s) for _c, label, s in levels])
        for source, levels in LEVELS.items()
    ]
