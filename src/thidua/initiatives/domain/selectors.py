"""What the registration pages read for a person: the units where they may register on a
plan (the start page's choices, the list's "Register" button)."""

from django.db.models import QuerySet

from thidua.org import access
from thidua.org.models import Unit
from thidua.plans.models import Plan


def units_that_may_register(user, plan: Plan) -> QuerySet[Unit]:
    """Units below the plan's issuer where ``user`` may write registrations: those the plan's
    rule asks (xã, thị trấn …), else every unit one level down."""
    units = Unit.objects.under(plan.unit.path).exclude(pk=plan.unit_id)
    units = units.active_during(plan.period_start, plan.period_end)
    units = (
        units.filter(kind__in=plan.quota_kinds)
        if plan.quota_kinds
        else units.filter(parent=plan.unit)
    )
    return units.filter(access.scope_filter(user, "registration.edit")).order_by("sort_key")
