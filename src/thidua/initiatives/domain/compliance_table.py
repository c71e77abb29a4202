"""The compliance page's table (`compliance_page`): computed by the database whatever the
number of plans and units (issue 13: a national plan has 8,000 plans below it and 10,000
communes that owe): the plan tree walked by one recursive query (`plans/domain/tree.py:
plan_tree_sql`), every unit's quota (stored: `models/quotas.py`), counts and state, the
counts per recipient and the page's 50 rows in one statement; only the page's units are
loaded. The same rules as `compliance.compliance`, which the tests compare it with."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection

from thidua.core import raw, text
from thidua.initiatives.domain.compliance import Compliance
from thidua.initiatives.enums import ComplianceState
from thidua.initiatives.models import SENT_STATES, Quota, Registration, RegistrationState
from thidua.org.models import Unit
from thidua.org.models.units import PATH_STEP
from thidua.plans.domain.cascade import recipients
from thidua.plans.domain.tree import plan_tree_sql
from thidua.plans.models import Deadline, DeadlineKind, Plan

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

    The same numbers as `compliance(plan)`, computed by the database whatever the number
    of units and plans (issue 13: a national plan has 8,000 plans below it and 10,000
    communes that owe): the plan tree walked by one recursive query (`plan_tree_sql`),
    each unit's quota as the largest stored quota (`models/quotas.py`) of the tree's
    plans, its registrations counted per unit, its state, and the counts per recipient
    and state in one grouped query; one more gives the page's 50 rows, in Vietnamese
    order. Only the page's units are loaded as objects. `state` keeps the units in that
    state of compliance, `name` those whose name contains it (any accents)."""
    heads = {head.path: head for head in recipients(plan)}
    groups = {path: GroupTotals(unit=head) for path, head in heads.items()}
    wanted = state if state in ComplianceState.values else None
    folded = text.fold(name or "")
    table = _UnitTable(plan, folded)
    size = per_page or PAGE_SIZE
    try:  # the page asked, read with the counts; a page past the last is read again
        asked = max(1, int(page or 1))
    except (TypeError, ValueError):
        asked = 1
    counts, first_page = table.read(wanted, (asked - 1) * size, size)
    totals = dict.fromkeys(ComplianceState.values, 0)
    totals.update(units=0, registrations=0, drafts=0)
    matching, grouped = 0, False
    for head, unit_state, units, sent, drafts, deepest, named in counts:
        totals[unit_state] += units
        totals["units"] += units
        totals["registrations"] += sent
        totals["drafts"] += drafts
        if wanted is None or unit_state == wanted:
            matching += named
        group = groups.get(head)
        if group is not None:
            group.units += units
            setattr(group, unit_state, getattr(group, unit_state) + units)
            group.registrations += sent
            grouped = grouped or deepest > len(head)
    shown = _Rows(table, wanted, matching, (asked - 1) * size, first_page)
    current = Paginator(shown, size).get_page(page)
    numbers = list(current.object_list)
    units = Unit.objects.filter(pk__in=[row[0] for row in numbers]).select_related("parent")
    loaded = {unit.pk: unit for unit in units}
    rows = [
        TableRow(
            unit=loaded[pk],
            quota=quota,
            sent=sent,
            drafts=drafts,
            first_sent=raw.moment(first),
            state=unit_state,
        )
        for pk, quota, sent, drafts, first, unit_state in numbers
        if pk in loaded
    ]
    return CompliancePage(
        plan=plan,
        totals=totals,
        groups=[group for group in groups.values() if group.units],
        grouped=grouped,
        page=current,
        rows=rows,
        matching=matching,
        deadline=table.deadline,
    )


