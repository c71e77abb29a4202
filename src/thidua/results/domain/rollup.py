"""The roll-up: what the units under a plan did, level by level, recomputed from the reports
and registrations each time (nothing typed twice), in a fixed number of queries.

The units that report under a plan form a tree, read from their paths: the plan's issuer at
the top, then every unit the plans of the cascade are addressed to (down to the communes),
every unit they ask for registrations, every unit that issued a plan of the cascade or sent a
report or a registration under it; each sits under the nearest of them above it. So a
province's roll-up lists each district with its communes under it and a subtotal, and the
districts that did nothing as missing; after 1/7/2025 the province's communes sit directly
under it, and the old units of the first half-year keep their old places.

A unit's own row is its own report (what it did itself, at its level); a unit's total is its
own row and the totals of the units under it: the figures of the report it sends upward. A
unit that has not sent a report has no figures, never zeros: its cells stay empty and it is
left out of the sums, so a total with nobody reporting under it is empty too; so are the
households, area and cost of a report none of whose initiatives gives them. What units
registered is known whether they reported or not.

The page, the workbook and the report document all render this one computation.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from thidua.initiatives.domain.compliance import plan_tree_ids, quotas
from thidua.initiatives.models import SENT_STATES, Kind, Registration
from thidua.org.models import Unit, UnitLevel
from thidua.org.models.units import ids_in_path
from thidua.plans.models import Plan, PlanBasis
from thidua.results.enums import Reporting
from thidua.results.models import InitiativeResult, Progress, ReportState, ResultsReport

SENT = (ReportState.SUBMITTED, ReportState.RECEIVED)
PROGRESS = (Progress.DONE, Progress.IN_PROGRESS, Progress.NOT_STARTED, Progress.STOPPED)
RESULT_SUMS = ("households", "area_ha", "cost_vnd")
REPORT_SUMS = (
    "meetings", "meeting_participants", "media_items", "events", "event_participants",
    "replicated", "support_vnd", "fund_vnd", "award_entries",
)  # fmt: skip
# Every figure of the roll-up, in the order the tables show them.
MEASURES = ("registered", *PROGRESS, *RESULT_SUMS, *REPORT_SUMS)
DECIMALS = frozenset({"area_ha"})
NO_FIGURES = dict.fromkeys(MEASURES)

Figure = int | Decimal | None


@dataclass
class Row:
    """One unit's own report under the plan: what it did itself."""

    unit: Unit
    # The plan it reports on: its own in the cascade, else the one addressed to it (read
    # as a TreePlan; ``plan`` loads it whole when asked).
    reports_on: "Plan | TreePlan"
    registered: int = 0  # registrations it sent, reported or not
    report_id: int | None = None  # its report, in any state (the one that counts, if several)
    report_state: str | None = None
    is_late: bool = False
    figures: dict[str, Figure] | None = None  # None while it has sent nothing

    @property
    def plan(self) -> Plan:
        if not isinstance(self.reports_on, Plan):
            self.reports_on = Plan.objects.get(pk=self.reports_on.pk)
        return self.reports_on

    @property
    def state(self) -> str:
        if self.figures is None:
            return Reporting.MISSING
        return Reporting.LATE if self.is_late else Reporting.ON_TIME

    @property
    def state_label(self) -> str:
        return str(Reporting(self.state).label)

    @property
    def report_state_label(self) -> str:
        return "" if self.report_state is None else str(ReportState(self.report_state).label)

    def value(self, name: str) -> Figure:
        if name == "registered":
            return self.registered
        return None if self.figures is None else self.figures[name]

    def values(self) -> dict[str, Figure]:
        """Every figure of the row, by name."""
        if self.figures is None:
            return {**NO_FIGURES, "registered": self.registered}
        return {**self.figures, "registered": self.registered}


@dataclass(eq=False)
class Node:
    """A unit, with the units that report under it."""

    row: Row
    depth: int
    children: list["Node"] = field(default_factory=list)
    _totals: dict[str, Figure] = field(default_factory=dict, repr=False)

    @property
    def unit(self) -> Unit:
        return self.row.unit

    def value(self, name: str) -> Figure:
        """Its own figure and those under it; None when none of them has the figure."""
        return self.totals()[name]

    def totals(self) -> dict[str, Figure]:
        """Every figure of its own row and those under it, added once for the whole
        subtree (each unit under it keeps its own totals)."""
        if not self._totals:
            sources = [self.row.values(), *(child.totals() for child in self.children)]
            totals = {}
            for name in MEASURES:
                total = None
                for source in sources:
                    value = source[name]
                    if value is not None:
                        total = value if total is None else total + value
                totals[name] = total
            self._totals = totals
        return self._totals

    def rows(self) -> list[Row]:
        """Its own row, then those under it, in the order of the tables."""
        return [self.row, *(row for child in self.children for row in child.rows())]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows() if row.state == state)

    @property
    def reported(self) -> int:
        return sum(1 for row in self.rows() if row.figures is not None)


