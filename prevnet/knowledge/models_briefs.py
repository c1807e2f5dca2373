"""Briefs: short bilingual articles written by staff in Markdown, grouped in series."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from prevnet.knowledge.vocabulary import Status


def _in_language(obj, field: str) -> str:
    en, fr = getattr(obj, f"{field}_en"), getattr(obj, f"{field}_fr")
    return (fr or en) if get_language() == "fr" else (en or fr)


class BriefSeries(models.Model):
    """A collection of briefs published together (e.g. the 2009 Action Briefs)."""

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("series of briefs")
        verbose_name_plural = _("series of briefs")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self, "name")


class Brief(models.Model):
    slug = models.SlugField(_("code"), max_length=80, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    body_en = models.TextField(_("text in Markdown (English)"), blank=True)
    body_fr = models.TextField(_("text in Markdown (French)"), blank=True)
    series = models.ForeignKey(
        BriefSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="briefs",
        verbose_name=_("series"),
    )
    programs = models.ManyToManyField(
        "knowledge.Program", blank=True, related_name="briefs", verbose_name=_("programs")
    )
    topics = models.ManyToManyField(
        "knowledge.Topic", blank=True, related_name="briefs", verbose_name=_("topics")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-published_at", "title_en"]
        verbose_name = _("brief")
        verbose_name_plural = _("briefs")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:brief_detail", args=[self.slug])

    @property
    def title(self) -> str:
        return _in_language(self, "title")

    @property
    def body(self) -> str:
        return _in_language(self, "body")

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED
