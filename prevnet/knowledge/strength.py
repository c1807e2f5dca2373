"""The one summary scale of evidence (re-exported by models; evidence.py maps sources onto it)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceStrength(models.TextChoices):
    """One scale for every program, whatever the rating sources (see the mapping page)."""

    WELL_SUPPORTED = "well_supported", _("Well supported")
    SUPPORTED = "supported", _("Supported")
    PROMISING = "promising", _("Promising")
    INCONCLUSIVE = "inconclusive", _("Inconclusive")
    NOT_EFFECTIVE = "not_effective", _("No effect or harmful")
    NOT_RATED = "not_rated", _("Not rated")


# Higher is stronger; "not effective" ranks below "not rated" so it never looks like expertise.
STRENGTH_RANK = {
    EvidenceStrength.WELL_SUPPORTED: 4,
    EvidenceStrength.SUPPORTED: 3,
    EvidenceStrength.PROMISING: 2,
    EvidenceStrength.INCONCLUSIVE: 1,
    EvidenceStrength.NOT_RATED: 0,
    EvidenceStrength.NOT_EFFECTIVE: -1,
}
