"""The admin, for network staff: the CPI table (no page of its own) and the proxy library."""

from django.contrib import admin

from prevnet.sroi.models import Analysis, CpiYear, FinancialProxy


@admin.register(CpiYear)
class CpiYearAdmin(admin.ModelAdmin):
    list_display = ["year", "index", "source"]


@admin.register(FinancialProxy)
class FinancialProxyAdmin(admin.ModelAdmin):
    list_display = ["name_en", "value", "year", "is_illustrative"]
    list_filter = ["is_illustrative"]
    search_fields = ["name_en", "name_fr", "source"]


@admin.register(Analysis)
class AnalysisAdmin(admin.ModelAdmin):
    list_display = ["title", "program", "template_program", "base_year", "discount_rate"]
    list_select_related = ["program", "template_program"]
    raw_id_fields = ["program", "template_program"]
