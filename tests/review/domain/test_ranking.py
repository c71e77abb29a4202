"""Ranking (review/domain/ranking.py): aggregation and tie-break on a hand-computed example."""

import random
from decimal import Decimal

import pytest
from django.core.paginator import Paginator

from tests.helpers import score_all
from tests.review import crowd
from thidua.review.domain.councils import assign, council_set_state, entries, registrations
from thidua.review.domain.ranking import Ordered, ranking, ranking_page, rubric_of, standings
from thidua.review.forms import RankingFilterForm
from thidua.review.models import Assignment, CouncilState

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


@pytest.mark.parametrize("seed", [3, 11])
def test_the_databases_order_is_the_standings_order_with_half_even_ties(
    council, tree, open_plan, make_person, seed
):
    """Totals with cents, two or four sheets an entry (means ending in a half cent: 10.005
    rounds to 10.00, 10.015 to 10.02, as ``Decimal.quantize`` does), ties in the score and
    the first criterion, entries nobody scored: the order the database computes and pages
    (``Ordered``) gives every entry the place, score and rank ``standings`` gives it."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    units = crowd.communes(tree.district, 3)
    made = crowd.entries(open_plan, units, 60, seed=seed)
    crowd.members(council, make_person, tree.district, 3)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council, per_registration=rng.choice([2, 4]))
    silent = frozenset(rng.sample(made, 6))
    crowd.scored(council, share=0.9, seed=seed, points=(14, 16), skip=silent)
    for sheet in Assignment.objects.filter(member__council=council, total__isnull=False):
        sheet.total = D(rng.choice(["70.00", "70.01", "70.02", "70.03", "69.99"]))
        sheet.save(update_fields=["total"])
    among = entries(council)
    rubric = rubric_of(council)
    order = standings(council, among, rubric)
    ordered = Ordered(council, among, rubric)
    assert len(ordered) == len(order)
    paged = [place for start in range(0, len(order), 7) for place in ordered[start : start + 7]]
    assert [(p.registration_id, p.score, p.rank) for p in paged] == [
        (p.registration_id, p.score, p.rank) for p in order
    ]
    # the page asked is read with the count; the last page, or one past it, as well
    for expect, asked in [((50, 50), 2), ((4950, 50), 99), ((0, 50), 2)]:
        page = Paginator(Ordered(council, among, rubric, expect=expect), 50).get_page(asked)
        assert [p.registration_id for p in page.object_list] == [
            p.registration_id for p in order[50:]
        ]
    sums: dict[int, list[D]] = {}
    for registration_id, total in Assignment.objects.filter(
        member__council=council, state="submitted", total__isnull=False
    ).values_list("registration_id", "total"):
        sums.setdefault(registration_id, []).append(total)
    # the example holds means that end in half a cent, which only half-even rounding places
    assert any((sum(t) * 1000 / len(t)) % 10 == 5 for t in sums.values())


@pytest.mark.parametrize(("aggregate", "seed"), [("mean", 5), ("median", 7), ("median", 19)])
def test_the_databases_order_narrowed_by_each_filter_is_the_standings_narrowed(
    council, tree, open_plan, make_person, aggregate, seed
):
    """A seeded council scored by the mean or the median (one to four sheets an entry,
    totals with cents: medians of two middle totals ending in half a cent, spreads on both
    sides of the alert, scores on both sides of the classes' minimums): for every filter of
    the ranking (disagreement, nobody's sheet, each class, and both together) the order the
    database computes, narrows and pages (``Ordered``) is ``standings`` narrowed by
    ``RankingFilterForm`` place by place, with the ranks of the whole."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    council.aggregate = aggregate
    council.spread_alert = 2
    council.save()
    units = crowd.communes(tree.district, 3)
    made = crowd.entries(open_plan, units, 60, seed=seed)
    crowd.members(council, make_person, tree.district, 3)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council, per_registration=4)
    silent = frozenset(rng.sample(made, 6))
    crowd.scored(council, share=0.7, seed=seed, points=(14, 16), skip=silent)
    totals = ["49.99", "50.00", "64.99", "65.00", "67.00", "67.01", "79.99", "80.00", "80.01"]
    level = {pk: rng.randrange(len(totals)) for pk in made}  # each entry near a level
    for sheet in Assignment.objects.filter(member__council=council, total__isnull=False):
        near = level[sheet.registration_id] + rng.choice([-1, 0, 0, 1])
        sheet.total = D(totals[min(max(near, 0), len(totals) - 1)])
        sheet.save(update_fields=["total"])
    among = entries(council)
    rubric = rubric_of(council)
    order = standings(council, among, rubric)
    choices = [("", ""), ("disputed", ""), ("unscored", ""), ("disputed", "Khá")]
    choices += [("", grade.label) for grade in rubric.grades]
    for show, grade in choices:
        form = RankingFilterForm({"show": show, "grade": grade}, grades=rubric.grades)
        expected = form.narrow(order)
        ordered = Ordered(council, among, rubric, show=show, grade=grade)
        assert len(ordered) == len(expected)
        paged = [p for start in range(0, len(expected), 9) for p in ordered[start : start + 9]]
        assert [(p.registration_id, p.score, p.rank) for p in paged] == [
            (p.registration_id, p.score, p.rank) for p in expected
        ], (show, grade)
    assert {"Tốt", "Khá", "Đạt", "Không đạt"} <= {p.grade for p in order}
    assert any(p.disputed for p in order)
    assert any(p.score is None for p in order)
    assert any(not p.disputed and p.score for p in order)
    sent: dict[int, list[D]] = {}
    for registration_id, total in Assignment.objects.filter(
        member__council=council, state="submitted", total__isnull=False
    ).values_list("registration_id", "total"):
        sent.setdefault(registration_id, []).append(total)
    middles = [
        sorted(t)[len(t) // 2 - 1 : len(t) // 2 + 1] for t in sent.values() if len(t) % 2 == 0
    ]
    # some entries' two middle totals add up to an odd number of cents: half a cent to round
    assert any(sum(pair) * 100 % 2 == 1 for pair in middles)