class _UnitTable:
    """The SQL of the table's rows: every unit under the plan's issuer that owes
    registrations, with its quota, its registrations sent, drafts, lateness, first
    sending and state. A unit owes the largest minimum of the rules (plans of the tree
    with a minimum) that its strict ancestors issued for its kind while it existed: the
    largest of the tree's stored quotas (`models/quotas.py`, kept true by every write of a
    plan or unit), so the statement walks the tree and groups rows, never joins every unit
    with its ancestors' plans."""

    def __init__(self, plan: Plan, folded_name: str):
        quote = connection.ops.quote_name
        units = quote(Unit._meta.db_table)
        registrations = quote(Registration._meta.db_table)
        self.deadlines = quote(Deadline._meta.db_table)
        self.plan_id = plan.pk
        self.deadline = None
        quotas = quote(Quota._meta.db_table)
        tree, tree_params = plan_tree_sql(plan)
        plan_id, unit_id = "q.plan_id", "o.id"
        if connection.vendor == "postgresql":
            # the units read once and hashed: PostgreSQL, expecting a few dozen units that
            # owe (it cannot count a grouping's rows), would look up 10,000 one by one
            unit_id = "o.id + 0"
        else:
            plan_id = "+q.plan_id"  # SQLite would otherwise walk the tree's ids for every row
        sent_marks = ", ".join(["%s"] * len(SENT_STATES))
        self.prefix = (
            f"WITH RECURSIVE {tree}, "  # noqa: S608 (quoted table names, constants and placeholders)
            # the stored quotas (models/quotas.py) of the tree's plans and its registrations,
            # grouped by unit at once (two groupings joined, PostgreSQL guesses ~40 times the
            # rows and spends seconds compiling the statement: JIT)
            f"per_unit AS (SELECT id, MAX(quota) AS quota, SUM(sent) AS sent, "
            f"SUM(drafts) AS drafts, SUM(late) AS late, MIN(first_sent) AS first_sent "
            f"FROM (SELECT q.unit_id AS id, q.minimum AS quota, 0 AS sent, 0 AS drafts, "
            f"0 AS late, NULL AS first_sent FROM {quotas} q "
            f"WHERE {plan_id} IN (SELECT id FROM tree) "
            f"UNION ALL SELECT r.unit_id, 0, "
            f"CASE WHEN r.state IN ({sent_marks}) THEN 1 ELSE 0 END, "
            f"CASE WHEN r.state = %s THEN 1 ELSE 0 END, "
            f"CASE WHEN r.is_late THEN 1 ELSE 0 END, r.first_submitted_at "
            f"FROM {registrations} r WHERE r.plan_id IN (SELECT id FROM tree)) AS both_ "
            f"GROUP BY id HAVING MAX(quota) > 0), "
            f"unit_rows AS (SELECT c.id AS id, o.path AS path, o.sort_key AS sort_key, "
            f"o.search_name AS search_name, c.quota AS quota, c.sent AS sent, "
            f"c.drafts AS drafts, c.first_sent AS first_sent, "
            f"CASE WHEN c.sent = 0 THEN %s WHEN c.sent < c.quota THEN %s "
            f"WHEN c.late > 0 THEN %s ELSE %s END AS state "
            f"FROM per_unit c JOIN {units} o ON {unit_id} = c.id WHERE o.path LIKE %s) "
        )
        self.params = [
            *tree_params,
            *SENT_STATES,
            RegistrationState.DRAFT,
            ComplianceState.MISSING,
            ComplianceState.SHORT,
            ComplianceState.LATE,
            ComplianceState.ON_TIME,
            _like_prefix(plan.unit.path),
        ]
        self.head_length = len(plan.unit.path) + PATH_STEP
        self.name_pattern = f"%{_like_escape(folded_name)}%"

    def read(self, state: str | None, offset: int, limit: int) -> tuple[list, list]:
        """In one statement (the rows computed once): the counts, as (head's path, state,
        units, registrations sent, drafts, longest path, units whose name matches) for
        each recipient of the plan and state; and the matching units from ``offset``, as
        (unit id, quota, sent, drafts, first sending, state), in Vietnamese order."""
        condition = "search_name LIKE %s ESCAPE '\\'"
        params = [self.name_pattern]
        if state is not None:
            condition += " AND state = %s"
            params.append(state)
        sql = (
            f"{self.prefix}SELECT 'g', SUBSTR(path, 1, %s), state, COUNT(*), SUM(sent), "  # noqa: S608 (as above)
            f"SUM(drafts), MAX(LENGTH(path)), "
            f"SUM(CASE WHEN search_name LIKE %s ESCAPE '\\' THEN 1 ELSE 0 END), NULL "
            f"FROM unit_rows GROUP BY 2, 3 "
            f"UNION ALL SELECT 'r', sort_key, state, id, quota, sent, drafts, 0, first_sent "
            f"FROM (SELECT * FROM unit_rows WHERE {condition} "
            f"ORDER BY sort_key, id LIMIT %s OFFSET %s) AS page "
            # the deadline: the plan's own, else the earliest of the plans below it (read
            # only when the plan has none: COALESCE stops at its first value)
            f"UNION ALL SELECT 'd', NULL, NULL, 0, 0, 0, 0, 0, COALESCE("
            f"(SELECT due_at FROM {self.deadlines} WHERE plan_id = %s AND kind = %s "
            f"ORDER BY due_at, id LIMIT 1), "
            f"(SELECT due_at FROM {self.deadlines} WHERE plan_id IN (SELECT id FROM tree) "
            f"AND kind = %s ORDER BY due_at, id LIMIT 1))"
        )
        head = self.head_length
        with connection.cursor() as cursor:
            cursor.execute(
                sql,
                [
                    *self.params,
                    *(head, self.name_pattern, *params, limit, offset),
                    *(self.plan_id, DeadlineKind.REGISTRATION, DeadlineKind.REGISTRATION),
                ],
            )
            found = list(cursor)
        counts = [
            (path, row_state, int(units), int(sent), int(drafts), int(deepest), int(named))
            for kind, path, row_state, units, sent, drafts, deepest, named, _first in found
            if kind == "g"
        ]
        rows = sorted(
            (key, pk, quota, sent, drafts, first, row_state)
            for kind, key, row_state, pk, quota, sent, drafts, _zero, first in found
            if kind == "r"
        )
        self.deadline = next((raw.moment(row[-1]) for row in found if row[0] == "d"), None)
        return counts, [row[1:] for row in rows]

    def summary(self, few: int) -> list[tuple]:
        """In one statement: the counts per recipient and state ('g', head's path, state,
        units, registrations sent, drafts); the owing units' registrations per recipient
        and state ('h', head's path, state, 0, count, 0); and, when at most ``few`` units
        owe, each unit's by state ('u', sort key, state or None, unit id, count, 0, and
        the unit's name, kind and level: its full name without a query, so the dashboard
        sends as many queries whatever the number of units). Deleted drafts are not
        counted (`compliance` reads them through the manager that hides them)."""
        registrations = connection.ops.quote_name(Registration._meta.db_table)
        units = connection.ops.quote_name(Unit._meta.db_table)
        theirs = "r.unit_id = u.id AND r.plan_id IN (SELECT id FROM tree) AND r.state <> %s"
        sql = (
            f"{self.prefix}SELECT 'g', SUBSTR(path, 1, %s), state, COUNT(*), SUM(sent), "  # noqa: S608 (as above)
            f"SUM(drafts), NULL, NULL, CAST(NULL AS INTEGER) FROM unit_rows GROUP BY 2, 3 "
            f"UNION ALL SELECT 'h', SUBSTR(u.path, 1, %s), r.state, 0, COUNT(*), 0, "
            f"NULL, NULL, CAST(NULL AS INTEGER) FROM unit_rows u "
            f"JOIN {registrations} r ON {theirs} GROUP BY 2, 3 "
            f"UNION ALL SELECT 'u', u.sort_key, r.state, u.id, COUNT(r.id), 0, "
            f"n.name, n.kind, CAST(n.level AS INTEGER) FROM unit_rows u "
            f"JOIN {units} n ON n.id = u.id "
            f"LEFT JOIN {registrations} r ON {theirs} "
            f"WHERE (SELECT COUNT(*) FROM unit_rows) <= %s GROUP BY 2, 3, 4, 7, 8, 9"
        )
        deleted = RegistrationState.DELETED
        head = self.head_length
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.params, head, head, deleted, deleted, few])
            return list(cursor)


