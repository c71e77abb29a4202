"""Totals, a registration's score (mean or median of its members' totals), disagreement, rank
and class. Pure arithmetic over rows read in a fixed number of queries."""

import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from thidua.initiatives.models import Registration
from thidua.review.models import Aggregate, Assignment, AssignmentState, Council, Score


@dataclass
class Ranked:
    registration: Registration
    totals: list[Decimal] = field(default_factory=list)  # one per submitted scoresheet
    criterion_means: dict[int, Decimal] = field(default_factory=dict)
    score: Decimal | None = None
    spread: Decimal = Decimal(0)
    disputed: bool = False
    rank: int | None = None
    grade: str = ""
    assigned: int = 0


def ranking(council: Council, registrations: list[Registration]) -> list[Ranked]:
    """Registrations in rank order; those nobody has scored yet come last, unranked."""
    criteria = list(council.plan.criteria.all())
    grades = list(council.plan.grades.all())
    rows = {r.pk: Ranked(registration=r) for r in registrations}
    sheets = Assignment.objects.filter(member__council=council, registration_id__in=rows)
    for registration_id, state, total in sheets.values_list("registration_id", "state", "total"):
        row = rows[registration_id]
        row.assigned += 1
        if state == AssignmentState.SUBMITTED and total is not None:
            row.totals.append(total)
    points: dict[tuple[int, int], list[Decimal]] = {}
    submitted = Score.objects.filter(
        assignment__member__council=council,
        assignment__state=AssignmentState.SUBMITTED,
        assignment__registration_id__in=rows,
    )
    for registration_id, criterion_id, value in submitted.values_list(
        "assignment__registration_id", "criterion_id", "points"
    ):
        if value is not None:
            points.setdefault((registration_id, criterion_id), []).append(value)
    for row in rows.values():
        for criterion in criteria:
            values = points.get((row.registration.pk, criterion.pk))
            if values:
                row.criterion_means[criterion.pk] = _mean(values)
        if row.totals:
            row.score = _aggregate(council.aggregate, row.totals)
            row.spread = max(row.totals) - min(row.totals)
            row.disputed = row.spread > council.spread_alert
            row.grade = next((g.label for g in grades if row.score >= g.min_total), "")
    first = criteria[0].pk if criteria else None
    ordered = sorted(rows.values(), key=lambda r: _sort_key(r, first))
    for position, row in enumerate((r for r in ordered if r.score is not None), start=1):
        row.rank = position
    return ordered


def _sort_key(row: Ranked, first_criterion: int | None):
    submitted = row.registration.first_submitted_at
    return (
        row.score is None,
        -(row.score or 0),
        -(row.criterion_means.get(first_criterion, Decimal(0))),
        submitted.timestamp() if submitted else float("inf"),
        row.registration.pk,
    )


def _aggregate(kind: str, totals: list[Decimal]) -> Decimal:
    value = statistics.median(totals) if kind == Aggregate.MEDIAN else _mean(totals)
    return Decimal(value).quantize(Decimal("0.01"))


def _mean(values: list[Decimal]) -> Decimal:
    return (sum(values) / len(values)).quantize(Decimal("0.01"))
