"""Who has registered what, against the plan's rule ("at least 1 per xã/thị trấn").

Computed from the data in a fixed number of queries whatever the number of units
and registrations: the plans below this one, the units that owe registrations,
and one grouped count of registrations.

`compliance(plan)` builds every unit's row (the reminders, the to-do list and the
dashboard read them); the page reads `compliance_page(plan, ...)`, which counts every
unit from one SQL aggregate per unit (ids and numbers only) and builds full rows only
for the page it shows (issue 13: 20,000 units at national scale).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Min, Q, Value, When
from django.utils import timezone

from thidua.core import text
from thidua.initiatives.enums import ComplianceState
from thidua.initiatives.models import SENT_STATES, Registration, RegistrationState
from thidua.org.models import Unit
from thidua.org.models.units import PATH_STEP
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
        return _state(sent=self.sent, quota=self.quota, any_late=self.any_late)

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


# What the compliance counts read of the plans below (a national plan has thousands).
RULE_FIELDS = (
    "id",
    "state",
    "quota_kinds",
    "quota_minimum",
    "period_start",
    "period_end",
    "unit__id",
    "unit__path",
)


def plan_tree(plan: Plan, *, only: tuple[str, ...] = ()) -> list[Plan]:
    """This plan and the plans written on its basis below it, level by level.

    ``only`` loads just these fields of the plans below (and their units), for a reader
    of many plans that needs few of their fields (``RULE_FIELDS``).
    """
    versions = lineage_ids(plan)  # units may have answered an earlier version
    plans = Plan.objects.select_related("unit")
    if only:
        plans = plans.only(*only)
    found = [plan, *plans.filter(pk__in=versions[1:])]
    frontier = versions
    for _level in range(MAX_PLAN_DEPTH):
        children = list(
            plans.filter(
                pk__in=PlanBasis.objects.filter(parent_id__in=frontier).values("plan_id")
            ).exclude(state=PlanState.DRAFT)
        )
        if not children:
            break
        found.extend(children)
        frontier = [child.pk for child in children]
    return found


def _state(*, sent: int, quota: int, any_late: bool) -> str:
    if sent == 0:
        return ComplianceState.MISSING
    if sent < quota:
        return ComplianceState.SHORT
    return ComplianceState.LATE if any_late else ComplianceState.ON_TIME


def compliance(plan: Plan) -> Compliance:
    plans = plan_tree(plan)
    owed = quotas(plans)
    units = {
        unit.pk: unit
        for unit in Unit.objects.filter(pk__in=owed).select_related("parent").order_by("sort_key")
    }
    rows = {pk: UnitRow(unit=unit, quota=owed[pk]) for pk, unit in units.items()}
    _fill(rows, plans)
    ordered = list(rows.values())
    return Compliance(
        plan=plan,
        rows=ordered,
        groups=_groups(plan, ordered),
        deadline=_registration_deadline(plans),
    )


def _fill(rows: dict[int, UnitRow], plans: list[Plan]) -> None:
    """Each row's registrations by state, first sending and lateness: one grouped query."""
    counts = (
        Registration.objects.filter(plan_id__in=[p.pk for p in plans], unit_id__in=rows)
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


PAGE_SIZE = 50  # units a page of the table shows; the total is said


@dataclass
class GroupTotals:
    """A recipient of the plan (a district, for a province) and its units' counts."""

    unit: Unit
    units: int = 0
    on_time: int = 0
    late: int = 0
    short: int = 0
    missing: int = 0
    registrations: int = 0


@dataclass
class TableRow:
    """One unit's line of the page's table, from the numbers of `compliance_page`."""

    unit: Unit
    quota: int
    sent: int
    drafts: int
    first_sent: datetime.datetime | None
    state: str

    @property
    def state_label(self) -> str:
        return str(ComplianceState(self.state).label)


@dataclass
class CompliancePage:
    """The page's share of the table: every unit counted, one page of units built."""

    plan: Plan
    totals: dict[str, int]
    groups: list[GroupTotals]
    grouped: bool
    page: Page
    rows: list[TableRow]
    matching: int
    deadline: datetime.datetime | None

    days_left = Compliance.days_left


def compliance_page(
    plan: Plan,
    *,
    state: str | None = None,
    name: str = "",
    page: int | str | None = 1,
    per_page: int | None = None,
) -> CompliancePage:
    """The compliance table's totals, per-recipient counts and one page of unit rows.

    The same numbers as `compliance(plan)`, in a fixed number of queries whatever the
    number of units: the counts come from one aggregate per unit (numbers, not rows of
    registrations), and only the page's units are loaded as objects. `state` keeps the
    units in that state of compliance, `name` those whose name contains it (any accents).
    """
    plans = plan_tree(plan, only=RULE_FIELDS)
    owed = quotas(plans)
    kinds = {kind for p in plans if p.quota_kinds and p.quota_minimum for kind in p.quota_kinds}
    # Every unit that owes, in Vietnamese order: ids, paths and folded names only.
    candidates = (
        Unit.objects.under(plan.unit.path)
        .filter(kind__in=kinds)
        .in_vietnamese_order()
        .values_list("pk", "path", "search_name")
    )
    ordered = [(pk, path, folded) for pk, path, folded in candidates if pk in owed]
    per_unit = {
        c["unit_id"]: c
        for c in Registration.objects.filter(plan_id__in=[p.pk for p in plans])
        .values("unit_id")
        .annotate(
            sent=Count("id", filter=Q(state__in=SENT_STATES)),
            drafts=Count("id", filter=Q(state=RegistrationState.DRAFT)),
            late=Count("id", filter=Q(is_late=True)),
            first=Min("first_submitted_at"),
        )
        .order_by()
    }
    heads = {head.path: head for head in recipients(plan)}
    groups = {path: GroupTotals(unit=head) for path, head in heads.items()}
    totals = dict.fromkeys(ComplianceState.values, 0)
    totals.update(units=len(ordered), registrations=0, drafts=0)
    states: dict[int, str] = {}
    grouped = False
    for pk, path, _folded in ordered:
        count = per_unit.get(pk)
        sent = count["sent"] if count else 0
        unit_state = _state(sent=sent, quota=owed[pk], any_late=bool(count and count["late"]))
        states[pk] = unit_state
        totals[unit_state] += 1
        totals["registrations"] += sent
        totals["drafts"] += count["drafts"] if count else 0
        head = next(
            (
                groups[path[:end]]
                for end in range(PATH_STEP, len(path) + 1, PATH_STEP)
                if path[:end] in groups
            ),
            None,
        )
        if head is not None:
            head.units += 1
            setattr(head, unit_state, getattr(head, unit_state) + 1)
            head.registrations += sent
            grouped = grouped or head.unit.path != path
    wanted = state if state in ComplianceState.values else None
    folded = text.fold(name or "")
    shown = [
        pk
        for pk, _path, unit_name in ordered
        if (wanted is None or states[pk] == wanted) and folded in unit_name
    ]
    current = Paginator(shown, per_page or PAGE_SIZE).get_page(page)
    units = Unit.objects.filter(pk__in=list(current.object_list)).select_related("parent")
    rows = {}
    for unit in units:
        count = per_unit.get(unit.pk) or {}
        rows[unit.pk] = TableRow(
            unit=unit,
            quota=owed[unit.pk],
            sent=count.get("sent", 0),
            drafts=count.get("drafts", 0),
            first_sent=count.get("first"),
            state=states[unit.pk],
        )
    return CompliancePage(
        plan=plan,
        totals=totals,
        groups=[group for group in groups.values() if group.units],
        grouped=grouped,
        page=current,
        rows=[rows[pk] for pk in current.object_list if pk in rows],
        matching=len(shown),
        deadline=_registration_deadline(plans),
    )


def quotas(plans: list[Plan]) -> dict[int, int]:
    """Unit id → registrations it owes, from every plan in the tree that sets a rule.

    One query for the units under the top plan; each unit meets only the rules of the
    plans its ancestors issued (read from its path), not every rule of the tree: a
    national plan has thousands of rules and ten thousand communes.
    """
    rules = [p for p in plans if p.quota_kinds and p.quota_minimum]
    if not rules:
        return {}
    kinds = {kind for p in rules for kind in p.quota_kinds}
    start = min(p.period_start for p in rules)
    end = max(p.period_end for p in rules)
    by_issuer: dict[str, list[Plan]] = defaultdict(list)
    for plan in rules:
        by_issuer[plan.unit.path].append(plan)
    candidates = (
        Unit.objects.under(plans[0].unit.path)
        .filter(kind__in=kinds)
        .active_during(start, end)
        .values_list("pk", "path", "kind", "valid_from", "valid_to")
    )
    quotas: dict[int, int] = {}
    for pk, path, kind, valid_from, valid_to in candidates:
        # the issuers above the unit (the unit itself never owes its own plan)
        for cut in range(PATH_STEP, len(path), PATH_STEP):
            for plan in by_issuer.get(path[:cut], ()):
                if (
                    kind in plan.quota_kinds
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
    own_first = Case(When(plan_id=plans[0].pk, then=Value(0)), default=Value(1))
    return (
        Deadline.objects.filter(plan_id__in=[p.pk for p in plans], kind=DeadlineKind.REGISTRATION)
        .order_by(own_first, "due_at", "id")
        .values_list("due_at", flat=True)
        .first()
    )
