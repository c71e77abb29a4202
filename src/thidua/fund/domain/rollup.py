"""What the funds of a unit's subtree hold and moved, unit by unit, like the results' roll-up:
each unit's own funds, then the units under it, then its subtotal; the unit's total last.
Recomputed from the ledger each time (nothing is typed twice), in a fixed number of queries.

The units shown are those under the unit that hold a fund, and the units between them and
the unit (a district without a fund of its own still carries its communes' subtotal).

Within a period, the flows (received, disbursed, sent to the national fund) are the entries
dated in it; the balances are those at its end. A kind's sum is net of its corrections (a
reversing entry keeps the kind of the entry it reverses, with the opposite sign).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Sum

from thidua.fund.enums import EntryKind
from thidua.fund.models import Entry, Fund
from thidua.org.models import Unit
from thidua.org.models.units import ids_in_path

# Every figure, in the order the tables show them. Flows are positive, whichever way the
# money went.
MEASURES = (
    "received",
    "received_in_kind",
    "disbursed",
    "disbursed_in_kind",
    "national",
    "balance",
    "balance_in_kind",
)
FLOWS = {
    "received": (EntryKind.CONTRIBUTION, False),
    "received_in_kind": (EntryKind.CONTRIBUTION, True),
    "disbursed": (EntryKind.DISBURSEMENT, False),
    "disbursed_in_kind": (EntryKind.DISBURSEMENT, True),
    "national": (EntryKind.NATIONAL, False),
}
BALANCES = {"balance": False, "balance_in_kind": True}

Figures = dict[str, int]


def zero() -> Figures:
    return dict.fromkeys(MEASURES, 0)


def figures_by_fund(
    entries: QuerySet, *, start: datetime.date | None = None, end: datetime.date | None = None
) -> dict[int, Figures]:
    """Fund id → its figures, from ``entries`` (one query)."""
    return {row.pop("fund_id"): row for row in _sums(entries, "fund_id", start, end)}


def _sums(entries: QuerySet, key: str, start, end) -> list[dict]:
    dated = Q()
    if start is not None:
        dated &= Q(occurred_on__gte=start)
    if end is not None:
        dated &= Q(occurred_on__lte=end)
    until = Q() if end is None else Q(occurred_on__lte=end)
    sums = {
        name: Sum("amount_vnd", filter=dated & Q(kind=kind, in_kind=in_kind), default=0)
        for name, (kind, in_kind) in FLOWS.items()
    }
    sums |= {
        name: Sum("amount_vnd", filter=until & Q(in_kind=in_kind), default=0)
        for name, in_kind in BALANCES.items()
    }
    rows = list(entries.order_by().values(key).annotate(**sums))
    for row in rows:
        for name, (kind, _in_kind) in FLOWS.items():
            row[name] *= EntryKind.sign(kind)  # what left the fund, as a positive figure
    return rows


def add(*figures: Figures) -> Figures:
    total = zero()
    for one in figures:
        for name in MEASURES:
            total[name] += one[name]
    return total


@dataclass(eq=False)
class Node:
    """A unit, its own funds, and the units under it that hold or carry funds."""

    unit: Unit
    funds: list[Fund]
    own: Figures
    depth: int = 0
    children: list["Node"] = field(default_factory=list)
    _total: Figures | None = field(default=None, repr=False)

    @property
    def total(self) -> Figures:
        """Its own figures and those of every unit under it."""
        if self._total is None:
            self._total = add(self.own, *(child.total for child in self.children))
        return self._total

    def nodes(self) -> list["Node"]:
        return [self, *(node for child in self.children for node in child.nodes())]


@dataclass(frozen=True)
class Line:
    """A line of the tables: a unit's own funds, or (``subtotal``) the unit with everything
    under it."""

    node: Node
    subtotal: bool

    @property
    def figures(self) -> Figures:
        return self.node.total if self.subtotal else self.node.own


@dataclass
class FundRollup:
    root: Node
    start: datetime.date | None
    end: datetime.date | None
    by_fund: dict[int, Figures]

    @property
    def total(self) -> Figures:
        return self.root.total

    @property
    def funds(self) -> list[Fund]:
        return [fund for node in self.root.nodes() for fund in node.funds]

    def lines(self) -> list[Line]:
        """Each unit's own line, the units under it, then its subtotal if it has any; the
        unit's total last (its own line alone when nothing is under it)."""
        lines: list[Line] = []

        def walk(node: Node) -> None:
            lines.append(Line(node, subtotal=False))
            for child in node.children:
                walk(child)
            if node.children:
                lines.append(Line(node, subtotal=True))

        walk(self.root)
        return lines


def fund_rollup(
    unit: Unit, *, start: datetime.date | None = None, end: datetime.date | None = None
) -> FundRollup:
    """The funds of ``unit``'s subtree, unit by unit (three queries)."""
    funds = list(Fund.objects.filter(unit__path__startswith=unit.path).select_related("unit"))
    by_fund = figures_by_fund(
        Entry.objects.filter(fund__unit__path__startswith=unit.path), start=start, end=end
    )
    top = len(ids_in_path(unit.path))
    wanted = {unit.pk}
    for fund in funds:
        wanted.update(ids_in_path(fund.unit.path)[top - 1 :])
    units = Unit.objects.filter(pk__in=wanted).order_by("sort_key", "id")
    nodes = {u.pk: Node(unit=u, funds=[], own=zero()) for u in units}
    for fund in funds:
        node = nodes[fund.unit_id]
        node.funds.append(fund)
        node.own = add(node.own, by_fund.get(fund.pk, zero()))
    root = nodes[unit.pk]
    for node in nodes.values():
        if node is not root:
            nodes[node.unit.parent_id].children.append(node)
    _set_depth(root, 0)
    return FundRollup(root=root, start=start, end=end, by_fund=by_fund)


def _set_depth(node: Node, depth: int) -> None:
    node.depth = depth
    for child in node.children:
        _set_depth(child, depth + 1)


def unit_figures(
    unit: Unit, *, start: datetime.date | None = None, end: datetime.date | None = None
) -> Figures:
    """What ``unit``'s own funds (not those of the units under it) received and moved: the
    figures of its own line, as its results report states them (one query)."""
    rows = _sums(Entry.objects.filter(fund__unit=unit), "fund__unit_id", start, end)
    if not rows:
        return zero()
    row = rows[0]
    row.pop("fund__unit_id")
    return row
