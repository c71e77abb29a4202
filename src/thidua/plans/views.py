"""Plan pages. Every view asks ``thidua.org.access`` before it reads or changes a plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.core import downloads, uploads
from thidua.documents.docx import render_docx
from thidua.org import access
from thidua.org.models import Unit
from thidua.org.models.units import ids_in_path
from thidua.plans import forms
from thidua.plans.domain import body as plan_body
from thidua.plans.domain.cascade import cascade, due_date, recipients
from thidua.plans.domain.defaults import header_lines
from thidua.plans.domain.numbering import numbering_rule_for, numbering_rule_update
from thidua.plans.domain.plans import (
    end_of_day,
    plan_close,
    plan_correct,
    plan_create,
    plan_create_child,
    plan_issue,
    plan_set_body,
    plan_set_list,
    plan_update,
)
from thidua.plans.models import Plan, PlanAttachment, PlanState
from thidua.plans.rendering import official_document, plan_for_rendering

PLAN_FIELDS = [name for name in forms.PlanForm.base_fields if name != "movement_name"]


def _plan(request, pk, action="plan.view") -> Plan:
    plan = get_object_or_404(plan_for_rendering(Plan.objects.all()), pk=pk)
    access.require_plan(request.user, action, plan)
    return plan


def _editable(request, pk) -> Plan:
    plan = _plan(request, pk, "plan.edit")
    if plan.state != PlanState.DRAFT:
        messages.error(request, _("An issued plan cannot be changed: make a correction instead."))
        raise _Redirect(plan)
    return plan


class _Redirect(Exception):  # noqa: N818 (a control-flow signal, not an error)
    def __init__(self, plan):
        self.plan = plan


def _redirecting(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Redirect as signal:
            return redirect("plans:plan_detail", pk=signal.plan.pk)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


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
            # Where the user holds the role, not every branch below it.
            "units_for_new": Unit.objects.filter(
                path__in=access.paths_for(request.user, "plan.edit")
            ).order_by("level", "sort_key"),
        },
    )


@login_required
def plan_create_view(request, unit_pk):
    unit = access.get_unit(request.user, "plan.edit", unit_pk)
    today = timezone.localdate()
    initial = {
        "period_start": today.replace(month=1, day=1),
        "period_end": today.replace(month=12, day=31),
        "emulation_form": "thematic",
        "quota_minimum": 1,
        "late_registrations": "mark_late",
        "place": unit.name,
        "signer_title": "CHỦ TỊCH",
        "signing_authority": "T/M BAN THƯỜNG VỤ",
        "recipients": "Thường trực Hội;\nCác đơn vị trực thuộc;\nLưu VT, VP.",
    }

    initial["superior_line"], initial["issuer_line"] = header_lines(unit)
    form = forms.PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            plan = plan_create(actor=request.user, unit=unit, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft plan was created. Now write its sections."))
            return redirect("plans:plan_body", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "unit": unit, "plan": None})


@login_required
@_redirecting
def plan_edit(request, pk):
    plan = _editable(request, pk)
    initial = {name: getattr(plan, name) for name in PLAN_FIELDS}
    initial["movement_name"] = plan.movement.name
    form = forms.PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plan_update(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect("plans:plan_detail", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "unit": plan.unit, "plan": plan})


@login_required
@_redirecting
def plan_sections(request, pk):
    plan = _editable(request, pk)
    form = forms.PlanBodyForm(
        request.POST or None, initial={"source": plan_body.unparse(plan.sections.all())}
    )
    if request.method == "POST" and form.is_valid():
        plan_set_body(actor=request.user, plan=plan, source=form.cleaned_data["source"])
        messages.success(request, _("The sections were saved."))
        return redirect("plans:plan_detail", pk=plan.pk)
    return render(request, "plans/plan_body_form.html", {"form": form, "plan": plan})


@login_required
@_redirecting
def plan_lists(request, pk):
    """Criteria, deadlines, linked campaigns and cited documents."""
    plan = _editable(request, pk)
    post = request.POST or None
    criteria = forms.CriterionFormSet(
        post,
        prefix="criteria",
        initial=list(plan.criteria.values("name", "description", "max_points")),
    )
    deadlines = forms.DeadlineFormSet(
        post,
        prefix="deadlines",
        initial=[
            {"kind": d.kind, "label": d.label, "due_on": timezone.localtime(d.due_at).date()}
            for d in plan.deadlines.all()
        ],
    )
    lists = forms.PlanListsForm(
        post,
        initial={
            "campaigns": "\n".join(plan.campaigns.values_list("name", flat=True)),
            "citations": "\n".join(b.text for b in plan.bases.all() if b.parent_id is None),
        },
    )
    if (
        request.method == "POST"
        and criteria.is_valid()
        and deadlines.is_valid()
        and lists.is_valid()
    ):
        _save_lists(request.user, plan, criteria, deadlines, lists)
        messages.success(request, _("Criteria, deadlines and references were saved."))
        return redirect("plans:plan_detail", pk=plan.pk)
    return render(
        request,
        "plans/plan_lists_form.html",
        {"plan": plan, "criteria": criteria, "deadlines": deadlines, "lists": lists},
    )


def _kept(formset):
    return [
        f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


@transaction.atomic
def _save_lists(actor, plan, criteria, deadlines, lists):
    plan_set_list(
        actor=actor,
        plan=plan,
        kind="criteria",
        rows=[
            {
                "code": f"c{i}",
                "name": row["name"],
                "description": row["description"],
                "max_points": row["max_points"],
            }
            for i, row in enumerate(_kept(criteria), start=1)
        ],
    )
    plan_set_list(
        actor=actor,
        plan=plan,
        kind="deadlines",
        rows=[
            {"kind": row["kind"], "label": row["label"], "due_at": end_of_day(row["due_on"])}
            for row in _kept(deadlines)
        ],
    )
    plan_set_list(
        actor=actor,
        plan=plan,
        kind="campaigns",
        rows=[
            {"name": line.strip()}
            for line in lists.cleaned_data["campaigns"].splitlines()
            if line.strip()
        ],
    )
    parents = [{"parent": b.parent, "text": b.text} for b in plan.bases.all() if b.parent_id]
    citations = [
        {"parent": None, "text": line.strip()}
        for line in lists.cleaned_data["citations"].splitlines()
        if line.strip()
    ]
    plan_set_list(actor=actor, plan=plan, kind="bases", rows=parents + citations)


@login_required
def plan_detail(request, pk):
    plan = _plan(request, pk)
    child_units = _units_that_may_answer(request.user, plan)
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


def _units_that_may_answer(user, plan):
    """Units one level below the issuer where ``user`` may write the unit's own plan."""
    if plan.state != PlanState.ISSUED:
        return []

    return [u for u in recipients(plan) if access.can(user, "plan.edit", u)]


