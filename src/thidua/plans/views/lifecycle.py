"""A plan's life: issuing, closing, correcting, a unit's own plan on its basis, attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.actions import act, add_upload
from thidua.core.once import single_use
from thidua.plans import forms
from thidua.plans.domain.plans import (
    plan_attachment_add,
    plan_close,
    plan_correct,
    plan_create_child,
    plan_issue,
)
from thidua.plans.views.common import plan_for, units_that_may_answer


@login_required
@require_POST
def plan_issue_view(request, pk):
    plan = plan_for(request, pk, "plan.issue")
    act(
        request,
        lambda: plan_issue(actor=request.user, plan=plan),
        done=lambda issued: (
            _("The plan was issued as number %(number)s.") % {"number": issued.number_symbol}
        ),
    )
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_close_view(request, pk):
    plan = plan_for(request, pk, "plan.issue")
    act(request, lambda: plan_close(actor=request.user, plan=plan), done=_("The plan was closed."))
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_correct_view(request, pk):
    plan = plan_for(request, pk, "plan.edit")
    correction = act(
        request,
        lambda: plan_correct(actor=request.user, plan=plan),
        done=_("A new version was created as a draft. Correct it, then issue it."),
    )
    return redirect("plans:plan_detail", pk=(correction or plan).pk)


@login_required
@require_POST
@single_use
def plan_child_view(request, pk):
    plan = plan_for(request, pk)
    units = units_that_may_answer(request.user, plan)
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
@require_POST
@single_use
def plan_attachment_add_view(request, pk):
    plan = plan_for(request, pk, "plan.edit")
    if not plan.is_draft:
        messages.error(request, _("An issued plan cannot be changed: make a correction instead."))
        return redirect("plans:plan_detail", pk=plan.pk)
    add_upload(
        request,
        forms.AttachmentForm(request.POST, request.FILES),
        lambda data: plan_attachment_add(
            actor=request.user, plan=plan, upload=data["file"], title=data["title"]
        ),
        done=_("The file was attached."),
    )
    return redirect("plans:plan_detail", pk=plan.pk)
