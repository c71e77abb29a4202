from django.contrib import admin

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Read-only, to find a failed job and why: what a job made is its requester's to
    download (web/jobs.py), never offered here."""

    list_display = ["created_at", "kind", "title", "requested_by", "state", "error"]
    list_filter = ["state", "kind"]
    search_fields = ["title", "error"]
    list_select_related = ["requested_by"]
    exclude = ["file", "upload"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
