from django.contrib import admin

from prevnet.evaluation.models import (
    EnteredValue,
    Indicator,
    LogicItem,
    LogicModel,
    Report,
    YearTarget,
)


class LogicItemInline(admin.TabularInline):
    model = LogicItem
    extra = 0
    fields = ["level", "component", "text_en", "text_fr", "order"]


@admin.register(LogicModel)
class LogicModelAdmin(admin.ModelAdmin):
    list_display = ["name", "is_programme", "municipality"]
    inlines = [LogicItemInline]


class YearTargetInline(admin.TabularInline):
    model = YearTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name_en", "code", "computation", "programme_target"]
    inlines = [YearTargetInline]


@admin.register(EnteredValue)
class EnteredValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "value", "entered_by", "entered_at"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "status", "published_at"]
    # The snapshot is the report: it is never edited by hand.
    readonly_fields = ["figures", "html_en", "html_fr", "pdf_en", "pdf_fr", "status", "progress"]
