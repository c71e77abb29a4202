"""Ranking (review/domain/ranking.py): aggregation and tie-break on a hand-computed example."""

import random
from decimal import Decimal

import pytest

from tests.helpers import score_all
from tests.review import crowd
from thidua.review.domain.councils import assign, council_set_state, entries, registrations
from thidua.review.domain.ranking import ranking, ranking_page, standings
from thidua.review.models import CouncilState

D = Decimal


def test_aggregation_and_tie_break_on_a_hand_computed_example(council, entry, tree):
    """Totals: A = 80 and 70 → mean 75; B = 60, 90 → mean 75 (a tie, broken by tính mới:
    A's novelty mean 16 > B's 14); C = 50, 54 → 52. Spread B = 30 > 20: disputed."""
    a = entry(tree.commune_b, name="A")
    b = entry(tree.commune_b, name="B")
    c = entry(tree.commune_b, name="C")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", a, [16, 16, 16, 16, 16])  # 80
    score_all(council, "thuky", a, [16, 14, 14, 13, 13])  # 70
    score_all(council, "chutich", b, [10, 10, 10, 15, 15])  # 60
    score_all(council, "thuky", b, [18, 18, 18, 18, 18])  # 90
    score_all(council, "chutich", c, [10, 10, 10, 10, 10])  # 50
    score_all(council, "thuky", c, [10, 11, 11, 11, 11])  # 54
    rows = ranking(council, [a, b, c])
    assert [(r.registration.name, r.score, r.rank) for r in rows] == [
        ("A", D("75.00"), 1),
        ("B", D("75.00"), 2),
        ("C", D("52.00"), 3),
    ]
    assert rows[1].disputed
    assert not rows[0].disputed
    assert [r.grade for r in rows] == ["Khá", "Khá", "Đạt"]
    council.aggregate = "median"
    council.save()
    assert ranking(council, [c])[0].score == D("52.00")


# --- the complete order from grouped sums (standings) is the ranking's order ---------------


@pytest.mark.parametrize(("aggregate", "seed"), [("mean", 1), ("median", 2)])
def test_standings_order_and_rank_as_the_full_ranking_does(
    council, tree, open_plan, make_person, aggregate, seed
):
    """A seeded council of 70 entries, five members, two or three sheets each with points
    from a narrow range (ties in score and in the first criterion), seven entries not scored
    at all and some sheets left open: ``standings`` gives every entry the place, score, rank,
    class and disagreement ``ranking`` gives it, and a page of ``ranking_page`` is its slice."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    council.aggregate = aggregate
    council.save()
    units = crowd.communes(tree.district, 3)
    made = crowd.entries(open_plan, units, 70, seed=seed)
    crowd.members(council, make_person, tree.district, 2)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council, per_registration=rng.choice([2, 3]))
    silent = frozenset(rng.sample(made, 7))
    crowd.scored(council, share=0.85, seed=seed, points=(14, 16), skip=silent)
    among = entries(council)
    full = ranking(council, list(registrations(council)))
    order = standings(council, among)
    assert [p.registration_id for p in order] == [r.registration.pk for r in full]
    assert [(p.score, p.rank, p.grade, p.disputed) for p in order] == [
        (r.score, r.rank, r.grade, r.disputed) for r in full
    ]
    assert sum(p.score is None for p in order) >= 7
    page = ranking_page(council, order[20:40])
    assert [(r.registration.pk, r.rank, r.score) for r in page] == [
        (r.registration.pk, r.rank, r.score) for r in full[20:40]
    ]
    assert [r.criterion_means for r in page] == [r.criterion_means for r in full[20:40]]
