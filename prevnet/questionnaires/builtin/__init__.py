"""The programme's three questionnaires, as the seed describes them, in English and French.

Slugs and question names are stable: other capabilities (activities, evaluation) and exports
rely on them. Changing a wording means a new version string here, never a renamed question.
"""

from __future__ import annotations

from prevnet.questionnaires.builtin.activity_impact import ACTIVITY_IMPACT, activity_impact
from prevnet.questionnaires.builtin.outcome import OUTCOME, outcome
from prevnet.questionnaires.builtin.profile import PROFILE, profile
from prevnet.questionnaires.schema import Form

__all__ = [
    "ACTIVITY_IMPACT",
    "OUTCOME",
    "PROFILE",
    "activity_impact",
    "all_forms",
    "outcome",
    "profile",
]


def all_forms() -> list[Form]:
    """In publishing order: the last activity-impact version is the latest."""
    return [profile(), outcome(), activity_impact(1), activity_impact(2), activity_impact(3)]
