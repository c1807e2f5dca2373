"""Staff edit the knowledge base in the admin, with edit history (simple_history).

The summary strength is never typed: it follows the ratings (signals.py, services.py)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from prevnet.knowledge.models import (
    Brief,
    BriefSeries,
    CanadianExample,
    EconomicFigure,
    EvidenceRating,
    Practice,
    Program,
    Study,
)


class RatingInline(admin.TabularInline):
    model = EvidenceRating
    extra = 0
    fields = ("source", "level", "outcome_en", "outcome_fr", "basis", "rated_on", "url")


class ExampleInline(admin.TabularInline):
    model = CanadianExample
    extra = 0
    autocomplete_fields = ("municipality",)


class StudyInline(admin.StackedInline):
    model = Study
    extra = 0


class EconomicInline(admin.TabularInline):
    model = EconomicFigure
    extra = 0


@admin.register(Program)
class ProgramAdmin(SimpleHistoryAdmin):
    list_display = ("name_en", "status", "strength", "has_canadian_example")
    list_filter = ("status", "strength", "topics")
    search_fields = ("name_en", "name_fr", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("topics", "risk_factors", "practices")
    readonly_fields = ("strength",)
    inlines = [RatingInline, StudyInline, EconomicInline, ExampleInline]


@admin.register(Practice)
class PracticeAdmin(SimpleHistoryAdmin):
    list_display = ("name_en", "status", "strength")
    search_fields = ("name_en", "name_fr")
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("strength",)
    inlines = [RatingInline]


@admin.register(Brief)
class BriefAdmin(SimpleHistoryAdmin):
    list_display = ("title_en", "series", "status", "published_at")
    list_filter = ("status", "series")
    search_fields = ("title_en", "title_fr")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("programs", "topics")


admin.site.register(BriefSeries)
