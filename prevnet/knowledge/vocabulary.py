"""Closed vocabularies that describe a program, and the multi-choice field that stores them.

A program has several age groups, settings, approaches...: stored as ",a,b," in one column so
that a facet count is one conditional aggregate (``LIKE '%,a,%'``) on SQLite and PostgreSQL
alike, without a join table per vocabulary.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeGroup(models.TextChoices):
    EARLY_CHILDHOOD = "early_childhood", _("Early childhood (0-5)")
    CHILDREN = "children", _("Children (6-11)")
    YOUTH = "youth", _("Youth (12-17)")
    YOUNG_ADULTS = "young_adults", _("Young adults (18-24)")
    ADULTS = "adults", _("Adults")
    FAMILIES = "families", _("Parents and families")


class Gender(models.TextChoices):
    ALL = "all", _("All genders")
    WOMEN = "women", _("Girls and women")
    MEN = "men", _("Boys and men")


class RiskLevel(models.TextChoices):
    UNIVERSAL = "universal", _("Everyone (universal)")
    AT_RISK = "at_risk", _("People at risk")
    HIGH_RISK = "high_risk", _("People at high risk or already involved")


class Setting(models.TextChoices):
    SCHOOL = "school", _("School")
    COMMUNITY = "community", _("Community")
    FAMILY = "family", _("Family and home")
    POLICE = "police", _("Police")
    HEALTH = "health", _("Health")
    JUSTICE = "justice", _("Justice")


class Continuum(models.TextChoices):
    PRIMARY = "primary", _("Primary prevention")
    SECONDARY = "secondary", _("Secondary prevention")
    TERTIARY = "tertiary", _("Tertiary prevention")


class CswbLevel(models.TextChoices):
    """The four levels of the community safety and well-being framework."""

    SOCIAL_DEVELOPMENT = "social_development", _("Social development")
    PREVENTION = "prevention", _("Prevention")
    RISK_INTERVENTION = "risk_intervention", _("Risk intervention")
    INCIDENT_RESPONSE = "incident_response", _("Incident response")


class Approach(models.TextChoices):
    DEVELOPMENTAL = "developmental", _("Developmental and social")
    SITUATIONAL = "situational", _("Situational")
    PROBLEM_ORIENTED = "problem_oriented", _("Problem-oriented policing")
    EARLY_CHILDHOOD = "early_childhood", _("Early childhood and parenting")
    OUTREACH = "outreach", _("Outreach")
    ENFORCEMENT = "enforcement", _("Enforcement")
    MENTORING = "mentoring", _("Mentoring")
    SKILLS = "skills", _("Life and relationship skills")
    PUBLIC_HEALTH = "public_health", _("Public health")
    COMPREHENSIVE = "comprehensive", _("Comprehensive community strategy")


class CcssSector(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal government")
    POLICING = "policing", _("Policing")
    HEALTH = "health", _("Health care and mental health")
    ADDICTIONS = "addictions", _("Addictions services")
    CHILD_WELFARE = "child_welfare", _("Child welfare")
    SCHOOLS = "schools", _("Schools")
    HOUSING = "housing", _("Housing")
    SOCIAL_SERVICES = "social_services", _("Social services")
    COMMUNITY = "community", _("Community organizations")
    ACADEMIC = "academic", _("Universities and research")


class Currency(models.TextChoices):
    CAD = "CAD", "CAD"
    USD = "USD", "USD"
    GBP = "GBP", "GBP"
    EUR = "EUR", "EUR"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class MultiChoiceField(models.CharField):
    """A list of codes from ``choices``, stored as ",a,b," (see the module docstring)."""

    def __init__(self, *args, vocabulary=None, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["vocabulary"] = self.vocabulary
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return list(value)
        return [v for v in value.split(",") if v]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return ",".join(["", *value, ""]) if value else ""
        return value  # a lookup value such as ",school," passes through

    def value_to_string(self, obj):
        return ",".join(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = set(self.vocabulary.values) if self.vocabulary else None
        unknown = [v for v in value if allowed is not None and v not in allowed]
        if unknown:
            from django.core.exceptions import ValidationError

            raise ValidationError(_("Unknown value: %(v)s"), params={"v": ", ".join(unknown)})
        if not value and not self.blank:
            super().validate(value, model_instance)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.vocabulary.choices if self.vocabulary else [],
            required=not self.blank,
            label=self.verbose_name,
            widget=forms.CheckboxSelectMultiple,
        )
