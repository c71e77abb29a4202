"""Who has not done what is due, under several open plans at once: what a person's start
page follows (`web/todo.py`), read in a fixed number of queries however many plans are open.

`reminders.pending_units(deadline)` answers for one deadline through the domain's selectors
(the compliance, the roll-up, the cascade), a few queries each. A commune under a national
plan, its province's and its district's follows up to eight deadlines: read one by one, the
start page cost four dozen queries. Here the plans' trees are walked by one recursive query
(`plan_forest_sql`), what the selectors read comes in one query each for every plan, and the
selectors' own functions (`compliance.add_counts`, `rollup.place_rows`,
`cascade.cascade_rows`) decide from it, so that both ways give the same answer (tested over
generated provinces).

A plan is read whole (``wide``: its issuer counts every unit that owes) or for the person's
units alone (a commune under a national plan: its own rows, not the country's).
"""

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q

from thidua.core import raw
from thidua.initiatives.domain.compliance import UnitRow, add_counts
from thidua.initiatives.models import SENT_STATES, Quota, Registration
from thidua.org.models import Unit
from thidua.org.models.units import ids_with_ancestors
from thidua.plans.domain.cascade import cascade_rows, lineage_ids
from thidua.plans.domain.tree import plan_forest_sql
from thidua.plans.enums import ChildPlanState
from thidua.plans.models import Deadline, DeadlineKind, Plan, PlanBasis
from thidua.results.domain.lines import PLACE_FIELDS, Place, TreePlan, unit_of
from thidua.results.domain.rollup import active_in, place_rows
from thidua.results.enums import Reporting
from thidua.results.models import ResultsReport


@dataclass
class PlanOwing:
    """Under one plan: each unit's registration row (the compliance's), the units that
    have not reported (the roll-up's, the issuer aside) and those without their own plan."""

    registrations: dict[int, UnitRow] = field(default_factory=dict)
    unreported: set[int] = field(default_factory=set)
    without_plan: set[int] = field(default_factory=set)


@dataclass
class Owing:
    plans: dict[int, PlanOwing]

    def pending(self, deadline: Deadline) -> set[int]:
        """The ids of the units that have not done what ``deadline`` asks (as
        `pending_units`), among those read."""
        under = self.plans[deadline.plan_id]
        if deadline.kind == DeadlineKind.REGISTRATION:
            return {pk for pk, row in under.registrations.items() if row.owes}
        if deadline.kind == DeadlineKind.REPORT:
            return under.unreported
        if deadline.kind == DeadlineKind.CHILD_PLAN:
            return under.without_plan
        return set()


def owing(
    plans: Collection[Plan],
    *,
    wide: Collection[int],
    units: Collection[Unit],
    kinds: Collection[str] = tuple(DeadlineKind),
) -> Owing:
    """What is owed under ``plans``: those whose ids are in ``wide`` read for every unit
    under their issuer, the others for ``units`` alone (those under the plan's issuer);
    only what deadlines of these ``kinds`` ask is read (the rest stays empty)."""
    plans = list(plans)
    if not plans:
        return Owing(plans={})
    sql, params = plan_forest_sql(plans, wide=wide, issuers=ids_with_ancestors(units))
    ids = sorted({unit.pk for unit in units}) or [0]  # no unit's id is 0
    forest = _Forest(
        sql,
        params,
        ids,
        narrow=any(plan.pk not in wide for plan in plans),
        wide=any(plan.pk in wide for plan in plans),
    )
    places = _places(plans, wide, units)
    reporting = DeadlineKind.REPORT in kinds
    below = _below(forest) if reporting else defaultdict(list)
    asked = _asked(forest)
    counts = _counts(forest)
    reports = _reports(forest) if reporting else defaultdict(list)
    children = (
        _children(plans, wide, ids) if DeadlineKind.CHILD_PLAN in kinds else defaultdict(list)
    )
    result = {}
    given = {unit.pk for unit in units}
    for plan in plans:
        under = [
            place
            for place in places
            if place.path.startswith(plan.unit.path)
            and (plan.pk in wide or (place.pk in given and place.pk != plan.unit_id))
        ]
        read = {place.pk for place in under}
        result[plan.pk] = _plan_owing(
            plan,
            under,
            below=below[plan.pk],
            asked={pk: n for pk, n in asked[plan.pk].items() if pk in read},
            counts=counts[plan.pk],
            reports=reports[plan.pk],
            children=children[plan.pk],
            whole=plan.pk in wide,
            kinds=kinds,
        )
    return Owing(plans=result)


