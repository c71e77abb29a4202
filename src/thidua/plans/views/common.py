"""What every plan page shares: getting the plan for the person, draft-only pages."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from thidua.org import access
from thidua.plans.domain.cascade import recipients
from thidua.plans.domain.selectors import plan_get
from thidua.plans.models import Plan, PlanState
from thidua.plans.rendering import plan_for_rendering


def plan_for(request, pk, action="plan.view") -> Plan:
    queryset = plan_for_rendering(Plan.objects.all())
    return plan_get(user=request.user, pk=pk, action=action, queryset=queryset)


def editable_plan(request, pk) -> Plan:
    plan = plan_for(request, pk, "plan.edit")
    if plan.state != PlanState.DRAFT:
        messages.error(request, _("An issued plan cannot be changed: make a correction instead."))
        raise _Redirect(plan)
    return plan


class _Redirect(Exception):  # noqa: N818 (a control-flow signal, not an error)
    def __init__(self, plan):
        self.plan = plan


def redirecting(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Redirect as signal:
            return redirect("plans:plan_detail", pk=signal.plan.pk)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def units_that_may_answer(user, plan):
    """Units one level below the issuer where ``user`` may write the unit's own plan."""
    if plan.state != PlanState.ISSUED:
        return []

    return [u for u in recipients(plan) if access.can(user, "plan.edit", u)]
