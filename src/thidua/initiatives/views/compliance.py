"""Who has registered, for the unit that issued the plan and the units above it.

The table is paginated (50 units a page, the total said) and filtered by state of
compliance and by unit name; the counts cover every unit (issue 13: a national plan
owes registrations from 20,000 units, which one page cannot show).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from thidua.initiatives.domain.compliance_table import compliance_page
from thidua.initiatives.enums import ComplianceState
from thidua.org import access
from thidua.plans.domain.selectors import plan_get


@login_required
def compliance_view(request, plan_pk):
    plan = plan_get(user=request.user, pk=plan_pk)
    if not access.can(request.user, "registration.view", plan.unit):
        raise PermissionDenied  # the communes see their own registrations, not the table
    state = request.GET.get("state", "")
    name = request.GET.get("q", "").strip()[:200]
    report = compliance_page(plan, state=state, name=name, page=request.GET.get("page"))
    return render(
        request,
        "initiatives/compliance.html",
        {
            "plan": plan,
            "report": report,
            "rows": report.rows,
            "page": report.page,
            "totals": report.totals,
            "state": state if state in ComplianceState.values else "",
            "q": name,
            "states": ComplianceState.choices,
            # A province sees its districts' totals; a district's recipients are the units.
            "grouped": report.grouped,
        },
    )
