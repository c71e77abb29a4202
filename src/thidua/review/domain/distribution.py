"""The scores of a council's entries without their order (the dashboard bins them): each
scored entry's score, exactly as ``ranking.ranking`` computes it (the mean of its submitted
sheets' totals, or their median, to the cent), from the sheets grouped by the database. A
council of 5,000 entries needs neither its registrations nor its ranking for a histogram."""

import statistics
from decimal import Decimal

from django.db.models import Count, Sum

from thidua.review.domain.councils import entries
from thidua.review.models import Aggregate, Assignment, AssignmentState, Council

CENT = Decimal("0.01")


def entry_scores(council: Council) -> list[Decimal]:
    """The scores of the council's scored entries (one per entry, in no order)."""
    sent = Assignment.objects.filter(
        member__council=council,
        state=AssignmentState.SUBMITTED,
        total__isnull=False,
        registration_id__in=entries(council).order_by().values("pk"),
    ).order_by()
    if council.aggregate == Aggregate.MEDIAN:
        totals: dict[int, list[Decimal]] = {}
        for registration_id, total in sent.values_list("registration_id", "total"):
            totals.setdefault(registration_id, []).append(total)
        return [Decimal(statistics.median(values)).quantize(CENT) for values in totals.values()]
    grouped = (
        sent.values("registration_id")
        .annotate(count=Count("pk"), sum=Sum("total"))
        .values_list("count", "sum")
    )
    return [(total / count).quantize(CENT) for count, total in grouped]
