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

from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from thidua.initiatives.domain.compliance import stored_quotas
from thidua.initiatives.models import SENT_STATES, Registration
from thidua.org.models import Unit, UnitLevel
from thidua.org.models.units import ids_in_path, ids_with_ancestors
from thidua.plans.domain.tree import plan_tree_ids
from thidua.plans.models import Plan, PlanBasis
from thidua.results.domain.lines import (
    PLACE_FIELDS,
    PROGRESS,
    REPORT_SUMS,
    RESULT_SUMS,
    SENT,
    Node,
    Place,
    Rollup,
    Row,
    TreePlan,
)
from thidua.results.models import InitiativeResult, ResultsReport

PLAN_FIELDS = ("id", "unit_id", "version", "period_start", "period_end")


@dataclass
class Cascade:
    """The plans a roll-up reads: ``plan``, those written on its basis (``in_tree``, a
    subquery), and the plan the issuer's own report upward may be written on (``upward``);
    ``issuers``: the tree walked down these units' plans only (None: every plan)."""

    plan: Plan
    in_tree: object
    upward: object
    issuers: Collection[int] | None = None

    @property
    def reports(self) -> Q:
        """The reports of the roll-up, as a filter on results reports."""
        return Q(plan__in=self.in_tree) | Q(unit=self.plan.unit, plan__in=self.upward)


