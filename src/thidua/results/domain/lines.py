"""The roll-up's shape: the figures (``MEASURES``), each unit's row of them (``Row``), the
tree of units (``Node``), the lines a table shows (``Line``) and the whole (``Rollup``). The
computation that fills them is ``rollup.py``; the page, the workbook and the report document
render these.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from thidua.initiatives.models import Kind
from thidua.org.models import Unit
from thidua.org.models.units import ids_in_path
from thidua.plans.models import Plan
from thidua.results.enums import Reporting
from thidua.results.models import Progress, ReportState

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


class Place(NamedTuple):
    """What the roll-up reads of a unit: plain values (a province has hundreds of units,
    the country thousands); ``Row.unit`` builds the model of those a page shows. The fields
    are ``Unit``'s, in its order."""

    pk: int
    name: str
    kind: str
    level: int
    parent_id: int | None
    path: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    sort_key: str


PLACE_FIELDS = ("id", *Place._fields[1:])


def unit_of(place: Place) -> Unit:
    """The unit as a model, built from its place (its roll-up fields; the others load when
    read): no query."""
    return Unit.from_db("default", PLACE_FIELDS, tuple(place))


@dataclass
class Row:
    """One unit's own report under the plan: what it did itself."""

    place: Place
    # The plan it reports on: its own in the cascade, else the one addressed to it (read
    # as a TreePlan; ``plan`` loads it whole when asked).
    reports_on: "Plan | TreePlan"
    registered: int = 0  # registrations it sent, reported or not
    report_id: int | None = None  # its report, in any state (the one that counts, if several)
    report_state: str | None = None
    is_late: bool = False
    sent: bool = False  # its report was sent (or is the draft counted as if it were)
    figures: dict[str, Figure] | None = None  # None while it has sent nothing
    _unit: Unit | None = field(default=None, repr=False)

    @property
    def unit(self) -> Unit:
        """The unit as a model (its roll-up fields; the others load when read)."""
        if self._unit is None:
            self._unit = unit_of(self.place)
        return self._unit

    @property
    def plan(self) -> Plan:
        if not isinstance(self.reports_on, Plan):
            self.reports_on = Plan.objects.get(pk=self.reports_on.pk)
        return self.reports_on

    @property
    def state(self) -> str:
        if not self.sent:
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
    _rows: list[Row] | None = field(default=None, repr=False)

    @property
    def unit(self) -> Unit:
        return self.row.unit

    @property
    def place(self) -> Place:
        return self.row.place

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
        """Its own row, then those under it, in the order of the tables (listed once: the
        page counts them for every line)."""
        if self._rows is None:
            self._rows = [self.row, *(row for child in self.children for row in child.rows())]
        return self._rows

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
    _counts: Counter | None = field(default=None, repr=False)

    @property
    def rows(self) -> list[Row]:
        """The units that report to the plan's issuer, at any depth (not the issuer itself,
        whose own report goes further up)."""
        return self.root.rows()[1:]

    def node(self, unit_id: int) -> Node:
        return self._nodes[unit_id]

    def count(self, state: str) -> int:
        if self._counts is None:  # the page asks for each state
            self._counts = Counter(row.state for row in self.rows)
        return self._counts[state]

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
        open_ids = {self.root.place.pk}
        if opened is not None and opened in self._nodes:
            open_ids.update(ids_in_path(self._nodes[opened].place.path))
        lines: list[Line] = []

        def walk(node: Node) -> None:
            if node.place.pk not in open_ids:
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
                **{state: counts[state] for state in Reporting.values},
                "registered": sum(r.registered for r in rows),
            }
            for node in self.root.children
            if node.children
            for rows in [node.rows()[1:]]
            for counts in [Counter(row.state for row in rows)]
        ]


def _add(values: list[Figure]) -> Figure:
    known = [value for value in values if value is not None]
    if not known:
        return None
    return sum(known[1:], known[0])


@dataclass
class TreePlan:
    """What the roll-up reads of a plan of the cascade (thousands at national size: plain
    values, no model objects): what the choice of each unit's plan and the units it is
    addressed to need."""

    pk: int
    unit_id: int
    version: int
    period_start: datetime.date
    period_end: datetime.date
