"""Scoring (review/domain/scoring.py): the range of points, complete sheets, closed councils,
the order of a member's queue."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.helpers import score_all, seat
from thidua.review import enums
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.domain.scoring import queue, scores_save
from thidua.review.models import Assignment, AssignmentState, CouncilState

D = Decimal


def test_scores_outside_the_range_are_refused_and_nothing_saved(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    with pytest.raises(ValidationError) as error:
        score_all(council, "chutich", item, [21, 10, 10, 10, 10])
    assert "từ 0 đến 20" in " ".join(error.value.messages)
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    assert assignment.state == AssignmentState.OPEN
    assert not assignment.scores.exists()


def test_submitting_needs_every_criterion(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    criterion = council.plan.criteria.first()
    with pytest.raises(ValidationError):
        scores_save(
            actor=None, assignment=assignment, scores={criterion.pk: (D(10), "")}, submit=True
        )
    draft = scores_save(
        actor=None, assignment=assignment, scores={criterion.pk: (D(10), "")}, submit=False
    )
    assert draft.state == AssignmentState.DRAFT


def test_scoring_after_closing_is_refused(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    with pytest.raises(ValidationError):
        score_all(council, "chutich", item, [10] * 5)


def test_the_queue_puts_drafts_first_then_sheets_to_start_then_submitted_ones(council, entry, tree):
    submitted = entry(tree.commune_b, name="Đã gửi")
    to_start = entry(tree.commune_b, name="Chưa chấm")
    draft = entry(tree.commune_b, name="Đang chấm")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", submitted, [10] * 5)
    score_all(council, "chutich", draft, [10] * 5, submit=False)
    order = [(a.registration, a.state) for a in queue(seat(council, "chutich"))]
    assert order == [
        (draft, AssignmentState.DRAFT),
        (to_start, AssignmentState.OPEN),
        (submitted, AssignmentState.SUBMITTED),
    ]


def test_the_queue_follows_the_rank_not_the_alphabet(council, entry, tree, monkeypatch):
    """Today's rank happens to be alphabetical; the queue must follow the rank all the same."""
    submitted = entry(tree.commune_b, name="Đã gửi")
    to_start = entry(tree.commune_b, name="Chưa chấm")
    draft = entry(tree.commune_b, name="Đang chấm")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", submitted, [10] * 5)
    score_all(council, "chutich", draft, [10] * 5, submit=False)
    ranks = {AssignmentState.SUBMITTED: 0, AssignmentState.OPEN: 1, AssignmentState.DRAFT: 2}
    for state, rank in ranks.items():
        monkeypatch.setitem(enums.ASSIGNMENT_RANK, state, rank)
    assert [a.registration for a in queue(seat(council, "chutich"))] == [submitted, to_start, draft]


def test_every_scoresheet_state_has_a_rank():
    assert sorted(AssignmentState, key=AssignmentState.rank) == [
        AssignmentState.DRAFT,
        AssignmentState.OPEN,
        AssignmentState.SUBMITTED,
    ]
