"""Each municipality's preventive programs and mainstreamed actions (process evaluation).

A program here is what a municipality runs; when it is evidence-based it links to the
knowledge base's program. "Fostered by the programme" marks those that count toward the
programme's target of additional preventive programs or mainstreamed actions.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from prevnet.knowledge.models import Program as KnowledgeProgram
from prevnet.knowledge.models import Topic
from prevnet.network.models import Municipality, Organization


class EvaluationStatus(models.TextChoices):
    NONE = "none", _("No evaluation")
    PLANNED = "planned", _("Evaluation planned")
    PROCESS = "process", _("Process evaluation")
    OUTCOME = "outcome", _("Outcome evaluation")


class FunderType(models.TextChoices):
    FEDERAL = "federal", _("Federal")
    PROVINCIAL = "provincial", _("Provincial")
    MUNICIPAL = "municipal", _("Municipal")
    PRIVATE = "private", _("Private sector")
    OTHER = "other", _("Other")


class MunicipalProgram(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="programs",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    knowledge_program = models.ForeignKey(
        KnowledgeProgram,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="implementations",
        verbose_name=_("knowledge-base program"),
        help_text=_("The evidence-based program this one implements, if any."),
    )
    priority_problem = models.CharField(_("priority crime problem"), max_length=200, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, verbose_name=_("topics"))
    started_on = models.DateField(_("start"), null=True, blank=True)
    ended_on = models.DateField(_("end"), null=True, blank=True)
    is_mainstreamed = models.BooleanField(
        _("mainstreamed"),
        default=False,
        help_text=_("A permanent reallocation of funds, not a time-limited project."),
    )
    fostered_by_programme = models.BooleanField(
        _("fostered by the programme"),
        default=False,
        help_text=_("Counts toward the programme's target of additional programs."),
    )
    evaluation_status = models.CharField(
        _("evaluation"),
        max_length=10,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.NONE,
    )
    partners = models.ManyToManyField(
        Organization, blank=True, related_name="programs", verbose_name=_("partners")
    )
    indicators = models.TextField(
        _("indicators"),
        blank=True,
        max_length=4000,
        help_text=_("How the program measures its results, one indicator a line."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["is_demo"])

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("municipal program")
        verbose_name_plural = _("municipal programs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        try:
            return reverse("programs:program_detail", args=[self.pk])
        except NoReverseMatch:  # before the programs pages exist
            return ""

    def clean(self):
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("The end cannot be before the start.")})


class Funding(models.Model):
    program = models.ForeignKey(MunicipalProgram, on_delete=models.CASCADE, related_name="fundings")
    funder_type = models.CharField(_("funder"), max_length=12, choices=FunderType.choices)
    funder_name = models.CharField(_("funder's name"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount (CAD)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "year", "funder_type"]
        verbose_name = _("funding")
        verbose_name_plural = _("fundings")

    def __str__(self) -> str:
        return f"{self.get_funder_type_display()} {self.amount or ''}".strip()