@dataclass(frozen=True)
class Line:
    """A line of the roll-up's tables: a unit's own row, or (``subtotal``) the unit with
    everything under it, after them; ``closed``: that subtotal standing alone for the unit,
    the units under it not shown (``Rollup.outline``)."""

    node: Node
    subtotal: bool
    closed: bool = False

    @property
    def depth(self) -> int:
        return self.node.depth

    @property
    def is_total(self) -> bool:
        """The last line: the issuer with everything under it."""
        return self.subtotal and self.node.depth == 0

    def value(self, name: str) -> Figure:
        return self.node.value(name) if self.subtotal else self.node.row.value(name)

    @property
    def reporting(self) -> tuple[int, int]:
        """Of the units that report to the issuer on this line: how many reported, of how
        many. A subtotal counts its unit and those under it; the total leaves out the
        issuer, whose own report goes further up (as ``Rollup.rows`` does)."""
        rows = self.node.rows()[1:] if self.is_total else self.node.rows()
        return sum(1 for row in rows if row.figures is not None), len(rows)


@dataclass
class Rollup:
    plan: Plan
    root: Node
    by_kind: dict[str, int]
    by_campaign: list[tuple[str, int]]
    _nodes: dict[int, Node] = field(default_factory=dict, repr=False)

    @property
    def rows(self) -> list[Row]:
        """The units that report to the plan's issuer, at any depth (not the issuer itself,
        whose own report goes further up)."""
        return self.root.rows()[1:]

    def node(self, unit_id: int) -> Node:
        return self._nodes[unit_id]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    def total(self, name: str) -> Figure:
        """The issuer's figure with everything under it: what its report upward says."""
        return self.root.value(name)

    count_on_time = property(lambda self: self.count(Reporting.ON_TIME))
    count_late = property(lambda self: self.count(Reporting.LATE))
    count_missing = property(lambda self: self.count(Reporting.MISSING))

    @property
    def reported(self) -> list[Row]:
        return [row for row in self.rows if row.figures is not None]

    @property
    def kinds(self) -> list[tuple[str, int]]:
        return [(str(Kind(kind).label), n) for kind, n in sorted(self.by_kind.items())]

    def lines(self) -> list[Line]:
        """Each unit's own line, the units under it, then its subtotal if it has any; the
        issuer's total last."""
        lines: list[Line] = []

        def walk(node: Node) -> None:
            lines.append(Line(node, subtotal=False))
            for child in node.children:
                walk(child)
            if node.children or node is self.root:
                lines.append(Line(node, subtotal=True))

        walk(self.root)
        return lines

    def outline(self, *, opened: int | None = None, shown: list[Node] | None = None) -> list[Line]:
        """The lines of the page: the issuer's own line, each unit under it on one line (its
        subtotal, closed, when units are under it), the total last. The unit ``opened`` (at
        any depth) and the units above it are open: their own line, the units under them,
        their subtotal. ``shown``: only these of the units under the issuer (a page of them).
        The figures are those of ``lines``; only fewer lines are shown at once."""
        open_ids = {self.root.unit.pk}
        if opened is not None and opened in self._nodes:
            open_ids.update(ids_in_path(self._nodes[opened].unit.path))
        lines: list[Line] = []

        def walk(node: Node) -> None:
            if node.unit.pk not in open_ids:
                if node.children:
                    lines.append(Line(node, subtotal=True, closed=True))
                else:
                    lines.append(Line(node, subtotal=False))
                return
            lines.append(Line(node, subtotal=False))
            children = node.children
            if node is self.root and shown is not None:
                children = shown
            for child in children:
                walk(child)
            if node.children or node is self.root:
                lines.append(Line(node, subtotal=True))

        walk(self.root)
        return lines

    def group_totals(self) -> list[dict]:
        """For each unit under the issuer that has units under it (a province's districts):
        those units by state, and what they registered."""
        return [
            {
                "unit": node.unit,
                "units": len(rows),
                **{state: sum(1 for r in rows if r.state == state) for state in Reporting.values},
                "registered": sum(r.registered for r in rows),
            }
            for node in self.root.children
            if node.children
            for rows in [node.rows()[1:]]
        ]


