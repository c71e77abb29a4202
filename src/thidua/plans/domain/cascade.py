"""Which units in a plan's scope have issued their own plan, and when."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from thidua.org.models import Unit
from thidua.plans.enums import ChildPlanState
from thidua.plans.models import DeadlineKind, Plan, PlanBasis, PlanState


@dataclass
class CascadeRow:
    unit: Unit
    plan: Plan | None
    state: str
    overdue: bool

    @property
    def state_label(self) -> str:
        return str(ChildPlanState(self.state).label)


def recipients(plan: Plan):
    """The units a plan is addressed to: the issuer's units one level down, as they
    existed during the plan's period."""
    return plan.unit.children.active_during(plan.period_start, plan.period_end).order_by(
        "sort_key", "id"
    )


def due_date(plan: Plan) -> datetime.date | None:
    """The units' own plans are due by the "child plan" deadline, else the registration one."""
    deadlines = {d.kind: d for d in plan.deadlines.all()}
    deadline = deadlines.get(DeadlineKind.CHILD_PLAN) or deadlines.get(DeadlineKind.REGISTRATION)
    return timezone.localtime(deadline.due_at).date() if deadline else None


def lineage_ids(plan: Plan) -> list[int]:
    """This plan and every earlier version it replaced (a child may cite any of them)."""
    ids, current = [plan.pk], plan
    while current.replaces_id:
        ids.append(current.replaces_id)
        current = Plan.objects.only("id", "replaces_id").get(pk=current.replaces_id)
    return ids


def cascade(plan: Plan) -> list[CascadeRow]:
    """One row per recipient unit, in a fixed number of queries."""
    bases = PlanBasis.objects.filter(parent_id__in=lineage_ids(plan)).select_related("plan")
    return cascade_rows(recipients(plan), [basis.plan for basis in bases], due_date(plan))


def cascade_rows(units, children: list[Plan], due: datetime.date | None) -> list[CascadeRow]:
    """`cascade`'s rows from what it read: the recipients, the plans written on the plan's
    basis (any version), the date the units' own plans are due. Also what several plans'
    cascades read at once give (a person's start page)."""
    today = timezone.localdate()
    best: dict[int, Plan] = {}
    for child in children:
        current = best.get(child.unit_id)
        if current is None or _rank(child) > _rank(current):
            best[child.unit_id] = child
    rows = []
    for unit in units:
        child = best.get(unit.pk)
        if child is not None:
            child.unit = unit  # the row's unit is the plan's: no query to read it again
        state = _state(child, due)
        overdue = (
            due is not None
            and today > due
            and state in {ChildPlanState.DRAFT, ChildPlanState.MISSING}
        )
        rows.append(CascadeRow(unit=unit, plan=child, state=state, overdue=overdue))
    return rows


def _rank(plan: Plan) -> tuple:
    return (plan.state != PlanState.DRAFT, plan.version, plan.pk)


def _state(child: Plan | None, due: datetime.date | None) -> str:
    if child is None:
        return ChildPlanState.MISSING
    if child.state == PlanState.DRAFT:
        return ChildPlanState.DRAFT
    if due is not None and child.issued_on > due:
        return ChildPlanState.LATE
    return ChildPlanState.ON_TIME
