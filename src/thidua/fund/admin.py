"""The fund in the Django admin: read-only. The ledger is written by the product's pages
through ``fund/domain/ledger.py`` and never edited (``fund/models.py``); funds and donors
change through their pages too, which write the audit log."""

from django.contrib import admin

from thidua.fund.models import Donor, Entry, Fund


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Fund)
class FundAdmin(ReadOnlyAdmin):
    list_display = ["name", "unit", "created_at"]
    list_select_related = ["unit"]
    search_fields = ["name"]


@admin.register(Donor)
class DonorAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "unit", "named_publicly"]
    list_filter = ["kind", "named_publicly"]
    list_select_related = ["unit"]
    search_fields = ["name"]


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdmin):
    list_display = [
        "fund",
        "sequence",
        "occurred_on",
        "kind",
        "in_kind",
        "amount_vnd",
        "balance_vnd",
    ]
    list_filter = ["kind", "in_kind"]
    list_select_related = ["fund"]
    ordering = ["fund", "sequence"]