def _add(values: list[Figure]) -> Figure:
    known = [value for value in values if value is not None]
    if not known:
        return None
    return sum(known[1:], known[0])


@dataclass
class TreePlan:
    """What the roll-up reads of a plan of the cascade (thousands at national size: plain
    values, no model objects); what ``quotas`` and the choice of each unit's plan need."""

    pk: int
    unit_id: int
    version: int
    quota_kinds: list
    quota_minimum: int
    period_start: datetime.date
    period_end: datetime.date
    unit: Unit | None = None


PLAN_FIELDS = (
    "id", "unit_id", "version", "quota_kinds", "quota_minimum", "period_start", "period_end",
)  # fmt: skip
UNIT_FIELDS = (
    "id", "name", "kind", "level", "parent_id", "path", "valid_from", "valid_to", "sort_key",
)  # fmt: skip


def rollup(plan: Plan, *, draft: ResultsReport | None = None) -> Rollup:
    """The roll-up of ``plan`` and the plans written on its basis. ``draft``: a report being
    written, counted for its unit as if it were sent (the report document shows what it will
    say once sent)."""
    in_tree = plan_tree_ids(plan)  # a subquery: thousands of plans at national size
    top = plan.unit
    # Every unit under the issuer, once; the plans' issuers are among them.
    under = list(Unit.objects.under(top.path).only(*UNIT_FIELDS).order_by("sort_key", "id"))
    by_id = {unit.pk: unit for unit in under}
    below = [
        TreePlan(*values)
        for values in Plan.objects.filter(pk__in=in_tree)
        .exclude(pk=plan.pk)
        .order_by("id")
        .values_list(*PLAN_FIELDS)
    ]
    elsewhere = {p.unit_id for p in below} - set(by_id)  # an issuer outside: not expected
    by_id.update({unit.pk: unit for unit in Unit.objects.filter(pk__in=elsewhere)})
    for p in below:
        p.unit = by_id[p.unit_id]
    plans: list = [plan, *below]
    issuers = {p.unit_id for p in plans}
    # The issuer's own line is its report upward, which it may have written on the plan its
    # own plan is based on (a commune reporting on the district's plan).
    upward = PlanBasis.objects.filter(plan=plan).values("parent_id")
    in_reports = Q(plan__in=in_tree) | Q(unit=top, plan__in=upward)
    reports = list(
        ResultsReport.objects.filter(in_reports)
        .order_by()
        .values("id", "unit_id", "plan_id", "state", "is_late", *REPORT_SUMS)
    )
    # What was sent, by unit and kind, in one query. The states are picked here rather than
    # in the query: a filter on them would lead SQLite to read every sent registration of
    # the country instead of those of the tree's plans.
    registrations = Registration.objects.filter(plan__in=in_tree).order_by()
    registered: dict[int, int] = {}
    by_kind: dict[str, int] = {}
    for unit_id, kind, state, n in registrations.values_list("unit_id", "kind", "state").annotate(
        n=Count("id")
    ):
        if state in SENT_STATES:
            registered[unit_id] = registered.get(unit_id, 0) + n
            by_kind[kind] = by_kind.get(kind, 0) + n
    owed = set(quotas(plans)) | issuers | {r["unit_id"] for r in reports} | set(registered)
    # The units the plans are addressed to, down to the communes, as they were in the plans'
    # periods (a plan is addressed to the units one level below its issuer).
    periods: dict[int, list[Plan]] = {}
    for p in plans:
        periods.setdefault(p.unit_id, []).append(p)
    units = [
        unit
        for unit in under
        if unit.pk in owed
        or (
            unit.level <= UnitLevel.COMMUNE
            and any(_active(unit, p) for p in periods.get(unit.parent_id, ()))
        )
    ]
    if top.pk not in {unit.pk for unit in units}:
        units.insert(0, top)
    own_plans = _own_plans(plans)
    rows = {
        unit.pk: Row(
            unit=unit, reports_on=_plan_for(unit, own_plans), registered=registered.get(unit.pk, 0)
        )
        for unit in units
    }
    counted = _choose_reports(rows, reports, draft)
    # Each sent report's initiatives, added up by the database: one line per report.
    sent = Q(report__state__in=SENT)
    if draft is not None:
        sent |= Q(report_id=draft.pk)
    results = (
        InitiativeResult.objects.filter(
            sent,
            Q(report__plan__in=in_tree) | Q(report__unit=top, report__plan__in=upward),
        )
        .order_by()
        .values("report_id")
        .annotate(
            **{name: Count("id", filter=Q(progress=name)) for name in PROGRESS},
            households=Sum("households"),
            area_ha=Sum("area_ha"),
            cost_vnd=Sum("cost_vnd"),
        )
    )
    for unit_id, report in counted.items():
        # Households, area and cost stay unknown until an initiative of the report gives them.
        rows[unit_id].figures = {
            **dict.fromkeys(PROGRESS, 0),
            **dict.fromkeys(RESULT_SUMS),
            **{name: report[name] for name in REPORT_SUMS},
        }
    unit_of = {r["id"]: unit_id for unit_id, r in counted.items()}
    for values in results:
        unit_id = unit_of.get(values["report_id"])
        if unit_id is None:
            continue  # a report that does not count (another of its unit's, or outside)
        figures = rows[unit_id].figures
        for name in (*PROGRESS, *RESULT_SUMS):
            figures[name] = values[name]
    root, nodes = _tree(top, rows)
    campaigns: dict[str, int] = {}
    for name, state, n in (
        registrations.exclude(campaigns=None)
        .values_list("campaigns__name", "state")
        .annotate(n=Count("id"))
    ):
        if state in SENT_STATES:
            campaigns[name] = campaigns.get(name, 0) + n
    by_campaign = sorted(campaigns.items(), key=lambda item: (-item[1], item[0]))
    return Rollup(plan=plan, root=root, by_kind=by_kind, by_campaign=by_campaign, _nodes=nodes)


