"""Who has registered what, against the plan's rule ("at least 1 per xã/thị trấn").

Computed from the data in a fixed number of queries whatever the number of units
and registrations: the plans below this one, the units that owe registrations,
and one grouped count of registrations.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q
from django.utils import timezone

from thidua.initiatives.enums import ComplianceState
from thidua.initiatives.models import SENT_STATES, Registration, RegistrationState
from thidua.org.models import Unit
from thidua.plans.domain.cascade import lineage_ids, recipients
from thidua.plans.models import Deadline, DeadlineKind, Plan, PlanBasis, PlanState

MAX_PLAN_DEPTH = 4


@dataclass
class UnitRow:
    unit: Unit
    quota: int
    by_state: dict[str, int] = field(default_factory=dict)
    first_sent: datetime.datetime | None = None
    any_late: bool = False

    @property
    def sent(self) -> int:
        return sum(self.by_state.get(state, 0) for state in SENT_STATES)

    @property
    def drafts(self) -> int:
        return self.by_state.get(RegistrationState.DRAFT, 0)

    @property
    def state(self) -> str:
        if self.sent == 0:
            return ComplianceState.MISSING
        if self.sent < self.quota:
            return ComplianceState.SHORT
        return ComplianceState.LATE if self.any_late else ComplianceState.ON_TIME

    @property
    def state_label(self) -> str:
        return str(ComplianceState(self.state).label)


@dataclass
class GroupRow:
    """A recipient of the plan (a district, for a province) and its units' totals."""

    unit: Unit
    rows: list[UnitRow]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    # For templates, which cannot pass arguments.
    count_on_time = property(lambda self: self.count(ComplianceState.ON_TIME))
    count_late = property(lambda self: self.count(ComplianceState.LATE))
    count_short = property(lambda self: self.count(ComplianceState.SHORT))
    count_missing = property(lambda self: self.count(ComplianceState.MISSING))

    @property
    def registrations(self) -> int:
        return sum(row.sent for row in self.rows)


@dataclass
class Compliance:
    plan: Plan
    rows: list[UnitRow]
    groups: list[GroupRow]
    deadline: datetime.datetime | None

    @property
    def days_left(self) -> int | None:
        if self.deadline is None:
            return None
        return (timezone.localtime(self.deadline).date() - timezone.localdate()).days

    def totals(self) -> dict[str, int]:
        totals = dict.fromkeys(ComplianceState.values, 0)
        for row in self.rows:
            totals[row.state] += 1
        totals["units"] = len(self.rows)
        totals["registrations"] = sum(row.sent for row in self.rows)
        totals["drafts"] = sum(row.drafts for row in self.rows)
        return totals


def plan_tree(plan: Plan) -> list[Plan]:
    """This plan and the plans written on its basis below it, level by level."""
    versions = lineage_ids(plan)  # units may have answered an earlier version
    found = [plan, *Plan.objects.filter(pk__in=versions[1:]).select_related("unit")]
    frontier = versions
    for _level in range(MAX_PLAN_DEPTH):
        children = list(
            Plan.objects.filter(
                pk__in=PlanBasis.objects.filter(parent_id__in=frontier).values("plan_id")
            )
            .exclude(state=PlanState.DRAFT)
            .select_related("unit")
        )
        if not children:
            break
        found.extend(children)
        frontier = [child.pk for child in children]
    return found


def compliance(plan: Plan) -> Compliance:
    plans = plan_tree(plan)
    owed = quotas(plans)
    units = {
        unit.pk: unit
        for unit in Unit.objects.filter(pk__in=owed).select_related("parent").order_by("sort_key")
    }
    rows = {pk: UnitRow(unit=unit, quota=owed[pk]) for pk, unit in units.items()}
    counts = (
        Registration.objects.filter(plan__in=plans, unit_id__in=rows)
        .values("unit_id", "state")
        .annotate(
            n=Count("id"), first=Min("first_submitted_at"), late=Count("id", filter=Q(is_late=True))
        )
    )
    for count in counts:
        row = rows[count["unit_id"]]
        row.by_state[count["state"]] = count["n"]
        row.any_late = row.any_late or count["late"] > 0
        if count["first"] and (row.first_sent is None or count["first"] < row.first_sent):
            row.first_sent = count["first"]
    ordered = list(rows.values())
    return Compliance(
        plan=plan,
        rows=ordered,
        groups=_groups(plan, ordered),
        deadline=_registration_deadline(plans),
    )


def quotas(plans: list[Plan]) -> dict[int, int]:
    """Unit id → registrations it owes, from every plan in the tree that sets a rule.

    One query for the units under the top plan; each plan's rule is matched in Python.
    """
    rules = [p for p in plans if p.quota_kinds and p.quota_minimum]
    if not rules:
        return {}
    kinds = {kind for p in rules for kind in p.quota_kinds}
    start = min(p.period_start for p in rules)
    end = max(p.period_end for p in rules)
    candidates = (
        Unit.objects.under(plans[0].unit.path)
        .filter(kind__in=kinds)
        .active_during(start, end)
        .values_list("pk", "path", "kind", "valid_from", "valid_to")
    )
    quotas: dict[int, int] = {}
    for pk, path, kind, valid_from, valid_to in candidates:
        for plan in rules:
            if (
                kind in plan.quota_kinds
                and path.startswith(plan.unit.path)
                and pk != plan.unit_id
                and (valid_from is None or valid_from <= plan.period_end)
                and (valid_to is None or valid_to >= plan.period_start)
            ):
                quotas[pk] = max(quotas.get(pk, 0), plan.quota_minimum)
    return quotas


def _groups(plan: Plan, rows: list[UnitRow]) -> list[GroupRow]:
    by_recipient: dict[int, list[UnitRow]] = defaultdict(list)
    heads = list(recipients(plan))
    for row in rows:
        head = next((h for h in heads if row.unit.path.startswith(h.path)), None)
        if head is not None:
            by_recipient[head.pk].append(row)
    return [GroupRow(unit=h, rows=by_recipient[h.pk]) for h in heads if by_recipient[h.pk]]


def _registration_deadline(plans: list[Plan]):
    """The plan's own registration deadline, else the earliest of the plans below it."""
    deadlines = Deadline.objects.filter(plan__in=plans, kind=DeadlineKind.REGISTRATION)
    own = [d for d in deadlines if d.plan_id == plans[0].pk]
    chosen = own or sorted(deadlines, key=lambda d: d.due_at)
    return chosen[0].due_at if chosen else None
