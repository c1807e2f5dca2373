"""Statistics Canada tables as imported: tables, their dimensions and members, geographies,
series and observations; census profile values; import runs and what each changed.

A table's cell is addressed by its COORDINATE (member ids joined by dots, geography first);
one coordinate is one *series* (one vector), and each reference period of it one observation.
Splitting series from observations keeps the 1.5 GB crime table compact (an observation row is
a series id, a period and a value) and makes a municipality's data one indexed look-up: its
geographies → their series → their observations.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from prevnet.network.models import Municipality, Province

# Statistics Canada's status and symbol legend, shown wherever a value is.
SYMBOLS = {
    "..": _("not available for a specific reference period"),
    "...": _("not applicable"),
    "x": _("suppressed to meet the confidentiality requirements of the Statistics Act"),
    "E": _("use with caution"),
    "F": _("too unreliable to be published"),
    "p": _("preliminary"),
    "r": _("revised"),
    "t": _("terminated"),
}


class TableKind(models.TextChoices):
    CRIME = "crime", _("Police-reported crime")
    CSI = "csi", _("Crime Severity Index")
    CENSUS = "census", _("Census profile")
    OTHER = "other", _("Other table")


class Table(models.Model):
    pid = models.CharField(_("product id"), max_length=10, unique=True)
    title = models.CharField(_("title"), max_length=300)
    release = models.CharField(_("release"), max_length=40, blank=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=TableKind.choices, default=TableKind.OTHER
    )
    url = models.URLField(_("source"), blank=True, max_length=300)
    fingerprint = models.CharField(max_length=40, blank=True, editable=False)
    rows = models.BigIntegerField(_("rows in the last file"), default=0, editable=False)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        ordering = ["pid"]
        verbose_name = _("Statistics Canada table")
        verbose_name_plural = _("Statistics Canada tables")

    def __str__(self) -> str:
        return f"{self.formatted_pid} {self.title}"

    @property
    def formatted_pid(self) -> str:
        """35100177 → 35-10-0177, as Statistics Canada writes it."""
        p = self.pid[:8]
        return f"{p[:2]}-{p[2:4]}-{p[4:8]}" if len(p) == 8 and p.isdigit() else self.pid


class Dimension(models.Model):
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="dimensions")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["table", "position"]
        constraints = [
            models.UniqueConstraint(fields=["table", "position"], name="cd_dimension_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    """A member of a dimension; crime tables also get a UCR code and a kind (see crime.py)."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="members")
    member_id = models.PositiveIntegerField()
    name = models.CharField(max_length=300)
    code = models.CharField(max_length=40, blank=True)
    parent_member_id = models.PositiveIntegerField(null=True, blank=True)
    terminated = models.BooleanField(default=False)
    ucr_code = models.CharField(_("UCR code"), max_length=10, blank=True, db_index=True)
    kind = models.CharField(max_length=40, blank=True, db_index=True)

    class Meta:
        ordering = ["dimension", "member_id"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "member_id"], name="cd_member_unique")
        ]

    def __str__(self) -> str:
        return self.name


class GeoLevel(models.TextChoices):
    COUNTRY = "country", _("Canada")
    PROVINCE = "province", _("Province or territory")
    CMA = "cma", _("Census metropolitan area")
    CA = "ca", _("Census agglomeration")
    CSD = "csd", _("Census subdivision")
    POLICE = "police", _("Police service")
    OTHER = "other", _("Other")


class MatchMethod(models.TextChoices):
    CSD = "csd", _("Census subdivision code")
    POLICE = "police", _("Police service name")
    CMA = "cma", _("Census metropolitan area name")
    MANUAL = "manual", _("Chosen by staff")
    NONE = "", _("Not matched")


