"""Plans in the Django admin: readable by superusers; changes go through the plan pages,
which keep the lifecycle (an issued plan is never edited in place)."""

from django.contrib import admin

from thidua.org.admin import AuditedAdmin
from thidua.plans.models import NumberingRule, Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "number", "issued_on", "state", "version"]
    list_filter = ["state", "emulation_form"]
    search_fields = ["title"]
    list_select_related = ["unit"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NumberingRule)
class NumberingRuleAdmin(AuditedAdmin):
    list_display = ["unit", "issuer_code", "restart", "term"]
    raw_id_fields = ["unit"]
