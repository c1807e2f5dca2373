"""The knowledge base: what works in municipal crime prevention.

The vocabulary other capabilities link to lives here: topics (the three priority topics and
others), risk and protective factors, and the one summary strength of evidence every program
carries. The community-data diagnosis and peer matching point at programs through these.
"""

from __future__ import annotations

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from prevnet.network.models import BilingualName


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


class Topic(BilingualName):
    """A subject of crime prevention (e.g. youth and gang violence), shared across the platform."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    is_priority = models.BooleanField(_("priority topic of the programme"), default=False)

    class Meta:
        ordering = ["-is_priority", "name_en"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class RiskFactor(BilingualName):
    """A risk or protective factor a program addresses (e.g. low income, school dropout)."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    is_protective = models.BooleanField(_("protective factor"), default=False)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("risk or protective factor")
        verbose_name_plural = _("risk and protective factors")


class Program(models.Model):
    """A named intervention (e.g. the Cardiff Model). The knowledge-base issue adds the rest."""

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    strength = models.CharField(
        _("strength of evidence"),
        max_length=20,
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.NOT_RATED,
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="programs")
    risk_factors = models.ManyToManyField(RiskFactor, blank=True, related_name="programs")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        try:
            return reverse("knowledge:program_detail", args=[self.slug])
        except NoReverseMatch:  # before the knowledge-base pages exist
            return ""

    @property
    def name(self) -> str:
        return self.name_fr if get_language() == "fr" else self.name_en

    @property
    def summary(self) -> str:
        return self.summary_fr if get_language() == "fr" else self.summary_en

    @property
    def strength_rank(self) -> int:
        return STRENGTH_RANK[EvidenceStrength(self.strength)]
