"""Questionnaires, their versions and questions; campaigns, invitations and submissions.

A published version never changes: its questions are frozen and answers point at it, so a
summary always reads answers against the questions that were asked. Editing makes a new draft.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _pick(en: str, fr: str) -> str:
    return (fr or en) if get_language() == "fr" else (en or fr)


class Questionnaire(models.Model):
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return _pick(self.title_en, self.title_fr)


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishedVersionError(Exception):
    """A published version, its questions or its choices were about to change."""


class QuestionnaireVersion(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="versions"
    )
    version = models.CharField(_("version"), max_length=40)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["questionnaire", "created_at", "pk"]
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "version"], name="unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    def save(self, *args, **kwargs):
        if self.pk:
            stored = QuestionnaireVersion.objects.filter(pk=self.pk).values_list(
                "status", "version", "title_en", "title_fr"
            )
            row = stored.first()
            if (
                row
                and row[0] == VersionStatus.PUBLISHED
                and row
                != (
                    self.status,
                    self.version,
                    self.title_en,
                    self.title_fr,
                )
            ):
                raise PublishedVersionError(self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("questionnaires:version_detail", args=[self.pk])

    @property
    def title(self) -> str:
        return _pick(self.title_en, self.title_fr)

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED


class QuestionType(models.TextChoices):
    TEXT = "text", _("Text")
    LONG_TEXT = "long_text", _("Long text")
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    SELECT_ONE = "select_one", _("Select one")
    SELECT_MULTIPLE = "select_multiple", _("Select multiple")
    DATE = "date", _("Date")
    RATING = "rating", _("Rating scale")
    NOTE = "note", _("Note")
    GROUP = "group", _("Section")
    REPEAT = "repeat", _("Repeated section")


class _Frozen(models.Model):
    """Rows of a version: refused once the version is published."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_draft()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_draft()
        return super().delete(*args, **kwargs)

    def _check_draft(self):
        if QuestionnaireVersion.objects.filter(
            pk=self.version_id, status=VersionStatus.PUBLISHED
        ).exists():
            raise PublishedVersionError(self.version_id)


class Question(_Frozen):
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="questions"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    order = models.PositiveIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=60)
    type = models.CharField(_("type"), max_length=20, choices=QuestionType.choices)
    label_en = models.TextField(_("label (English)"), blank=True)
    label_fr = models.TextField(_("label (French)"), blank=True)
    hint_en = models.TextField(_("hint (English)"), blank=True)
    hint_fr = models.TextField(_("hint (French)"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    relevance = models.TextField(_("relevance"), blank=True)
    constraint = models.TextField(_("constraint"), blank=True)
    constraint_message_en = models.TextField(_("constraint message (English)"), blank=True)
    constraint_message_fr = models.TextField(_("constraint message (French)"), blank=True)
    list_name = models.CharField(_("choice list"), max_length=60, blank=True)
    appearance = models.CharField(_("appearance"), max_length=100, blank=True)
    parameters = models.CharField(_("parameters"), max_length=200, blank=True)

    class Meta:
        ordering = ["version", "order"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="unique_question_name")
        ]

    def __str__(self) -> str:
        return self.name


class Choice(_Frozen):
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="choices"
    )
    list_name = models.CharField(_("choice list"), max_length=60)
    order = models.PositiveIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=60)
    label_en = models.TextField(_("label (English)"), blank=True)
    label_fr = models.TextField(_("label (French)"), blank=True)

    class Meta:
        ordering = ["version", "list_name", "order"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "list_name", "name"], name="unique_choice_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.list_name}:{self.name}"


class Purpose(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    YEAR_1 = "year1", _("Year 1")
    YEAR_2 = "year2", _("Year 2")
    YEAR_3 = "year3", _("Year 3")
    AFTER_ACTIVITY = "activity", _("After an activity")


class Unit(models.TextChoices):
    MUNICIPALITY = "municipality", _("One answer per municipality")
    PERSON = "person", _("One answer per person")


class Campaign(models.Model):
    """A published version sent to chosen people or municipalities between two dates."""

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="campaigns"
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    unit = models.CharField(_("answered by"), max_length=20, choices=Unit.choices)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    # What the campaign is about (an activity of another app), without a hard dependency.
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    class Meta:
        ordering = ["-opens_on", "name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("questionnaires:campaign_detail", args=[self.pk])

    def is_open(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.opens_on <= on <= self.closes_on

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The campaign closes before it opens.")})


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """Who is asked to answer: a person, a municipality (through a contact), or both."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        "network.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    municipality = models.ForeignKey(
        "network.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(municipality__isnull=False),
                name="invitation_has_someone",
            ),
        ]

    def __str__(self) -> str:
        return str(self.municipality or self.person)

    def get_absolute_url(self) -> str:
        return reverse("questionnaires:answer", args=[self.token])


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Submission(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="submissions")
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="submissions"
    )
    # One answer per invitation (a person or a municipality); imported answers may have none.
    invitation = models.OneToOneField(
        Invitation, on_delete=models.CASCADE, null=True, blank=True, related_name="submission"
    )
    municipality = models.ForeignKey(
        "network.Municipality", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    client_uuid = models.UUIDField(_("client identifier"), unique=True, default=uuid.uuid4)
    answers = models.JSONField(_("answers"), default=dict)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=20, default="web")

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self) -> str:
        return str(self.client_uuid)


class Correction(models.Model):
    """A staff correction of submitted answers: what they were, what they became, who, why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="corrections")
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    corrected_at = models.DateTimeField(_("corrected"), default=timezone.now)
    before = models.JSONField(_("before"))
    after = models.JSONField(_("after"))
    reason = models.CharField(_("reason"), max_length=500)

    class Meta:
        ordering = ["submission", "corrected_at"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.submission} ({self.corrected_at:%Y-%m-%d})"
