"""Process evaluation: logic models, their indicators and targets, values entered by staff,
and the yearly progress reports (frozen once published).

Modelled after the M&E vocabulary (TolaData's Level / Indicator / PeriodicTarget): a logic model
is a set of levels (tiers, configurable per model) whose items carry indicators; an item points
to the item it contributes to, which draws the model's arrows.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from prevnet.network.models import Municipality, Province, Region


class Level(models.TextChoices):
    INPUTS = "inputs", _("Inputs")
    ACTIVITIES = "activities", _("Activities")
    OUTPUTS = "outputs", _("Outputs")
    SHORT_TERM = "short_term", _("Short-term results")
    INTERMEDIATE = "intermediate", _("Intermediate results")
    LONG_TERM = "long_term", _("Long-term results")


ALL_LEVELS = [code for code, _label in Level.choices]


class LogicModel(models.Model):
    name = models.CharField(_("name"), max_length=200)
    is_programme = models.BooleanField(
        _("the programme's own logic model"), default=False, editable=False
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="logic_models",
        verbose_name=_("municipality"),
    )
    program = models.ForeignKey(
        "programs.MunicipalProgram",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="logic_models",
        verbose_name=_("municipal program"),
    )
    knowledge_program = models.ForeignKey(
        "knowledge.Program",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started from the knowledge-base program"),
    )
    levels = models.JSONField(_("levels"), default=list)
    goal = models.TextField(_("overall goal"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-is_programme", "name"]
        verbose_name = _("logic model")
        verbose_name_plural = _("logic models")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("evaluation:logic_model_detail", args=[self.pk])

    def clean(self):
        unknown = [code for code in self.levels if code not in ALL_LEVELS]
        if unknown or not self.levels:
            raise ValidationError({"levels": _("Choose at least one level.")})
        if not self.is_programme and self.municipality_id is None:
            raise ValidationError(
                {"municipality": _("A municipal logic model needs its municipality.")}
            )

    @property
    def level_choices(self) -> list[tuple[str, str]]:
        labels = dict(Level.choices)
        return [(code, labels[code]) for code in ALL_LEVELS if code in self.levels]


class LogicItem(models.Model):
    logic_model = models.ForeignKey(LogicModel, on_delete=models.CASCADE, related_name="items")
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    component = models.CharField(
        _("component"),
        max_length=200,
        blank=True,
        help_text=_("The component (line of work) this item belongs to, if any."),
    )
    text_en = models.TextField(_("text (English)"), max_length=1000)
    text_fr = models.TextField(_("text (French)"), max_length=1000, blank=True)
    contributes_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("contributes to"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["logic_model", "order", "pk"]
        verbose_name = _("logic model item")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return (self.text_fr if get_language() == "fr" else "") or self.text_en

    def clean(self):
        if self.contributes_to_id and self.contributes_to.logic_model_id != self.logic_model_id:
            raise ValidationError({"contributes_to": _("Choose an item of the same logic model.")})
        if self.contributes_to_id and self.contributes_to_id == self.pk:
            raise ValidationError({"contributes_to": _("An item cannot contribute to itself.")})


class Unit(models.TextChoices):
    NUMBER = "number", _("Number")
    PERCENTAGE = "percentage", _("Percentage")


class Direction(models.TextChoices):
    INCREASE = "increase", _("Increase")
    DECREASE = "decrease", _("Decrease")


class Disaggregation(models.TextChoices):
    REGION = "region", _("Region")
    PROVINCE = "province", _("Province or territory")
    POSITION_TYPE = "position_type", _("Position")
    GENDER = "gender", _("Gender")


class Indicator(models.Model):
    item = models.ForeignKey(
        LogicItem,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("logic model item"),
    )
    code = models.SlugField(_("code"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=300)
    name_fr = models.CharField(_("name (French)"), max_length=300, blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True, max_length=2000)
    definition_fr = models.TextField(_("definition (French)"), blank=True, max_length=2000)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.NUMBER)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    programme_target = models.DecimalField(
        _("target for the programme"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    cumulative = models.BooleanField(
        _("cumulative"),
        default=True,
        help_text=_(
            "Yearly values add up to the programme's (otherwise the latest year's counts)."
        ),
    )
    disaggregations = models.JSONField(_("disaggregations"), default=list, blank=True)
    means_of_verification = models.TextField(
        _("means of verification"), blank=True, max_length=2000
    )
    computation = models.CharField(
        _("how the value is obtained"),
        max_length=60,
        blank=True,
        help_text=_("A computation over prevnet's records, or blank for values entered by staff."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["item", "code"], name="unique_indicator_code_per_item")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("evaluation:indicator_detail", args=[self.pk])

    @property
    def name(self) -> str:
        return (self.name_fr if get_language() == "fr" else "") or self.name_en

    @property
    def definition(self) -> str:
        return (self.definition_fr if get_language() == "fr" else "") or self.definition_en

    @property
    def is_entered(self) -> bool:
        return not self.computation


class YearTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="year_targets")
    year = models.PositiveSmallIntegerField(_("programme year"))
    value = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.year} = {self.value}"


class EnteredValue(models.Model):
    """A value staff enter for an indicator no computation covers, with its evidence."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="entered_values"
    )
    year = models.PositiveSmallIntegerField(_("programme year"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("region")
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("province or territory"),
    )
    evidence_file = models.FileField(_("evidence (file)"), upload_to="evidence/%Y/", blank=True)
    evidence_link = models.URLField(_("evidence (link)"), blank=True, max_length=500)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["indicator", "year", "pk"]
        verbose_name = _("entered value")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.year} = {self.value}"

    def clean(self):
        if not self.evidence_file and not self.evidence_link:
            raise ValidationError(_("Give the evidence: a file or a link."))


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    QUEUED = "queued", _("Waiting to be generated")
    RUNNING = "running", _("Being generated")
    READY = "ready", _("Generated")
    FAILED = "failed", _("Failed")
    PUBLISHED = "published", _("Published")


class Report(models.Model):
    """A yearly progress report. Generating it stores the figures and the rendered pages, in both
    languages; once published, nothing recomputes it (a frozen snapshot)."""

    year = models.PositiveSmallIntegerField(_("programme year"))
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    commentary = models.JSONField(_("commentary"), default=dict, blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    html_en = models.TextField(blank=True)
    html_fr = models.TextField(blank=True)
    pdf_en = models.FileField(upload_to="reports/%Y/", blank=True)
    pdf_fr = models.FileField(upload_to="reports/%Y/", blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    generated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("evaluation:report_detail", args=[self.pk])

    @property
    def is_busy(self) -> bool:
        return self.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED

    def html(self) -> str:
        return self.html_fr if get_language() == "fr" else self.html_en
