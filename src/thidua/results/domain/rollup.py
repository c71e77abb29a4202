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

from django.db.models import Count, Q, Sum

from thidua.initiatives.domain.compliance import quotas
from thidua.initiatives.models import SENT_STATES, Registration
from thidua.org.models import Unit, UnitLevel
from thidua.org.models.units import ids_in_path
from thidua.plans.domain.tree import plan_tree_ids
from thidua.plans.models import Plan, PlanBasis
from thidua.results.domain.lines import (
    PROGRESS,
    REPORT_SUMS,
    RESULT_SUMS,
    SENT,
    Node,
    Rollup,
    Row,
    TreePlan,
)
from thidua.results.models import InitiativeResult, ResultsReport

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
