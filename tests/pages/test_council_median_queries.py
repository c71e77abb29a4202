"""The ranking of a council scored by the median costs what the mean's does: ordered,
narrowed and paged by the database at 5 entries as at 120 (the guards of the mean's are in
test_review_queries.py)."""

from django.urls import reverse

from tests.pages.test_review_queries import SCALE, counted, crowded  # noqa: F401 (a fixture)
from thidua.review.models import Aggregate


def test_ranking_by_the_median_at_scale(crowded, same_queries):  # noqa: F811 (the fixture)
    council, grow = crowded
    council.aggregate = Aggregate.MEDIAN
    council.save()
    same_queries(
        reverse("review:ranking", args=[council.pk]),
        13,  # the page ordered by the database, with the number of entries
        by="chair",
        grow=grow,
        sizes=SCALE,
        shows=lambda size: [counted("%(total)s entry", "%(total)s entries", size)],
    )


def test_ranking_by_the_median_filtered_at_scale(crowded, same_queries):  # noqa: F811
    council, grow = crowded
    council.aggregate = Aggregate.MEDIAN
    council.save()
    same_queries(
        reverse("review:ranking", args=[council.pk]),
        13,
        by="chair",
        grow=grow,
        sizes=SCALE,
        query={"show": "disputed", "grade": "Khá"},
        shows=lambda size: [],
    )
