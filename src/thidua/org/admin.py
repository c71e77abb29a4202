"""Django admin for superusers. Saves go through the audit log like everything else."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from thidua.audit.log import record, snapshot
from thidua.audit.models import Action
from thidua.org.domain.people import account_unit
from thidua.org.models import Membership, Person, Succession, Unit, path_for


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        if hasattr(obj, "refresh_derived_fields"):
            obj.refresh_derived_fields()
        super().save_model(request, obj, form, change)
        action = Action.UPDATE if change else Action.CREATE
        record(
            actor=request.user, action=action, instance=obj, unit=self.unit_of(obj), before=before
        )

    def delete_model(self, request, obj):
        record(
            actor=request.user,
            action=Action.DELETE,
            instance=obj,
            unit=self.unit_of(obj),
            before=snapshot(obj),
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def unit_of(self, obj):
        return getattr(obj, "unit", None)


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "kind", "code", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["search_name", "code"]
    raw_id_fields = ["parent"]
    readonly_fields = ["path"]

    def get_readonly_fields(self, request, obj=None):
        # A unit never moves: a new place in the tree is a new unit with a succession.
        return ["path", "parent", "kind", "level"] if obj else ["path"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.path = f"pending-{id(obj)}"
            obj.level = obj.level if obj.level is not None else 0
        super().save_model(request, obj, form, change)
        if not change:
            obj.path = path_for(obj.parent, obj.pk)
            obj.save(update_fields=["path"])

    def unit_of(self, obj):
        return obj


@admin.register(Succession)
class SuccessionAdmin(AuditedAdmin):
    list_display = ["predecessor", "successor", "kind", "date", "is_main"]
    raw_id_fields = ["predecessor", "successor"]

    def unit_of(self, obj):
        return obj.successor


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["person", "role", "unit"]
    list_filter = ["role"]
    raw_id_fields = ["person", "unit"]


@admin.register(Person)
class PersonAdmin(UserAdmin, AuditedAdmin):
    list_display = ["username", "full_name", "email", "phone", "is_active", "is_superuser"]
    search_fields = ["username", "full_name", "email", "phone"]
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Thi Đua", {"fields": ["full_name", "phone", "position"]}),
    )

    def unit_of(self, obj):
        return account_unit(obj)
