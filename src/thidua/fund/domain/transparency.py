"""What the public transparency page shows of a unit's funds: the totals, the donors who
agreed to be named (the others counted, never named), and what went to which commended
initiative by which decision. Nothing else of a donor leaves the office: no contact, no
description typed with an entry (it could name them).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from thidua.documents.official import number_line
from thidua.fund.enums import DonorKind, EntryKind
from thidua.fund.models import Entry
from thidua.org.models import Unit
from thidua.review.models import Decision, Outcome


@dataclass(frozen=True)
class NamedDonor:
    name: str
    kind: str
    money: int
    in_kind: int

    @property
    def kind_label(self) -> str:
        return str(DonorKind(self.kind).label)


@dataclass(frozen=True)
class Donors:
    named: list[NamedDonor]
    unnamed: int  # how many gave without agreeing to be named
    unnamed_money: int
    unnamed_in_kind: int


@dataclass(frozen=True)
class Support:
    """What one commended initiative received, by the council's decision."""

    initiative: str
    unit: str
    outcome: str
    decision: Decision | None
    money: int
    in_kind: int

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label)

    @property
    def decision_line(self) -> str:
        """ "decision Số 25-QĐ/HNDH of 20/05/2022"."""
        decision = self.decision
        if decision is None:
            return ""
        number = number_line(decision.number, f"QĐ/{decision.council.plan.issuer_code}")
        return _("decision %(number)s of %(date)s") % {
            "number": number,
            "date": decision.decided_on.strftime("%d/%m/%Y"),
        }


def _entries(unit: Unit, start, end):
    entries = Entry.objects.filter(fund__unit__path__startswith=unit.path)
    if start is not None:
        entries = entries.filter(occurred_on__gte=start)
    if end is not None:
        entries = entries.filter(occurred_on__lte=end)
    return entries.order_by()


def _money_and_goods():
    return {
        "money": Sum("amount_vnd", filter=Q(in_kind=False), default=0),
        "goods": Sum("amount_vnd", filter=Q(in_kind=True), default=0),
    }


def donors(
    unit: Unit, *, start: datetime.date | None = None, end: datetime.date | None = None
) -> Donors:
    """The donors to the funds of ``unit``'s subtree, net of corrections; a donor whose
    contributions were all reversed is not a donor (two queries' worth: one)."""
    rows = (
        _entries(unit, start, end)
        .filter(kind=EntryKind.CONTRIBUTION)
        .values("donor_id", "donor__name", "donor__kind", "donor__named_publicly")
        .annotate(**_money_and_goods())
    )
    named, unnamed = [], []
    for row in rows:
        if row["money"] == 0 and row["goods"] == 0:
            continue
        if row["donor__named_publicly"]:
            named.append(
                NamedDonor(row["donor__name"], row["donor__kind"], row["money"], row["goods"])
            )
        else:
            unnamed.append(row)
    named.sort(key=lambda donor: (-(donor.money + donor.in_kind), donor.name))
    return Donors(
        named=named,
        unnamed=len(unnamed),
        unnamed_money=sum(row["money"] for row in unnamed),
        unnamed_in_kind=sum(row["goods"] for row in unnamed),
    )


def supported(
    unit: Unit, *, start: datetime.date | None = None, end: datetime.date | None = None
) -> list[Support]:
    """The commended initiatives the funds of ``unit``'s subtree supported, net of
    corrections, with the decision that commended them (two queries)."""
    rows = list(
        _entries(unit, start, end)
        .filter(kind=EntryKind.DISBURSEMENT)
        .values(
            "proposal__registration__name",
            "proposal__registration__unit_id",
            "proposal__outcome",
            "proposal__council_id",
        )
        .annotate(**_money_and_goods(), n=Count("id"))
    )
    decisions = {
        d.council_id: d
        for d in Decision.objects.filter(
            council_id__in={row["proposal__council_id"] for row in rows}
        ).select_related("council__plan")
    }
    units = Unit.objects.in_bulk({row["proposal__registration__unit_id"] for row in rows})
    found = [
        Support(
            initiative=row["proposal__registration__name"],
            unit=units[row["proposal__registration__unit_id"]].full_name,
            outcome=row["proposal__outcome"],
            decision=decisions.get(row["proposal__council_id"]),
            money=-row["money"],
            in_kind=-row["goods"],
        )
        for row in rows
        if row["money"] or row["goods"]
    ]
    found.sort(key=lambda s: (-(s.money + s.in_kind), s.initiative))
    return found
