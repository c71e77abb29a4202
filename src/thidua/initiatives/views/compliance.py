"""Who has registered, for the unit that issued the plan and the units above it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from thidua.initiatives.domain.compliance import compliance
from thidua.initiatives.enums import ComplianceState
from thidua.org import access
from thidua.plans.domain.selectors import plan_get


@login_required
def compliance_view(request, plan_pk):
    plan = plan_get(user=request.user, pk=plan_pk)
    if not access.can(request.user, "registration.view", plan.unit):
        raise PermissionDenied  # the communes see their own registrations, not the table
    report = compliance(plan)
    state = request.GET.get("state")
    wanted = state in ComplianceState.values
    rows = [r for r in report.rows if r.state == state] if wanted else report.rows
    return render(
        request,
        "initiatives/compliance.html",
        {
            "plan": plan,
            "report": report,
            "rows": rows,
            "totals": report.totals(),
            "state": state,
            "states": ComplianceState.choices,
            # A province sees its districts' totals; a district's recipients are the units.
            "grouped": any(
                row.unit.pk != group.unit.pk for group in report.groups for row in group.rows
            ),
        },
    )