class _Rows(Sequence):
    """The matching units for the paginator: their number known, the page read already
    (``read``'s, from ``offset``) or read when sliced (a page past the last asked)."""

    def __init__(self, table, state, count: int, offset: int, page: list):
        self.table, self.state, self.count_ = table, state, count
        self.offset, self.page = offset, page

    def __len__(self) -> int:
        return self.count_

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("a page is read as a slice")
        start, stop, _step = index.indices(self.count_)
        if start == self.offset:
            return self.page[: max(0, stop - start)]
        return self.table.read(self.state, start, max(0, stop - start))[1]


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(path: str) -> str:
    return f"{path}%"  # a path is digits: nothing to escape


@dataclass
class ComplianceSummary:
    """What the dashboard draws of the table: the totals (`Compliance.totals`), for each
    recipient with units that owe the registrations of those units by state, and, when
    few units owe (or no recipient has any), each unit's (`UnitRow.by_state`, in the
    table's order; the units read with their name, kind and level only, for their full
    name); None when they are more."""

    totals: dict[str, int]
    groups: list[tuple[Unit, dict[str, int]]]
    units: list[tuple[Unit, dict[str, int]]] | None


def compliance_summary(plan: Plan, *, few: int) -> ComplianceSummary:
    """`compliance(plan)`'s totals, its groups' registrations by state and, for at most
    ``few`` units, each unit's: one statement of the database, the recipients and the few
    units; no plan of the tree loaded, nor the units of a large table."""
    heads = {head.path: head for head in recipients(plan)}
    table = _UnitTable(plan, "")
    # no recipient: the units are listed whatever their number (the table has no groups)
    found = table.summary(few if heads else 2**31 - 1)
    totals = dict.fromkeys(ComplianceState.values, 0)
    totals.update(units=0, registrations=0, drafts=0)
    by_head: dict[str, dict[str, int]] = {}
    by_unit: dict[int, tuple[str, dict[str, int]]] = {}
    for kind, key, state, number, count, drafts, *unit in found:
        if kind == "g":
            totals[state] += int(number)
            totals["units"] += int(number)
            totals["registrations"] += int(count)
            totals["drafts"] += int(drafts)
            by_head.setdefault(key, {})
        elif kind == "h":
            by_head.setdefault(key, {})[state] = int(count)
        else:
            name, unit_kind, level = unit
            shown = Unit(pk=int(number), name=name, kind=unit_kind, level=int(level))
            counts = by_unit.setdefault(int(number), (key, shown, {}))[2]
            if state is not None:
                counts[state] = int(count)
    groups = [(head, by_head[path]) for path, head in heads.items() if path in by_head]
    units = None
    if by_unit or totals["units"] == 0:
        ordered = sorted(by_unit.items(), key=lambda item: (item[1][0], item[0]))
        units = [(shown, counts) for _pk, (_key, shown, counts) in ordered]
    return ComplianceSummary(totals=totals, groups=groups, units=units)
