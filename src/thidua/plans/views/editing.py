"""Writing a draft plan: its fields, sections, criteria and deadlines; numbering rules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.actions import form_page
from thidua.core.once import single_use
from thidua.org import access
from thidua.plans import forms
from thidua.plans.domain import body as plan_body
from thidua.plans.domain.defaults import plan_initial
from thidua.plans.domain.numbering import numbering_rule_for, numbering_rule_update
from thidua.plans.domain.plans import (
    end_of_day,
    plan_create,
    plan_set_body,
    plan_set_list,
    plan_update,
)
from thidua.plans.views.common import editable_plan, redirecting

PLAN_FIELDS = [name for name in forms.PlanForm.base_fields if name != "movement_name"]


@login_required
@single_use
def plan_create_view(request, unit_pk):
    unit = access.get_unit(request.user, "plan.edit", unit_pk)
    initial = plan_initial(unit, timezone.localdate())
    form = forms.PlanCreateForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: plan_create(actor=request.user, unit=unit, **form.cleaned_data),
        done=_("The draft plan was created. Now write its sections."),
        onward=lambda plan: reverse("plans:plan_body", args=[plan.pk]),
        template="plans/plan_form.html",
        context={"unit": unit, "plan": None},
    )


@login_required
@redirecting
def plan_edit(request, pk):
    plan = editable_plan(request, pk)
    initial = {name: getattr(plan, name) for name in PLAN_FIELDS}
    initial["movement_name"] = plan.movement.name
    form = forms.PlanForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: plan_update(actor=request.user, plan=plan, **form.cleaned_data),
        done=_("The plan was saved."),
        onward=reverse("plans:plan_detail", args=[plan.pk]),
        template="plans/plan_form.html",
        context={"unit": plan.unit, "plan": plan},
    )


@login_required
@redirecting
def plan_sections(request, pk):
    plan = editable_plan(request, pk)
    form = forms.PlanBodyForm(
        request.POST or None, initial={"source": plan_body.unparse(plan.sections.all())}
    )
    if request.method == "POST" and form.is_valid():
        plan_set_body(actor=request.user, plan=plan, source=form.cleaned_data["source"])
        messages.success(request, _("The sections were saved."))
        return redirect("plans:plan_detail", pk=plan.pk)
    return render(request, "plans/plan_body_form.html", {"form": form, "plan": plan})


@login_required
@redirecting
def plan_lists(request, pk):
    """Criteria, deadlines, linked campaigns and cited documents."""
    plan = editable_plan(request, pk)
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
def numbering_rule_edit(request, unit_pk):
    """How a unit numbers its documents (issuer code, restart per year or per term)."""
    unit = access.get_unit(request.user, "plan.issue", unit_pk)
    rule = numbering_rule_for(unit)
    form = forms.NumberingRuleForm(
        request.POST or None,
        initial={"issuer_code": rule.issuer_code, "restart": rule.restart, "term": rule.term},
    )
    return form_page(
        request,
        form,
        lambda: numbering_rule_update(actor=request.user, unit=unit, **form.cleaned_data),
        done=_("The numbering rule was saved."),
        onward=reverse("org:unit_detail", args=[unit.pk]),
        template="plans/numbering_form.html",
        context={"unit": unit},
    )
