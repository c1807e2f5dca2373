"""Social return on investment (SROI) analyses, following the Social Value International method.

An analysis values the outcomes of one program for each stakeholder with financial proxies,
removes what would have happened anyway (deadweight), what others contributed (attribution) and
what was merely moved elsewhere (displacement), lets each outcome fade year by year (drop-off),
discounts the values to the base year and compares them with the investment. The arithmetic is
in ``calculation.py``; these models only hold the figures a user enters.

Money is in Canadian dollars of the analysis's base year (real terms): a proxy published for
another year is brought to the base year with the consumer price index (``CpiYear``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from prevnet.knowledge.models import Program as KnowledgeProgram
from prevnet.programs.models import FunderType, MunicipalProgram

# The default real discount rate, in percent. The Treasury Board of Canada Secretariat's
# "Canadian Cost-Benefit Analysis Guide: Regulatory Proposals" (2007) sets 8% as the real social
# discount rate for the base case of federal cost-benefit analyses; we take it so that a ratio
# made here is comparable with federal analyses and errs on the prudent side (a higher rate lowers
# future benefits). Each analysis may change it, and the sensitivity page shows the ratio at
# other rates (3% is common in social-value work).
DEFAULT_DISCOUNT_RATE = Decimal("8.00")
CURRENCY = "CAD"

PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


def percent_field(label: str, help_text: str = ""):
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=PERCENT,
        help_text=help_text,
    )


class CpiYear(models.Model):
    """Annual consumer price index for Canada, all items, used to inflate proxies."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    index = models.DecimalField(_("index"), max_digits=7, decimal_places=1)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["year"]
        verbose_name = _("consumer price index")
        verbose_name_plural = _("consumer price index")

    def __str__(self) -> str:
        return f"{self.year}: {self.index}"


