"""Ranking (review/domain/ranking.py): aggregation and tie-break on a hand-computed example."""

from decimal import Decimal

from tests.helpers import score_all
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.domain.ranking import ranking
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