def rollup(plan: Plan, *, draft: ResultsReport | None = None) -> Rollup:
    """The roll-up of ``plan`` and the plans written on its basis. ``draft``: a report being
    written, counted for its unit as if it were sent (the report document shows what it will
    say once sent)."""
    cascade = _cascade(plan)
    registrations = Registration.objects.filter(plan__in=cascade.in_tree).order_by()
    by_kind: dict[str, int] = {}
    rows, counted = _rows(cascade, registrations, draft, by_kind=by_kind)
    _add_figures(cascade, rows, counted, draft)
    root, nodes = _tree(plan.unit, rows)
    campaigns: dict[str, int] = {}
    # Read from the links themselves: asked of the registrations ("exclude(campaigns=None)"),
    # PostgreSQL read every registration of the country twice to find the few linked.
    links = Registration.campaigns.through.objects.filter(registration__plan__in=cascade.in_tree)
    for name, state, n in (
        links.values_list("campaign__name", "registration__state")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        if state in SENT_STATES:
            campaigns[name] = campaigns.get(name, 0) + n
    by_campaign = sorted(campaigns.items(), key=lambda item: (-item[1], item[0]))
    return Rollup(plan=plan, root=root, by_kind=by_kind, by_campaign=by_campaign, _nodes=nodes)


def reporting_rows(plan: Plan) -> list[Row]:
    """The units of ``plan``'s roll-up, the issuer first and each unit before those under it
    (the order of the roll-up's lines), with their reports but not their figures: the list of
    reports reads no initiative."""
    cascade = _cascade(plan)
    registrations = Registration.objects.filter(plan__in=cascade.in_tree).order_by()
    rows, _counted = _rows(cascade, registrations, None)
    root, _nodes = _tree(plan.unit, rows)
    return root.rows()


def reporting_row(plan: Plan, unit_id: int) -> Row | None:
    """The row of one unit in ``plan``'s roll-up (the plan it reports on, its report), read
    for that unit alone; None when the unit does not report under the plan."""
    unit = Unit.objects.filter(pk=unit_id).only("path").first()
    return None if unit is None else reporting_rows_of(plan, [unit]).get(unit_id)


def reporting_rows_of(plan: Plan, units: Collection[Unit]) -> dict[int, Row]:
    """Unit id → the row of each of these units that reports under ``plan``, read for them
    alone (a person's few units: a commune's to-do under a national plan)."""
    # The tree walked down the plans of these units and those above them only: a commune's
    # rows lie on its province's, district's and own plans, not on the country's thousands.
    cascade = _cascade(plan, issuers=ids_with_ancestors(units))
    ids = {unit.pk for unit in units}
    registrations = Registration.objects.filter(plan__in=cascade.in_tree, unit_id__in=ids)
    rows, _counted = _rows(cascade, registrations.order_by(), None, only=ids)
    return rows


def _cascade(plan: Plan, *, issuers: Collection[int] | None = None) -> Cascade:
    return Cascade(
        plan=plan,
        # a subquery: thousands of plans at national size
        in_tree=plan_tree_ids(plan, issuers=issuers),
        issuers=issuers,
        upward=PlanBasis.objects.filter(plan=plan).values("parent_id"),
    )


def _rows(
    cascade: Cascade, registrations, draft, *, only: Collection[int] | None = None, by_kind=None
) -> tuple[dict[int, Row], dict[int, dict]]:
    """Unit id → the row of each unit that reports under the plan, in Vietnamese order, with
    the report that counts for it; and those reports (the sent ones, and ``draft``) by unit.
    ``only``: these units' rows alone, read for them alone. ``by_kind`` (a dict) is filled
    with the registrations sent, by kind."""
    plan, top = cascade.plan, cascade.plan.unit
    # Every unit under the issuer, once, as plain values; the plans' issuers are among them.
    units = Unit.objects.under(top.path)
    if only is not None:
        units = units.filter(pk__in=only)
    under = [Place(*values) for values in units.values_list(*PLACE_FIELDS)]
    below = [
        TreePlan(*values)
        for values in Plan.objects.filter(pk__in=cascade.in_tree)
        .exclude(pk=plan.pk)
        .order_by("id")
        .values_list(*PLAN_FIELDS)
    ]
    # The issuer's own line is its report upward, which it may have written on the plan its
    # own plan is based on (a commune reporting on the district's plan).
    reports = ResultsReport.objects.filter(cascade.reports)
    if only is not None:
        reports = reports.filter(unit_id__in=only)
    reports = list(reports.order_by().values(*REPORT_FIELDS, *REPORT_SUMS))
    # What was sent, by unit and kind, in one query. The states are picked here rather than
    # in the query: a filter on them would lead SQLite to read every sent registration of
    # the country instead of those of the tree's plans.
    registered: dict[int, int] = {}
    by_kind = {} if by_kind is None else by_kind
    for unit_id, kind, state, n in registrations.values_list("unit_id", "kind", "state").annotate(
        n=Count("id")
    ):
        if state in SENT_STATES:
            registered[unit_id] = registered.get(unit_id, 0) + n
            by_kind[kind] = by_kind.get(kind, 0) + n
    # Those asked for registrations: the stored quotas (the compliance table's own).
    asked = set(stored_quotas(plan, units=only, issuers=cascade.issuers))
    return place_rows(plan, under, below, reports, registered, asked, draft, whole=only is None)


# What the choice of a unit's report reads of the reports.
REPORT_FIELDS = ("id", "unit_id", "plan_id", "state", "is_late")


def place_rows(
    plan: Plan,
    under: list[Place],
    below: list[TreePlan],
    reports: list[dict],
    registered: dict[int, int],
    asked: set[int],
    draft,
    *,
    whole: bool,
) -> tuple[dict[int, Row], dict[int, dict]]:
    """`_rows` from what it read: the units under the plan's issuer (``whole``: all of
    them, else a few), the plans below it in the cascade, the reports (``REPORT_FIELDS``),
    the registrations sent by unit, the units asked for registrations. Also what several
    plans' rows read at once give (a person's start page)."""
    top = plan.unit
    # Sorted here: ordered by the database, SQLite would read the country's units in order
    # of name to keep those under the issuer.
    under = sorted(under, key=lambda place: (place.sort_key, place.pk))
    by_id = {place.pk: place for place in under}
    issuers = {p.unit_id for p in below} | {top.pk}
    owed = asked | issuers | {r["unit_id"] for r in reports} | set(registered)
    # The units the plans are addressed to, down to the communes, as they were in the plans'
    # periods (a plan is addressed to the units one level below its issuer).
    periods: dict[int, list] = {}
    for p in (plan, *below):
        periods.setdefault(p.unit_id, []).append(p)
    places = [
        place
        for place in under
        if place.pk in owed
        or (
            place.level <= UnitLevel.COMMUNE
            and any(active_in(place, p) for p in periods.get(place.parent_id, ()))
        )
    ]
    if whole and top.pk not in {place.pk for place in places}:
        places.insert(0, by_id[top.pk])
    own_plans = _own_plans([plan, *below])
    rows = {
        place.pk: Row(
            place=place,
            reports_on=_plan_for(place, own_plans),
            registered=registered.get(place.pk, 0),
            _unit=top if place.pk == top.pk else None,
        )
        for place in places
    }
    return rows, _choose_reports(rows, reports, draft)


def _add_figures(cascade: Cascade, rows: dict[int, Row], counted: dict[int, dict], draft):
    """Each counted report's figures: its own, and its initiatives added up by the database
    (one line per report)."""
    sent = Q(report__state__in=SENT)
    if draft is not None:
        sent |= Q(report_id=draft.pk)
    results = (
        InitiativeResult.objects.filter(
            sent,
            Q(report__plan__in=cascade.in_tree)
            | Q(report__unit=cascade.plan.unit, report__plan__in=cascade.upward),
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


def active_in(unit: Place, plan: Plan | TreePlan) -> bool:
    """The unit existed at some time in the plan's period (as `recipients` reads it)."""
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


def _plan_for(unit: Place, own_plans: dict[int, Plan]) -> Plan:
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
        current = chosen.get(row.place.pk)
        if current is None or key > _rank(current, row, draft):
            chosen[row.place.pk] = report
    counted = {}
    for unit_id, report in chosen.items():
        row = rows[unit_id]
        row.report_id, row.report_state = report["id"], report["state"]
        if report["state"] in SENT or (draft is not None and report["id"] == draft.pk):
            row.sent, row.is_late = True, report["is_late"]
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
        above = [pk for pk in ids_in_path(node.place.path)[:-1] if pk in nodes]
        parent = nodes[above[-1]]
        parent.children.append(node)
    _set_depth(root, 0)
    return root, nodes


def _set_depth(node: Node, depth: int) -> None:
    node.depth = depth
    for child in node.children:
        _set_depth(child, depth + 1)