class FinancialProxy(models.Model):
    """A value in the network's library, kept by staff. Analyses copy it; they never link live."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    unit_en = models.CharField(_("unit (English)"), max_length=100)
    unit_fr = models.CharField(_("unit (French)"), max_length=100)
    value = models.DecimalField(_("value per unit"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default=CURRENCY)
    year = models.PositiveSmallIntegerField(_("year of the value"))
    source = models.CharField(_("source"), max_length=500)
    source_url = models.URLField(_("source address"), blank=True)
    is_illustrative = models.BooleanField(
        _("illustrative value"),
        default=False,
        help_text=_("A demonstration figure, not a published one: never use it in a real report."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("financial proxy")
        verbose_name_plural = _("financial proxies")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_fr if get_language() == "fr" else self.name_en

    @property
    def unit(self) -> str:
        return self.unit_fr if get_language() == "fr" else self.unit_en


class Analysis(models.Model):
    """The SROI of one program: a municipality's, or a knowledge-base program as a template."""

    title = models.CharField(_("title"), max_length=200)
    program = models.ForeignKey(
        MunicipalProgram,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sroi_analyses",
        verbose_name=_("municipal program"),
    )
    template_program = models.ForeignKey(
        KnowledgeProgram,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sroi_templates",
        verbose_name=_("knowledge-base program (template)"),
    )
    scope = models.TextField(
        _("scope"),
        blank=True,
        help_text=_("What is valued, for whom, over which period, and what is left out."),
    )
    base_year = models.PositiveSmallIntegerField(
        _("base year"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Values are in dollars of this year; the investment is discounted to it."),
    )
    discount_rate = models.DecimalField(
        _("discount rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_DISCOUNT_RATE,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("30"))],
        help_text=_("Real rate per year. Default 8%: Treasury Board of Canada Secretariat."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("SROI analysis")
        verbose_name_plural = _("SROI analyses")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(program__isnull=False, template_program__isnull=True)
                    | models.Q(program__isnull=True, template_program__isnull=False)
                ),
                name="sroi_analysis_one_program",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sroi:analysis_detail", args=[self.pk])

    @property
    def is_template(self) -> bool:
        return self.template_program_id is not None

    @property
    def municipality_id(self) -> int | None:
        """For core.access: the municipality whose coordinators may edit this analysis."""
        return self.program.municipality_id if self.program_id else None

    @property
    def program_name(self) -> str:
        return str(self.program or self.template_program)

    def clean(self):
        if bool(self.program_id) == bool(self.template_program_id):
            raise ValidationError(
                _("Choose either a municipal program or a knowledge-base program, not both.")
            )


class Stakeholder(models.Model):
    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="stakeholders")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self) -> str:
        return self.name


class Input(models.Model):
    """What was invested, by year and funder; in-kind contributions count at their value."""

    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="inputs")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    funder = models.CharField(_("funder"), max_length=200)
    funder_type = models.CharField(
        _("type of funder"), max_length=12, choices=FunderType.choices, default=FunderType.OTHER
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = models.DecimalField(
        _("amount (CAD)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    in_kind = models.BooleanField(_("in kind"), default=False)

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")

    def __str__(self) -> str:
        return f"{self.year} {self.funder}"


class Output(models.Model):
    """What the program did (e.g. 120 students in after-school clubs): counted, not valued."""

    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="outputs")
    stakeholder = models.ForeignKey(
        Stakeholder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("stakeholder"),
    )
    description = models.CharField(_("description"), max_length=300)
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=100, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("output")
        verbose_name_plural = _("outputs")

    def __str__(self) -> str:
        return self.description


class Outcome(models.Model):
    """A change for one stakeholder, valued with a proxy copied here (never linked live)."""

    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="outcomes")
    # CASCADE, so that deleting an analysis or its program is never blocked; the page refuses
    # to delete a stakeholder that still has outcomes.
    stakeholder = models.ForeignKey(
        Stakeholder,
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("stakeholder"),
    )
    description = models.CharField(_("outcome"), max_length=300)
    indicator = models.CharField(_("indicator"), max_length=300)
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("How many units of the indicator in the first year."),
    )
    duration = models.PositiveSmallIntegerField(
        _("duration (years)"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    proxy_description = models.CharField(_("financial proxy"), max_length=300)
    value_per_unit = models.DecimalField(
        _("value per unit"),
        max_digits=14,
        decimal_places=2,
        help_text=_("Negative for a harm (a negative outcome)."),
    )
    proxy_source = models.CharField(_("source of the proxy"), max_length=500)
    proxy_currency = models.CharField(_("currency"), max_length=3, default=CURRENCY)
    proxy_year = models.PositiveSmallIntegerField(
        _("year of the proxy"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    library_proxy = models.ForeignKey(
        FinancialProxy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copied from the library"),
    )
    deadweight = percent_field(_("deadweight (%)"), _("What would have happened anyway."))
    attribution = percent_field(_("attribution (%)"), _("The share due to others' work."))
    displacement = percent_field(_("displacement (%)"), _("The share merely moved elsewhere."))
    drop_off = percent_field(
        _("drop-off (% per year)"), _("How much fades each year after the first.")
    )

    class Meta:
        ordering = ["stakeholder_id", "pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return self.description


class Parameter(models.TextChoices):
    QUANTITY = "quantity", _("quantity")
    VALUE = "value_per_unit", _("value per unit")
    DEADWEIGHT = "deadweight", _("deadweight (%)")
    ATTRIBUTION = "attribution", _("attribution (%)")
    DISPLACEMENT = "displacement", _("displacement (%)")
    DROP_OFF = "drop_off", _("drop-off (% per year)")
    DISCOUNT_RATE = "discount_rate", _("discount rate (%)")


OUTCOME_PARAMETERS = [p for p in Parameter if p != Parameter.DISCOUNT_RATE]


class Range(models.Model):
    """An uncertain assumption: low, likely and high values (tornado and Monte Carlo)."""

    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="ranges")
    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="ranges",
        verbose_name=_("outcome"),
        help_text=_("Leave empty for the discount rate."),
    )
    parameter = models.CharField(_("assumption"), max_length=20, choices=Parameter.choices)
    low = models.DecimalField(_("low"), max_digits=14, decimal_places=2)
    likely = models.DecimalField(_("likely"), max_digits=14, decimal_places=2)
    high = models.DecimalField(_("high"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("uncertain assumption")
        verbose_name_plural = _("uncertain assumptions")
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "outcome", "parameter"], name="sroi_range_once"
            ),
            # NULLs differ in a unique index: the discount rate (no outcome) needs its own.
            models.UniqueConstraint(
                fields=["analysis", "parameter"],
                condition=models.Q(outcome__isnull=True),
                name="sroi_rate_range_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_parameter_display()} {self.low}–{self.high}"

    def clean(self):
        errors = {}
        if None not in (self.low, self.likely, self.high) and not (
            self.low <= self.likely <= self.high
        ):
            errors["likely"] = _(
                "Low, likely and high must be in that order (low ≤ likely ≤ high)."
            )
        is_rate = self.parameter == Parameter.DISCOUNT_RATE
        if is_rate and self.outcome_id:
            errors["outcome"] = _("The discount rate belongs to the whole analysis: no outcome.")
        if not is_rate and self.parameter and not self.outcome_id:
            errors["outcome"] = _("Choose the outcome this assumption belongs to.")
        percent = self.parameter in {"deadweight", "attribution", "displacement", "drop_off"}
        bounded = self.low is not None and self.high is not None
        if percent and bounded and (self.low < 0 or self.high > 100):
            errors["high"] = _("A percentage must be between 0 and 100.")
        if self.parameter == Parameter.QUANTITY and self.low is not None and self.low < 0:
            errors["low"] = _("A quantity cannot be negative.")
        if errors:
            raise ValidationError(errors)
