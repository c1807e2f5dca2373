"""The network's registry: regions, provinces, municipalities, organizations and people.

Geographic codes are Statistics Canada's Standard Geographical Classification (SGC): a
province or territory has a 2-digit code, a census subdivision (CSD, the municipality) a
7-digit code whose first two digits are its province's.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from prevnet.core.models import Language


class BilingualName(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_fr if get_language() == "fr" else self.name_en


class Region(BilingualName):
    """The network's regions of Canada (Atlantic, Quebec, Ontario, Prairies, BC, the North)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Province(BilingualName):
    """A province or territory, with its SGC code and postal abbreviation."""

    sgc_code = models.CharField(
        _("SGC code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^\d{2}$", _("Enter the 2-digit Statistics Canada code."))],
    )
    abbreviation = models.CharField(_("abbreviation"), max_length=2, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="provinces", verbose_name=_("region")
    )

    class Meta:
        ordering = ["sgc_code"]
        verbose_name = _("province or territory")
        verbose_name_plural = _("provinces and territories")


class MembershipStatus(models.TextChoices):
    PROSPECTIVE = "prospective", _("Prospective")
    MEMBER = "member", _("Member")
    FORMER = "former", _("Former member")


class MunicipalityQuerySet(models.QuerySet):
    def with_engagement(self, on=None) -> MunicipalityQuerySet:
        """Annotate whether each municipality is engaged in a CCSS and exchanging, on a date."""
        on = on or timezone.localdate()
        current = EngagementEvent.objects.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=on),
            municipality=OuterRef("pk"),
            started_on__lte=on,
        )
        return self.annotate(
            engaged_in_ccss=Exists(current.filter(kind=EngagementKind.CCSS)),
            exchanging=Exists(current.filter(kind=EngagementKind.EXCHANGING)),
        )


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=200)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("province"),
    )
    csd_code = models.CharField(
        _("census subdivision code"),
        max_length=7,
        unique=True,
        validators=[
            RegexValidator(
                r"^\d{7}$", _("Enter the 7-digit Statistics Canada census subdivision code.")
            )
        ],
        help_text=_("Statistics Canada's 7-digit code; the first two digits are the province's."),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("census year of the population"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1851), MaxValueValidator(2100)],
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(41), MaxValueValidator(84)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-142), MaxValueValidator(-52)],
    )
    website = models.URLField(_("website"), blank=True)
    membership_status = models.CharField(
        _("membership"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PROSPECTIVE,
    )
    joined_on = models.DateField(_("date joined"), null=True, blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_municipalities",
        verbose_name=_("coordinators"),
        help_text=_("Users who coordinate this municipality's community safety work."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["is_demo"])

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name", "csd_code"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.name} ({self.province.abbreviation})"

    def get_absolute_url(self) -> str:
        return reverse("network:municipality_detail", args=[self.pk])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.csd_code and self.province_id:
            province = self.province  # cached when set by an import: no query per row
            if not self.csd_code.startswith(province.sgc_code):
                raise ValidationError(
                    {
                        "csd_code": _(
                            "A census subdivision code in %(province)s starts with %(code)s."
                        )
                        % {"province": province.name, "code": province.sgc_code}
                    }
                )
        if self.membership_status == MembershipStatus.PROSPECTIVE and self.joined_on:
            raise ValidationError(
                {"joined_on": _("A prospective municipality has not joined yet.")}
            )


class EngagementKind(models.TextChoices):
    CCSS = "ccss", _("Engaged in a CCSS")
    EXCHANGING = "exchanging", _("Exchanging with other municipalities")


class EngagementEvent(models.Model):
    """A dated period of engagement; an open end means it is still going on."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="engagement_events",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("engagement"), max_length=20, choices=EngagementKind.choices)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "kind"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagement history")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.started_on:%Y-%m-%d})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("The end comes before the start.")})


class OrganizationType(models.TextChoices):
    MUNICIPAL_DEPARTMENT = "municipal_department", _("Municipal department")
    PREVENTION_BOARD = "prevention_board", _("Crime prevention board or council")
    POLICE = "police", _("Police service")
    SCHOOL_BOARD = "school_board", _("School board")
    HEALTH = "health", _("Health")
    SOCIAL_SERVICES = "social_services", _("Social services")
    HOUSING = "housing", _("Housing")
    COMMUNITY = "community", _("Community organization")
    ACADEMIC = "academic", _("Academic")
    GOVERNMENT = "government", _("Provincial or federal government")


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=30, choices=OrganizationType.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("municipality"),
        help_text=_("Leave empty for a national or provincial organization."),
    )
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["is_demo"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.UniqueConstraint(fields=["name", "municipality"], name="unique_org_per_place")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organization_detail", args=[self.pk])


class PositionType(models.TextChoices):
    COUNCILLOR = "councillor", _("City councillor")
    SENIOR_OFFICIAL = "senior_official", _("Senior official")
    COORDINATOR = "coordinator", _("Community safety coordinator")
    POLICE = "police", _("Police")
    PRACTITIONER = "practitioner", _("Practitioner")
    COMMUNITY_LEADER = "community_leader", _("Community leader")


class Person(models.Model):
    """Someone the network works with. Most never log in; ``user`` links those who do."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organization"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("municipality"),
    )
    position_type = models.CharField(_("position"), max_length=30, choices=PositionType.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("login"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["is_demo"])

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self) -> str:
        return reverse("network:person_detail", args=[self.pk])


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for the worker")
    RUNNING = "running", _("Checking and saving")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Nothing imported: see the problems")


class ImportJob(models.Model):
    """One upload of a municipality list, imported in the background by the task worker."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("network:import_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
