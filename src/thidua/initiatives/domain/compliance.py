"""Who has registered what, against the plan's rule ("at least 1 per xã/thị trấn").

`compliance(plan)` builds every unit's row, or a few units' (the reminders and the to-do list
read them). The page reads `compliance_table.compliance_page(plan, ...)`, computed by the
database. Both, and the roll-up, read each unit's quota from the stored quotas
(`models/quotas.py`); `quotas` here is the rule itself over a tree's plans, which the tests
compare the table with.
"""

import datetime
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Min, Q
from django.utils import timezone

from thidua.initiatives.enums import ComplianceState
from thidua.initiatives.models import SENT_STATES, Quota, Registration, RegistrationState
from thidua.org.models import Unit
from thidua.org.models.units import PATH_STEP, ids_with_ancestors
from thidua.plans.domain.cascade import recipients
from thidua.plans.domain.tree import plan_tree_ids, plan_tree_sql
from thidua.plans.models import Deadline, DeadlineKind, Plan


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

    @property
    def owes(self) -> bool:
        """It has not sent what it is asked (nothing, or too few)."""
        return self.state in (ComplianceState.MISSING, ComplianceState.SHORT)


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


def _state(*, sent: int, quota: int, any_late: bool) -> str:
    if sent == 0:
        return ComplianceState.MISSING
    if sent < quota:
        return ComplianceState.SHORT
    return ComplianceState.LATE if any_late else ComplianceState.ON_TIME


def compliance(plan: Plan, *, units: Collection[Unit] | None = None) -> Compliance:
    """Every owing unit's row: its quota (the largest of the stored quotas of the tree's
    plans), its registrations by state, first sending and lateness. The tree is walked by
    the database (`plan_tree_ids`): a national plan has thousands of plans below it, none
    of which need come to Python.

    ``units``: the rows of these units only, read for them alone: a commune's to-do
    under a national plan needs its own row, not the country's ten thousand."""
    # A few units: the tree walked only down the plans of these units and those above them.
    ids = None if units is None else {unit.pk for unit in units}
    issuers = None if units is None else ids_with_ancestors(units)
    owed = stored_quotas(plan, units=ids, issuers=issuers)
    if units is None:
        owing = Unit.objects.filter(pk__in=owed).select_related("parent").order_by("sort_key")
    else:  # the caller's units, not read again
        owing = sorted((unit for unit in units if unit.pk in owed), key=lambda u: u.sort_key)
    rows = {unit.pk: UnitRow(unit=unit, quota=owed[unit.pk]) for unit in owing}
    _fill(rows, plan, units=ids, issuers=issuers)
    ordered = list(rows.values())
    return Compliance(
        plan=plan,
        rows=ordered,
        groups=_groups(plan, ordered),
        deadline=_registration_deadline(plan),
    )


def stored_quotas(
    plan: Plan, *, units: Collection[int] | None = None, issuers: Collection[int] | None = None
) -> dict[int, int]:
    """Unit id → registrations it owes under ``plan``'s tree: the largest stored quota of
    the tree's plans, for the units under the plan's issuer (`quotas`' answer, read);
    ``units``: for these unit ids only (a person's few units), ``issuers``: the tree walked
    down these units' plans only (`plan_tree_sql`)."""
    quote = connection.ops.quote_name
    tree, params = plan_tree_sql(plan, issuers=issuers)
    among, among_params = "", []
    if units is not None:
        among_params = sorted(units) or [0]  # no id is 0: an empty choice owes nothing
        among = f" AND q.unit_id IN ({', '.join(['%s'] * len(among_params))})"
    sql = (
        f"WITH RECURSIVE {tree} SELECT q.unit_id, MAX(q.minimum) "  # noqa: S608 (quoted table names, placeholders)
        f"FROM {quote(Quota._meta.db_table)} q JOIN {quote(Unit._meta.db_table)} u "
        f"ON u.id = q.unit_id WHERE q.plan_id IN (SELECT id FROM tree) AND u.path LIKE %s"
        f"{among} GROUP BY q.unit_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, f"{plan.unit.path}%", *among_params])
        return {unit_id: int(quota) for unit_id, quota in cursor}


def _fill(rows: dict[int, UnitRow], plan: Plan, *, units, issuers) -> None:
    """Each row's registrations by state, first sending and lateness: one grouped query."""
    registrations = Registration.objects.filter(plan_id__in=plan_tree_ids(plan, issuers=issuers))
    if units is not None:
        registrations = registrations.filter(unit_id__in=units)
    counts = (
        registrations.values_list("unit_id", "state")
        .annotate(
            n=Count("id"), first=Min("first_submitted_at"), late=Count("id", filter=Q(is_late=True))
        )
        .order_by()
    )
    add_counts(rows, counts)


def add_counts(rows: dict[int, UnitRow], counts) -> None:
    """Fill the rows from ``(unit_id, state, n, first sent, n late)``, a unit's
    registrations of one state (what `_fill` reads; several plans' at once elsewhere)."""
    for unit_id, state, n, first, late in counts:
        row = rows.get(unit_id)
        if row is None:  # a unit that owes nothing (registered all the same)
            continue
        row.by_state[state] = n
        row.any_late = row.any_late or late > 0
        if first and (row.first_sent is None or first < row.first_sent):
            row.first_sent = first


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


def _registration_deadline(plan: Plan):
    """The plan's own registration deadline, else the earliest of the plans below it (read
    only then: a national plan's tree has thousands of plans)."""
    due = Deadline.objects.filter(kind=DeadlineKind.REGISTRATION).order_by("due_at", "id")
    due = due.values_list("due_at", flat=True)
    own = due.filter(plan=plan).first()
    return own if own is not None else due.filter(plan_id__in=plan_tree_ids(plan)).first()
