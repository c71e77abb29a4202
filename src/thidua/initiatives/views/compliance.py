"""Who has registered, for the unit that issued the plan and the units above it.

The table is paginated (50 units a page, the total said) and filtered by state of
compliance and by unit name; the counts cover every unit (issue 13: a national plan
owes registrations from 20,000 units, which one page cannot show).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from thidua.core.table_rows import Column, table_rows
from thidua.initiatives.domain.compliance_table import compliance_page
from thidua.initiatives.enums import ComplianceState
from thidua.org import access
from thidua.plans.domain.selectors import plan_get

# The two tables' columns (written in Python: `core/table_rows.py`; 63 provinces and 50
# units a page at national size).
UNIT = Column(_("Unit"), lambda row: row.unit.full_name)
GROUP_COLUMNS = (
    UNIT,
    Column(_("Units that must register"), lambda group: group.units),
    Column(_("on time"), lambda group: group.on_time),
    Column(_("late"), lambda group: group.late),
    Column(_("fewer than required"), lambda group: group.short),
    Column(_("nothing sent"), lambda group: group.missing),
    Column(_("registrations sent"), lambda group: group.registrations),
)
ROW_COLUMNS = (
    UNIT,
    Column(_("Required"), lambda row: row.quota),
    Column(_("Sent"), lambda row: row.sent),
    Column(_("Drafts"), lambda row: row.drafts),
    Column(
        _("First sent"),
        lambda row: f"{localtime(row.first_sent):%d/%m/%Y}" if row.first_sent else "—",
    ),
    Column(
        _("Status"),
        lambda row: format_html(
            '<span class="badge badge--{}">{}</span>', row.state, row.state_label
        ),
    ),
)


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
            "unit_rows": table_rows(
                report.rows, ROW_COLUMNS, row_class=lambda row: f"status--{row.state}"
            ),
            "group_rows": table_rows(report.groups, GROUP_COLUMNS) if report.grouped else "",
            "page": report.page,
            "totals": report.totals,
            "state": state if state in ComplianceState.values else "",
            "q": name,
            "states": ComplianceState.choices,
            # A province sees its districts' totals; a district's recipients are the units.
            "grouped": report.grouped,
        },
    )
