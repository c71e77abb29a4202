"""Scoring (review/domain/scoring.py): the range of points, complete sheets, closed councils."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.helpers import score_all, seat
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.domain.scoring import scores_save
from thidua.review.models import Assignment, CouncilState

D = Decimal


def test_scores_outside_the_range_are_refused_and_nothing_saved(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    with pytest.raises(ValidationError) as error:
        score_all(council, "chutich", item, [21, 10, 10, 10, 10])
    assert "từ 0 đến 20" in " ".join(error.value.messages)
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    assert assignment.state == "open"
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
    assert draft.state == "draft"


def test_scoring_after_closing_is_refused(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    with pytest.raises(ValidationError):
        score_all(council, "chutich", item, [10] * 5)
