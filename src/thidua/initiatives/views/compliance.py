"""Who has registered, for the unit that issued the plan and the units above it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from thidua.initiatives.domain.compliance import STATUS_LABELS, compliance
from thidua.initiatives.views.registrations import _plan
from thidua.org import access


@login_required
def compliance_view(request, plan_pk):
    plan = _plan(request, plan_pk)
    if not access.can(request.user, "registration.view", plan.unit):
        raise PermissionDenied  # the communes see their own registrations, not the table
    report = compliance(plan)
    status = request.GET.get("status")
    rows = (
        [r for r in report.rows if r.status == status] if status in STATUS_LABELS else report.rows
    )
    return render(
        request,
        "initiatives/compliance.html",
        {
            "plan": plan,
            "report": report,
            "rows": rows,
            "totals": report.totals(),
            "status": status,
            "statuses": [(key, str(label)) for key, label in STATUS_LABELS.items()],
            # A province sees its districts' totals; a district's recipients are the units.
            "grouped": any(
                row.unit.pk != group.unit.pk for group in report.groups for row in group.rows
            ),
        },
    )
