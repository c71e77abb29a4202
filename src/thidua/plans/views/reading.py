"""Reading plans: the list, a plan, its cascade, its DOCX and attachments, the public page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from thidua.core import downloads, uploads
from thidua.documents.docx import render_docx
from thidua.org import access
from thidua.org.models import Unit
from thidua.org.models.units import ids_in_path
from thidua.plans import forms
from thidua.plans.domain.cascade import cascade, due_date
from thidua.plans.enums import ChildPlanState
from thidua.plans.models import Plan, PlanState
from thidua.plans.rendering import official_document
from thidua.plans.views.common import plan_for, units_that_may_answer


@login_required
def plan_list(request):
    """Plans received from above (the inbox) and the plans of the user's own units."""
    visible = Plan.objects.filter(access.plan_filter(request.user)).select_related(
        "unit", "movement"
    )
    # The inbox: what the units above the user's units have issued; "own": their subtrees'.
    roots = access.paths_for(request.user, "plan.view")
    above = {i for path in roots for i in ids_in_path(path)[:-1]} - {
        i for path in roots for i in ids_in_path(path)[-1:]
    }
    inbox = visible.filter(unit_id__in=above, state__in=[PlanState.ISSUED, PlanState.CLOSED])
    own = visible.exclude(unit_id__in=above)
    return render(
        request,
        "plans/plan_list.html",
        {
            "inbox": inbox.order_by("-issued_on", "-id")[:50],
            "own": own.order_by("state", "-issued_on", "-id")[:100],
            # Where the user holds the role (not every branch below it), among the units that
            # exist today: a commune merged in 2025 keeps its archive, not new plans.
            "units_for_new": Unit.objects.filter(
                path__in=access.paths_for(request.user, "plan.edit")
            )
            .active_on(timezone.localdate())
            .order_by("level", "sort_key"),
        },
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
