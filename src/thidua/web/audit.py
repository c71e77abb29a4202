"""The audit log page. It lives in the web shell, above org: the log itself (thidua.audit)
sits below every app so that each can write to it, and reading it needs ``access``."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import path

from thidua.audit.display import readable_changes
from thidua.audit.models import AuditEntry
from thidua.org import access


@login_required
def entry_list(request):
    """The log of the units the user administers (their subtrees), newest first."""
    if not access.can_anywhere(request.user, "audit.view"):
        raise Http404
    entries = access.scoped(AuditEntry.objects.all(), request.user, "audit.view")
    unit_id = request.GET.get("unit")
    unit = None
    if unit_id:
        unit = access.get_unit(request.user, "audit.view", unit_id)
        entries = entries.filter(unit__path__startswith=unit.path)
    entries = entries.select_related("actor", "unit", "content_type").order_by("-at", "-id")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    rows = [(entry, readable_changes(entry)) for entry in page]
    return render(request, "audit/entry_list.html", {"page": page, "rows": rows, "unit": unit})


app_name = "audit"
urlpatterns = [path("", entry_list, name="entry_list")]