def _active(unit: Unit, plan: Plan) -> bool:
    return (unit.valid_from is None or unit.valid_from <= plan.period_end) and (
        unit.valid_to is None or unit.valid_to >= plan.period_start
    )


def _own_plans(plans: list[Plan]) -> dict[int, Plan]:
    """Unit id → the plan of the cascade it issued: the latest version, the top plan for
    its own issuer (an earlier version may still be in the cascade, cited by a unit)."""
    own: dict[int, Plan] = {}
    for p in reversed(plans):
        current = own.get(p.unit_id)
        if current is None or (p.version, p.pk) > (current.version, current.pk):
            own[p.unit_id] = p
    own[plans[0].unit_id] = plans[0]
    return own


def _plan_for(unit: Unit, own_plans: dict[int, Plan]) -> Plan:
    """The plan a unit reports on: its own in the cascade, else that of the nearest unit
    above it that issued one (the plan addressed to it)."""
    for pk in reversed(ids_in_path(unit.path)):
        if pk in own_plans:
            return own_plans[pk]
    raise ValueError(f"{unit} is not under the plan's issuer")


def _choose_reports(rows: dict[int, Row], reports: list[dict], draft) -> dict[int, dict]:
    """Each unit's report (a unit may have opened one on several plans of the cascade): a
    sent one first, then the one on the plan it reports on, then the latest. Returns the
    reports that count, by unit: the sent ones, and ``draft``."""
    chosen: dict[int, dict] = {}
    for report in reports:
        row = rows.get(report["unit_id"])
        if row is None:
            continue  # outside the issuer's subtree
        key = _rank(report, row, draft)
        current = chosen.get(row.unit.pk)
        if current is None or key > _rank(current, row, draft):
            chosen[row.unit.pk] = report
    counted = {}
    for unit_id, report in chosen.items():
        row = rows[unit_id]
        row.report_id, row.report_state = report["id"], report["state"]
        if report["state"] in SENT or (draft is not None and report["id"] == draft.pk):
            row.is_late = report["is_late"]
            counted[unit_id] = report
    return counted


def _rank(report: dict, row: Row, draft) -> tuple:
    return (
        draft is not None and report["id"] == draft.pk,
        report["state"] in SENT,
        report["plan_id"] == row.reports_on.pk,
        report["id"],
    )


def _tree(top: Unit, rows: dict[int, Row]) -> tuple[Node, dict[int, Node]]:
    """Each unit under the nearest unit above it that reports too, in Vietnamese order."""
    nodes: dict[int, Node] = {}
    root = nodes[top.pk] = Node(row=rows[top.pk], depth=0)
    for unit_id, row in rows.items():  # in sort-key order
        if unit_id != top.pk:
            nodes[unit_id] = Node(row=row, depth=0)
    for node in nodes.values():
        if node is root:
            continue
        above = [pk for pk in ids_in_path(node.unit.path)[:-1] if pk in nodes]
        parent = nodes[above[-1]]
        parent.children.append(node)
    _set_depth(root, 0)
    return root, nodes


def _set_depth(node: Node, depth: int) -> None:
    node.depth = depth
    for child in node.children:
        _set_depth(child, depth + 1)