@login_required
@require_POST
def plan_issue_view(request, pk):
    plan = _plan(request, pk, "plan.issue")
    try:
        plan = plan_issue(actor=request.user, plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The plan was issued as number %(number)s.") % {"number": plan.number_symbol}
        )
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_close_view(request, pk):
    plan = _plan(request, pk, "plan.issue")
    try:
        plan_close(actor=request.user, plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The plan was closed."))
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_correct_view(request, pk):
    plan = _plan(request, pk, "plan.edit")
    try:
        correction = plan_correct(actor=request.user, plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plans:plan_detail", pk=plan.pk)
    messages.success(request, _("A new version was created as a draft. Correct it, then issue it."))
    return redirect("plans:plan_detail", pk=correction.pk)


@login_required
@require_POST
def plan_child_view(request, pk):
    plan = _plan(request, pk)
    units = _units_that_may_answer(request.user, plan)
    form = forms.ChildPlanForm(request.POST, units=units)
    if not form.is_valid():
        raise PermissionDenied
    unit = next(u for u in units if u.pk == form.cleaned_data["unit"])
    child = plan_create_child(actor=request.user, parent=plan, unit=unit)
    messages.success(
        request,
        _("Your unit's plan was created from this one. Adapt it to your unit, then issue it."),
    )
    return redirect("plans:plan_detail", pk=child.pk)


@login_required
def plan_cascade(request, pk):
    plan = _plan(request, pk)
    if not access.can(request.user, "plan.view", plan.unit):
        raise PermissionDenied
    rows = cascade(plan)
    counts = {
        state: sum(1 for r in rows if r.state == state)
        for state in ("on_time", "late", "draft", "missing")
    }
    return render(
        request,
        "plans/plan_cascade.html",
        {
            "plan": plan,
            "rows": rows,
            "counts": counts,
            "due": due_date(plan),
            "today": timezone.localdate(),
        },
    )


@login_required
def plan_docx(request, pk):
    plan = _plan(request, pk)
    content = render_docx(official_document(plan))
    return downloads.download(
        content, name=plan.download_name("docx"), content_type=uploads.DOCX.content_type
    )


@login_required
@require_POST
def plan_attachment_add(request, pk):
    plan = _plan(request, pk, "plan.edit")
    if not plan.is_draft:
        messages.error(request, _("An issued plan cannot be changed: make a correction instead."))
        return redirect("plans:plan_detail", pk=plan.pk)
    form = forms.AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            accepted = uploads.accept(form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            attachment = PlanAttachment(
                plan=plan, title=form.cleaned_data["title"], uploaded_by=request.user
            )
            uploads.attach(attachment, accepted)
            attachment.save()
            record(actor=request.user, action=Action.CREATE, instance=attachment, unit=plan.unit)
            messages.success(request, _("The file was attached."))
    else:
        messages.error(request, _("Give the file a title and choose a file."))
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
def plan_attachment(request, pk, attachment_pk):
    plan = _plan(request, pk)
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


@login_required
def numbering_rule_edit(request, unit_pk):
    """How a unit numbers its documents (issuer code, restart per year or per term)."""
    unit = access.get_unit(request.user, "plan.issue", unit_pk)
    rule = numbering_rule_for(unit)
    form = forms.NumberingRuleForm(
        request.POST or None,
        initial={"issuer_code": rule.issuer_code, "restart": rule.restart, "term": rule.term},
    )
    if request.method == "POST" and form.is_valid():
        numbering_rule_update(actor=request.user, unit=unit, **form.cleaned_data)
        messages.success(request, _("The numbering rule was saved."))
        return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "plans/numbering_form.html", {"form": form, "unit": unit})
