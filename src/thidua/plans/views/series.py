"""Linking a plan to the same movement's plan of the year before (plans/domain/series.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.actions import act
from thidua.org import access
from thidua.plans import forms
from thidua.plans.domain.series import candidates, plan_link_previous
from thidua.plans.views.common import plan_for


def series_form(user, plan) -> forms.SeriesForm | None:
    """The form on the plan's page, for whoever may edit the unit's plans."""
    if not access.can(user, "plan.edit", plan.unit):
        return None
    return forms.SeriesForm(
        initial={"previous": plan.previous_in_series_id}, candidates=candidates(plan)
    )


@login_required
@require_POST
def plan_series(request, pk):
    plan = plan_for(request, pk)
    if not access.can(request.user, "plan.edit", plan.unit):
        raise PermissionDenied
    choices = {p.pk: p for p in candidates(plan)}
    form = forms.SeriesForm(request.POST, candidates=choices.values())
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("previous", [])))
    else:
        previous = choices.get(form.cleaned_data["previous"])
        act(
            request,
            lambda: plan_link_previous(actor=request.user, plan=plan, previous=previous),
            done=_("Saved: the plan's series is compared year over year on the roll-up.")
            if previous
            else _("Saved: the plan continues no earlier plan."),
        )
    return redirect("plans:plan_detail", pk=plan.pk)