class Geography(models.Model):
    """A place as Statistics Canada names it, linked to the registry when it can be."""

    key = models.CharField(max_length=300, unique=True)  # the DGUID, or "GEO:<name>" without one
    dguid = models.CharField("DGUID", max_length=30, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=300)
    level = models.CharField(_("level"), max_length=10, choices=GeoLevel.choices)
    code = models.CharField(_("code"), max_length=20, blank=True)
    province = models.ForeignKey(
        Province, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statcan_geographies",
        verbose_name=_("municipality"),
    )
    match_method = models.CharField(
        _("matched by"), max_length=10, choices=MatchMethod.choices, blank=True
    )

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("geography")
        verbose_name_plural = _("geographies")

    def __str__(self) -> str:
        return self.name


class Series(models.Model):
    """One cell of a table across periods (one VECTOR)."""

    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="series")
    geography = models.ForeignKey(Geography, on_delete=models.CASCADE, related_name="series")
    coordinate = models.CharField(max_length=80)
    vector = models.CharField(max_length=20, blank=True)
    # The members of the first non-geographic dimensions (violation and statistic in crime
    # tables), so a chart's series are found by index rather than by parsing coordinates.
    member_1 = models.ForeignKey(
        Member, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    member_2 = models.ForeignKey(
        Member, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    uom = models.CharField(max_length=100, blank=True)
    scalar_factor = models.CharField(max_length=30, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["table", "coordinate"], name="cd_series_unique")
        ]
        indexes = [models.Index(fields=["geography", "member_1", "member_2"])]

    def __str__(self) -> str:
        return f"{self.vector or self.coordinate}"


class Observation(models.Model):
    # No index of its own: the unique (series, ref_date) index serves look-ups by series.
    # On PostgreSQL the table is partitioned by series (migration 0002, partitions.py).
    series = models.ForeignKey(
        Series, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    ref_date = models.CharField(_("reference period"), max_length=10)
    value = models.FloatField(_("value"), null=True)
    status = models.CharField(max_length=4, blank=True)
    symbol = models.CharField(max_length=4, blank=True)
    terminated = models.BooleanField(default=False)
    decimals = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "ref_date"], name="cd_observation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.ref_date}: {self.value} {self.flags}".strip()

    @property
    def flags(self) -> str:
        return " ".join(s for s in (self.status, self.symbol, "t" if self.terminated else "") if s)


class CensusValue(models.Model):
    """One configured census characteristic (census.py) for one geography and census year."""

    geography = models.ForeignKey(Geography, on_delete=models.CASCADE, related_name="census_values")
    year = models.PositiveSmallIntegerField()
    characteristic = models.CharField(max_length=40)
    characteristic_name = models.CharField(max_length=300)
    value = models.FloatField(null=True)
    symbol = models.CharField(max_length=4, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["geography", "year", "characteristic"], name="cd_census_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.characteristic} {self.year}: {self.value}"


class RunStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportRun(models.Model):
    """One import of a Statistics Canada file, from an upload, a fetch or the command."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(upload_to="statcan/", blank=True)
    original_name = models.CharField(_("file"), max_length=255)
    table = models.ForeignKey(Table, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.WAITING)
    bytes_total = models.BigIntegerField(default=0)
    bytes_read = models.BigIntegerField(default=0)
    rows_read = models.BigIntegerField(default=0)
    created = models.BigIntegerField(_("new values"), default=0)
    updated = models.BigIntegerField(_("revised values"), default=0)
    unchanged = models.BigIntegerField(_("unchanged values"), default=0)
    problems = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.status == RunStatus.DONE:
            return 100
        return int(100 * self.bytes_read / self.bytes_total) if self.bytes_total else 0


class ObservationChange(models.Model):
    """A value a newer release revised: what it was and what it became."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="changes")
    # Not a database constraint: PostgreSQL partitions observations by series, and a foreign
    # key can only point at a key holding that (partitions.py). Django cascades the delete.
    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    old_value = models.FloatField(null=True)
    new_value = models.FloatField(null=True)
    old_flags = models.CharField(max_length=12, blank=True)
    new_flags = models.CharField(max_length=12, blank=True)

    def __str__(self) -> str:
        return f"{self.old_value} → {self.new_value}"
