from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from prevnet.programs.models import Funding, MunicipalProgram


class FundingInline(admin.TabularInline):
    model = Funding
    extra = 0


@admin.register(MunicipalProgram)
class MunicipalProgramAdmin(SimpleHistoryAdmin):
    list_display = ["name", "municipality", "evaluation_status", "fostered_by_programme"]
    list_filter = ["evaluation_status", "fostered_by_programme", "is_mainstreamed"]
    search_fields = ["name", "municipality__name", "priority_problem"]
    autocomplete_fields = ["municipality"]
    inlines = [FundingInline]