def _plan_owing(plan, under, *, below, asked, counts, reports, children, whole, kinds) -> PlanOwing:
    found = PlanOwing()
    under = sorted(under, key=lambda place: (place.sort_key, place.pk))  # Vietnamese order
    # The compliance's rows: the units asked, with their registrations.
    found.registrations = {
        place.pk: UnitRow(unit=unit_of(place), quota=asked[place.pk])
        for place in under
        if place.pk in asked
    }
    add_counts(found.registrations, counts)
    if DeadlineKind.REPORT in kinds:  # the roll-up's rows: who reports, and whether it did
        registered: dict[int, int] = defaultdict(int)
        for unit_id, state, n, _first, _late in counts:
            if state in SENT_STATES:
                registered[unit_id] += n
        rows, _counted = place_rows(
            plan, under, below, reports, registered, set(asked), None, whole=whole
        )
        found.unreported = {
            pk for pk, row in rows.items() if row.state == Reporting.MISSING and pk != plan.unit_id
        }
    if DeadlineKind.CHILD_PLAN in kinds:  # the cascade's rows: the recipients' own plans
        recipients = [
            unit_of(place)
            for place in under
            if place.parent_id == plan.unit_id and active_in(place, plan)
        ]
        found.without_plan = {
            row.unit.pk
            for row in cascade_rows(recipients, children, due=None)  # the state, not lateness
            if row.state in (ChildPlanState.MISSING, ChildPlanState.DRAFT)
        }
    return found


def _places(plans: list[Plan], wide: Collection[int], units: Collection[Unit]) -> list[Place]:
    """The units read: those given, and every unit under the issuers of the wide plans."""
    places = {unit.pk: Place(*(getattr(unit, name) for name in PLACE_FIELDS)) for unit in units}
    paths = [plan.unit.path for plan in plans if plan.pk in wide]
    if paths:
        for values in Unit.objects.under(*paths).values_list(*PLACE_FIELDS):
            places[values[0]] = Place(*values)
    return list(places.values())


@dataclass(frozen=True)
class _Forest:
    """The plans' trees (``plan_forest_sql``: SQL and parameters), the given units' ids and
    which kinds of tree it holds: a read joins only the parts that have trees (a part with
    none still made SQLite scan the whole table it reads)."""

    sql: str
    params: list
    ids: list[int]
    narrow: bool
    wide: bool


def _select(forest: _Forest, select: str, table: str, group=""):
    """Rows of ``table`` (alias ``x``) on the plans of each tree, with the tree's root
    first: every unit's for a wide tree, the given units' for the others."""
    trees = "(SELECT DISTINCT root, id, wide FROM forest) f"
    part = f"SELECT f.root, {select} FROM {trees} JOIN {table} x ON x.plan_id = f.id WHERE "  # noqa: S608 (quoted table names, placeholders)
    parts, values = [], []
    if forest.narrow:
        marks = ", ".join(["%s"] * len(forest.ids))
        parts.append(f"{part}f.wide = 0 AND x.unit_id IN ({marks}){group}")
        values += forest.ids
    if forest.wide:
        parts.append(f"{part}f.wide = 1{group}")
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE {forest.sql} {' UNION ALL '.join(parts)}", forest.params + values
        )
        return list(cursor)


