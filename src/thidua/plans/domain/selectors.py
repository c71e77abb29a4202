"""Reading plans on behalf of a person: the one way a view gets a plan."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from thidua.org import access
from thidua.plans.models import Plan


def plan_get(*, user, pk, action: str = "plan.view", queryset: QuerySet | None = None) -> Plan:
    """The plan ``pk`` if ``user`` may read it and do ``action`` on it.

    404 when the plan cannot be read (its existence is not revealed), 403 when it can be read
    but not acted on (``access.require_plan``). ``queryset`` chooses what is loaded with it.
    """
    rows = queryset if queryset is not None else Plan.objects.select_related("unit")
    plan = get_object_or_404(rows, pk=pk)
    access.require_plan(user, action, plan)
    return plan
