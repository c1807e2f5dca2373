"""The knowledge base: what works in municipal crime prevention.

The vocabulary other capabilities link to lives here: topics (the three priority topics and
others), risk and protective factors, and the one summary strength of evidence every program
carries. The community-data diagnosis and peer matching point at programs through these.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from prevnet.knowledge.evidence import Source, label_of, levels_of, strength_of
from prevnet.knowledge.strength import STRENGTH_RANK, EvidenceStrength
from prevnet.knowledge.vocabulary import (
    AgeGroup,
    Approach,
    CcssSector,
    Continuum,
    CswbLevel,
    Currency,
    Gender,
    MultiChoiceField,
    RiskLevel,
    Setting,
    Status,
)
from prevnet.network.models import BilingualName, Municipality


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


def _bilingual(obj, field: str) -> str:
    """The field in the current language, falling back to the other when it is empty."""
    en, fr = getattr(obj, f"{field}_en"), getattr(obj, f"{field}_fr")
    return (fr or en) if get_language() == "fr" else (en or fr)


class Practice(models.Model):
    """A general approach (focused deterrence, bystander programs, situation tables...)."""

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    strength = models.CharField(
        _("strength of evidence"),
        max_length=20,
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.NOT_RATED,
        editable=False,
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="practices")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:practice_detail", args=[self.slug])

    @property
    def name(self) -> str:
        return _bilingual(self, "name")

    @property
    def summary(self) -> str:
        return _bilingual(self, "summary")


class Program(models.Model):
    """A named intervention (e.g. the Cardiff Model), described as a municipality needs it."""

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    # Kept equal to the summary of the ratings by services.recompute_strength, never typed.
    strength = models.CharField(
        _("strength of evidence"),
        max_length=20,
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.NOT_RATED,
        editable=False,
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="programs")
    risk_factors = models.ManyToManyField(RiskFactor, blank=True, related_name="programs")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    practices = models.ManyToManyField(Practice, blank=True, related_name="programs")
    goals_en = models.TextField(_("goals (English, one a line)"), blank=True)
    goals_fr = models.TextField(_("goals (French, one a line)"), blank=True)
    components_en = models.TextField(_("core components (English, one a line)"), blank=True)
    components_fr = models.TextField(_("core components (French, one a line)"), blank=True)
    age_groups = MultiChoiceField(_("age groups"), vocabulary=AgeGroup)
    genders = MultiChoiceField(_("gender"), vocabulary=Gender)
    risk_levels = MultiChoiceField(_("risk level"), vocabulary=RiskLevel)
    settings = MultiChoiceField(_("setting"), vocabulary=Setting)
    continuum = MultiChoiceField(_("continuum of intervention"), vocabulary=Continuum)
    cswb_levels = MultiChoiceField(_("CSWB level"), vocabulary=CswbLevel)
    approaches = MultiChoiceField(_("approach"), vocabulary=Approach)
    ccss_sectors = MultiChoiceField(_("CCSS sectors involved"), vocabulary=CcssSector)
    setup_time_en = models.CharField(_("time to set up (English)"), max_length=200, blank=True)
    setup_time_fr = models.CharField(_("time to set up (French)"), max_length=200, blank=True)
    staffing_en = models.TextField(_("staff (English)"), blank=True)
    staffing_fr = models.TextField(_("staff (French)"), blank=True)
    training_en = models.TextField(_("training (English)"), blank=True)
    training_fr = models.TextField(_("training (French)"), blank=True)
    licensing_en = models.TextField(_("licensing (English)"), blank=True)
    licensing_fr = models.TextField(_("licensing (French)"), blank=True)
    cost_per_participant = models.DecimalField(
        _("cost per participant"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    cost_currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, blank=True
    )
    cost_year = models.PositiveSmallIntegerField(_("cost year"), null=True, blank=True)
    cost_source = models.CharField(_("source of the cost"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    contacts = models.TextField(_("contacts"), blank=True)
    # Denormalised for search: accent-folded, lower-case text of each language (services).
    search_en = models.TextField(editable=False, blank=True, default="")
    search_fr = models.TextField(editable=False, blank=True, default="")
    has_canadian_example = models.BooleanField(editable=False, default=False)
    # STRENGTH_RANK of ``strength``, stored so "strongest first" can read an index.
    evidence_rank = models.SmallIntegerField(editable=False, default=0)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_en", "search_fr", "updated_at"])

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        indexes = [
            models.Index(fields=["status", "strength"]),
            models.Index(fields=["status", "-evidence_rank", "name_en"], name="kb_program_ranked"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        try:
            return reverse("knowledge:program_detail", args=[self.slug])
        except NoReverseMatch:  # before the knowledge-base pages exist
            return ""

    @property
    def name(self) -> str:
        return _bilingual(self, "name")

    @property
    def summary(self) -> str:
        return _bilingual(self, "summary")

    def lines(self, field: str) -> list[str]:
        return [line.strip() for line in _bilingual(self, field).splitlines() if line.strip()]

    @property
    def goals(self) -> list[str]:
        return self.lines("goals")

    @property
    def components(self) -> list[str]:
        return self.lines("components")

    @property
    def strength_rank(self) -> int:
        return STRENGTH_RANK[EvidenceStrength(self.strength)]

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class CanadianExample(models.Model):
    """Where a program runs in Canada; linked to the registry when the municipality is in it."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="canadian_examples")
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_examples",
        verbose_name=_("municipality"),
    )
    place = models.CharField(_("place"), max_length=200, help_text=_("City and province."))
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    started_year = models.PositiveSmallIntegerField(_("since"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["place"]
        verbose_name = _("Canadian example")
        verbose_name_plural = _("Canadian examples")

    def __str__(self) -> str:
        return self.place

    @property
    def description(self) -> str:
        return _bilingual(self, "description")


class StudyBasis(models.TextChoices):
    SINGLE = "single", _("Single study")
    MULTIPLE = "multiple", _("Multiple studies")
    UNKNOWN = "", _("Not stated")


class EvidenceRating(models.Model):
    """One source's rating of one outcome of a program or a practice (see evidence.py)."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="ratings"
    )
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, null=True, blank=True, related_name="ratings"
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    level = models.CharField(_("level"), max_length=30)
    rated_on = models.DateField(_("date of the rating"), null=True, blank=True)
    outcome_en = models.CharField(_("outcome rated (English)"), max_length=200, blank=True)
    outcome_fr = models.CharField(_("outcome rated (French)"), max_length=200, blank=True)
    basis = models.CharField(
        _("studies"), max_length=10, choices=StudyBasis.choices, blank=True, default=""
    )
    url = models.URLField(_("link"), max_length=400)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "level"]
        verbose_name = _("evidence rating")
        verbose_name_plural = _("evidence ratings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(program__isnull=False) ^ models.Q(practice__isnull=False),
                name="rating_of_program_or_practice",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.level_label}"

    def clean(self):
        if self.level not in dict(levels_of(self.source)):
            raise ValidationError({"level": _("This level does not exist for this source.")})

    @property
    def level_label(self):
        return label_of(self.source, self.level)

    @property
    def mapped_strength(self) -> str:
        return strength_of(self.source, self.level)

    @property
    def outcome(self) -> str:
        return _bilingual(self, "outcome")


class StudyDesign(models.TextChoices):
    RCT = "rct", _("Randomised trial")
    QUASI = "quasi", _("Quasi-experimental")
    PRE_POST = "pre_post", _("Pre-post")
    OTHER = "other", _("Other")


class Study(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="studies")
    citation = models.CharField(_("citation"), max_length=500)
    design = models.CharField(_("design"), max_length=10, choices=StudyDesign.choices)
    sample = models.CharField(_("sample"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=60, blank=True)
    finding_en = models.TextField(_("key finding (English)"), blank=True)
    finding_fr = models.TextField(_("key finding (French)"), blank=True)
    effect_size = models.CharField(_("effect size"), max_length=100, blank=True)
    url = models.URLField(_("link"), max_length=400, blank=True)

    class Meta:
        ordering = ["citation"]
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def __str__(self) -> str:
        return self.citation

    @property
    def finding(self) -> str:
        return _bilingual(self, "finding")


class EconomicKind(models.TextChoices):
    BCR = "bcr", _("Benefit-cost ratio")
    NET_BENEFIT = "net_benefit", _("Net benefit per participant")
    SROI = "sroi", _("Social return on investment")
    CHANCE = "chance", _("Chance benefits exceed costs (%)")


class EconomicFigure(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="economics")
    kind = models.CharField(_("figure"), max_length=12, choices=EconomicKind.choices)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    year = models.PositiveSmallIntegerField(_("year of the money"), null=True, blank=True)
    discount_rate = models.DecimalField(
        _("discount rate (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=500)
    url = models.URLField(_("link"), max_length=400, blank=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("economic figure")
        verbose_name_plural = _("economic figures")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


from prevnet.knowledge.models_briefs import Brief, BriefSeries  # noqa: E402, F401
