"""Reading plans: the list, a plan, its cascade, its DOCX and attachments, the public page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core import downloads, uploads
from thidua.documents.csvfile import render_csv
from thidua.documents.docx import render_docx
from thidua.documents.xlsx import render_xlsx
from thidua.org import access
from thidua.org.models import Unit
from thidua.org.models.units import ids_in_path
from thidua.plans import forms
from thidua.plans.domain.cascade import cascade, due_date
from thidua.plans.enums import ChildPlanState
from thidua.plans.exports import plan_table
from thidua.plans.models import Plan, PlanState
from thidua.plans.rendering import official_document
from thidua.plans.views.common import plan_for, units_that_may_answer
from thidua.plans.views.series import series_form

LIST_PAGE_SIZE = 50  # plans a page of the list shows; the total is said
LIST_FORMATS = {"xlsx": uploads.XLSX.content_type, "csv": "text/csv; charset=utf-8"}


@login_required
def plan_list(request):
    """Every plan the person may read, 50 a page with the total: those received from above
    (the inbox) and those of their own units, narrowed by year, issuer, level and state;
    ``?download=xlsx`` or ``csv``: the whole filtered list as a file."""
    visible = Plan.objects.filter(access.plan_filter(request.user))
    # The inbox: what the units above the user's units have issued; "own": their subtrees'.
    roots = access.paths_for(request.user, "plan.view")
    above = {i for path in roots for i in ids_in_path(path)[:-1]} - {
        i for path in roots for i in ids_in_path(path)[-1:]
    }
    inbox = Q(unit_id__in=above)
    visible = visible.filter(~inbox | Q(state__in=[PlanState.ISSUED, PlanState.CLOSED]))
    filters = forms.PlanFilterForm(
        request.GET or None,
        years=sorted(
            {day.year for day in visible.dates("period_start", "year", order="DESC")},
            reverse=True,
        ),
        issuers=list(
            Unit.objects.filter(pk__in=visible.values("unit_id")).order_by("level", "sort_key")
        ),
    )
    plans = (
        filters.narrow(visible, above=above)
        .select_related("unit", "movement")
        # Drafts (not issued yet) first, then the latest issued.
        .order_by(F("issued_on").desc(nulls_first=True), "-id")
    )
    wanted = request.GET.get("download")
    if wanted in LIST_FORMATS:
        return _list_download(plans, wanted)
    page = Paginator(plans, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "plans/plan_list.html",
        {
            "filters": filters,
            "page": page,
            "plans": page.object_list,
            "received": above,
            "query": query.urlencode(),
            # Where the user holds the role (not every branch below it), among the units that
            # exist today: a commune merged in 2025 keeps its archive, not new plans.
            "units_for_new": Unit.objects.filter(
                path__in=access.paths_for(request.user, "plan.edit")
            )
            .active_on(timezone.localdate())
            .order_by("level", "sort_key"),
        },
    )


def _list_download(plans, extension: str):
    columns, rows = plan_table(plans)
    if extension == "xlsx":
        content = render_xlsx(title="DANH SÁCH KẾ HOẠCH", columns=columns, rows=rows)
    else:
        content = render_csv(columns=columns, rows=rows)
    return downloads.download(
        content,
        name=downloads.file_name(_("Plans"), extension=extension),
        content_type=LIST_FORMATS[extension],
    )


@login_required
def plan_detail(request, pk):
    plan = plan_for(request, pk)
    child_units = units_that_may_answer(request.user, plan)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "document": official_document(plan),
            "can_edit": plan.is_draft and access.can(request.user, "plan.edit", plan.unit),
            "can_issue": plan.is_draft and access.can(request.user, "plan.issue", plan.unit),
            "can_manage": access.can(request.user, "plan.issue", plan.unit),
            "can_remind": access.can(request.user, "plan.edit", plan.unit),
            "can_follow": access.can(request.user, "plan.view", plan.unit),
            "child_form": forms.ChildPlanForm(units=child_units) if child_units else None,
            "attachment_form": forms.AttachmentForm()
            if plan.is_draft and access.can(request.user, "plan.edit", plan.unit)
            else None,
            "criteria": plan.criteria.all(),
            "deadlines": plan.deadlines.all(),
            "campaigns": plan.campaigns.all(),
            "attachments": plan.attachments.all(),
            "parents": [b.parent for b in plan.bases.all() if b.parent_id],
            "replaced_by": getattr(plan, "replaced_by", None),
            "series_form": series_form(request.user, plan) if not plan.is_draft else None,
        },
    )


@login_required
def plan_cascade(request, pk):
    plan = plan_for(request, pk)
    if not access.can(request.user, "plan.view", plan.unit):
        raise PermissionDenied
    rows = cascade(plan)
    counts = {state: sum(1 for r in rows if r.state == state) for state in ChildPlanState.values}
    return render(
        request,
        "plans/plan_cascade.html",
        {
            "plan": plan,
            "rows": rows,
            # A unit's draft is its own: the row says there is one, without a link.
            "readable": {
                r.plan.pk for r in rows if r.plan and access.can_view_plan(request.user, r.plan)
            },
            "counts": counts,
            "due": due_date(plan),
            "today": timezone.localdate(),
        },
    )


@login_required
def plan_docx(request, pk):
    plan = plan_for(request, pk)
    content = render_docx(official_document(plan))
    return downloads.download(
        content, name=plan.download_name("docx"), content_type=uploads.DOCX.content_type
    )


@login_required
def plan_attachment(request, pk, attachment_pk):
    plan = plan_for(request, pk)
    attachment = get_object_or_404(plan.attachments, pk=attachment_pk)
    return downloads.stored(
        attachment.file, name=attachment.download_name, content_type=attachment.content_type
    )


def public_plan(request, pk):
    """What an issued plan asks, its deadlines and criteria: for anyone, no login."""
    plan = get_object_or_404(
        Plan.objects.filter(~Q(state=PlanState.DRAFT)).select_related("unit", "movement"), pk=pk
    )
    return render(
        request,
        "plans/public_plan.html",
        {
            "plan": plan,
            "criteria": plan.criteria.all(),
            "deadlines": plan.deadlines.all(),
            "campaigns": plan.campaigns.all(),
        },
    )