def _by_root(rows: Iterable[tuple]) -> dict[int, list[tuple]]:
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for root, *values in rows:
        grouped[root].append(tuple(values))
    return grouped


def _below(forest: _Forest) -> dict[int, list[TreePlan]]:
    """Each tree's plans but its root, as the roll-up reads them."""
    sql, params = forest.sql, forest.params
    table = connection.ops.quote_name(Plan._meta.db_table)
    query = (
        f"WITH RECURSIVE {sql} SELECT DISTINCT f.root, p.id, p.unit_id, p.version, "  # noqa: S608 (quoted table names, placeholders)
        f"p.period_start, p.period_end FROM forest f JOIN {table} p ON p.id = f.id "
        f"WHERE p.id <> f.root ORDER BY f.root, p.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows = list(cursor)
    below: dict[int, list[TreePlan]] = defaultdict(list)
    for root, pk, unit_id, version, start, end in rows:
        below[root].append(TreePlan(pk, unit_id, version, raw.day(start), raw.day(end)))
    return below


def _asked(forest: _Forest) -> dict[int, dict[int, int]]:
    """Tree → unit → the largest stored quota of the tree's plans (`stored_quotas`)."""
    table = connection.ops.quote_name(Quota._meta.db_table)
    rows = _select(forest, "x.unit_id, MAX(x.minimum)", table, " GROUP BY f.root, x.unit_id")
    asked: dict[int, dict[int, int]] = defaultdict(dict)
    for root, unit_id, minimum in rows:
        asked[root][unit_id] = int(minimum)
    return asked


def _counts(forest: _Forest) -> dict[int, list[tuple]]:
    """Tree → (unit, state, n, first sent, n late) of its registrations (`_fill`'s)."""
    table = connection.ops.quote_name(Registration._meta.db_table)
    select = (
        "x.unit_id, x.state, COUNT(*), MIN(x.first_submitted_at), "
        "SUM(CASE WHEN x.is_late THEN 1 ELSE 0 END)"
    )
    rows = _select(forest, select, table, " GROUP BY f.root, x.unit_id, x.state")
    return _by_root(
        (root, unit_id, state, n, raw.moment(first), int(late))
        for root, unit_id, state, n, first, late in rows
    )


def _reports(forest: _Forest) -> dict[int, list[dict]]:
    """Tree → its reports, as the roll-up chooses among them (``REPORT_FIELDS``). The
    issuer's own report upward is not read: the issuer is never among those owing."""
    table = connection.ops.quote_name(ResultsReport._meta.db_table)
    rows = _select(forest, "x.id, x.unit_id, x.plan_id, x.state, x.is_late", table)
    reports: dict[int, list[dict]] = defaultdict(list)
    for root, pk, unit_id, plan_id, state, is_late in rows:
        reports[root].append(
            {
                "id": pk,
                "unit_id": unit_id,
                "plan_id": plan_id,
                "state": state,
                "is_late": bool(is_late),
            }
        )
    return reports


def _children(plans: list[Plan], wide: Collection[int], ids: list[int]) -> dict[int, list[Plan]]:
    """Plan → the plans written on its basis (any of its versions), drafts included: all
    of them for a wide plan, those of the given units for the others (a national plan has
    sixty-three, a commune needs its own), with what the cascade's rows read of them."""
    version_of = {version: plan.pk for plan in plans for version in lineage_ids(plan)}
    whole = [version for version, pk in version_of.items() if pk in wide]
    bases = PlanBasis.objects.filter(
        Q(parent_id__in=whole) | Q(parent_id__in=version_of, plan__unit_id__in=ids)
    ).select_related("plan")
    children: dict[int, list[Plan]] = defaultdict(list)
    for basis in bases.only("parent_id", *(f"plan__{name}" for name in CHILD_FIELDS)):
        children[version_of[basis.parent_id]].append(basis.plan)
    return children


# What `cascade_rows` reads of a unit's own plan.
CHILD_FIELDS = ("id", "unit_id", "state", "version", "issued_on")
