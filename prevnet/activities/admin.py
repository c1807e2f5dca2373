"""The admin for activities: where staff set each module's assessment (questions, pass mark,
rubric) and can correct any record. Permission checks go through core.access."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from prevnet.activities.models import (
    Activity,
    Assessment,
    AssessmentResult,
    Certificate,
    Exchange,
    LearningProfile,
    MatchingWeights,
    PersonMerge,
    Question,
    Registration,
)


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 1


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["module", "kind", "pass_mark"]
    inlines = [QuestionInline]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ["person"]
    exclude = ["registered_by"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "type", "starts_on", "programme_year", "published"]
    list_filter = ["type", "programme_year", "region"]
    search_fields = ["title"]
    inlines = [RegistrationInline]


@admin.register(Exchange)
class ExchangeAdmin(SimpleHistoryAdmin):
    list_display = ["activity", "visiting", "host", "status"]
    list_filter = ["status"]


@admin.register(AssessmentResult)
class AssessmentResultAdmin(SimpleHistoryAdmin):
    list_display = ["person", "assessment", "score", "passed", "taken_on"]
    raw_id_fields = ["person", "activity"]


@admin.register(Certificate)
class CertificateAdmin(SimpleHistoryAdmin):
    list_display = ["code", "kind", "person", "issued_on", "revoked"]
    search_fields = ["code"]
    raw_id_fields = ["person", "activity", "result"]


admin.site.register(LearningProfile, SimpleHistoryAdmin)
admin.site.register(MatchingWeights, SimpleHistoryAdmin)


@admin.register(PersonMerge)
class PersonMergeAdmin(admin.ModelAdmin):
    list_display = ["merged_at", "kept", "removed_id", "merged_by"]
    readonly_fields = ["kept", "removed_id", "removed_snapshot", "moved", "merged_by", "merged_at"]
