"""The admin, for network staff. Its permission checks go through core.access (AccessBackend)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from prevnet.network.models import (
    EngagementEvent,
    ImportJob,
    Municipality,
    Organization,
    Person,
    Province,
    Region,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_fr", "order"]


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["sgc_code", "abbreviation", "name_en", "name_fr", "region"]
    list_select_related = ["region"]


class EngagementInline(admin.TabularInline):
    model = EngagementEvent
    extra = 0


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "province", "csd_code", "population", "membership_status"]
    list_filter = ["province__region", "province", "membership_status"]
    list_select_related = ["province"]
    search_fields = ["name", "csd_code"]
    filter_horizontal = ["coordinators"]
    inlines = [EngagementInline]


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "type", "municipality"]
    list_filter = ["type"]
    list_select_related = ["municipality"]
    search_fields = ["name"]
    autocomplete_fields = ["municipality"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["last_name", "first_name", "position_type", "organization", "municipality"]
    list_filter = ["position_type", "language"]
    list_select_related = ["organization", "municipality"]
    search_fields = ["first_name", "last_name", "email"]
    autocomplete_fields = ["organization", "municipality", "user"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["original_name", "created_by", "created_at", "status", "rows_read"]
    list_filter = ["status"]
    list_select_related = ["created_by"]
    readonly_fields = [f.name for f in ImportJob._meta.fields]

    def has_add_permission(self, request):
        return False  # uploads go through the import page, which queues the task
