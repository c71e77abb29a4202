"""The vote (review/domain/decisions.py): the 2/3 rule, the quorum, outcomes back to the units."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.helpers import seat, unanimous
from thidua.org.models import Role
from thidua.review.domain.councils import (
    assign,
    council_create,
    council_set_state,
    member_add,
    required_votes,
)
from thidua.review.domain.decisions import council_set_award, decision_record, proposal_set
from thidua.review.domain.scoring import scores_save
from thidua.review.models import Assignment, CouncilState, MemberRole, Outcome

D = Decimal


def test_two_thirds_rule(council, entry, tree):
    assert required_votes(council, 3) == 2
    assert required_votes(council, 5) == 4
    assert required_votes(council, 9) == 6
    item = entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    proposal_set(
        actor=None, council=council, registration=item, outcome=Outcome.COMMENDED, reason="Điểm cao"
    )
    failed = decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=1,
        votes_against=2,
        decided_on=datetime.date(2022, 6, 1),
    )
    assert not failed.approved
    council.refresh_from_db()
    assert council.state == CouncilState.CLOSED
    passed = decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=2,
        votes_against=1,
        decided_on=datetime.date(2022, 6, 1),
    )
    assert passed.approved
    assert passed.required == 2
    assert passed.number == 2
    council.refresh_from_db()
    assert council.state == CouncilState.DECIDED
    history = item.transitions.order_by("-id").first()
    assert "khen thưởng" in history.reason
    assert "Điểm cao" in history.reason


def test_quorum_is_enforced(council, tree):
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    with pytest.raises(ValidationError):
        decision_record(
            actor=None,
            council=council,
            present=1,
            votes_for=1,
            votes_against=0,
            decided_on=datetime.date(2022, 6, 1),
        )


def test_units_get_anonymised_comments_when_the_council_shares_them(
    council, entry, tree, make_person
):
    officer = make_person("xa_b", Role.OFFICER, tree.commune_b)
    item = entry(tree.commune_b)
    council.share_comments = True
    council.save()
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    criteria = list(council.plan.criteria.all())
    scores_save(
        actor=None,
        assignment=assignment,
        submit=True,
        scores={c.pk: (D(15), "Cần thêm số liệu" if c.position == 1 else "") for c in criteria},
    )
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    proposal_set(actor=None, council=council, registration=item, outcome=Outcome.RECOGNISED)
    unanimous(council, datetime.date(2022, 6, 1))
    message = officer.notifications.get(message__startswith="Hội đồng").message
    assert "Cần thêm số liệu" in message
    assert "Chủ Tịch" not in message


def _closed(council):
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)


def _vote(council, **changes):
    return decision_record(
        actor=None,
        council=council,
        **{
            "present": 3,
            "votes_for": 3,
            "votes_against": 0,
            "decided_on": datetime.date(2022, 6, 1),
            **changes,
        },
    )


def test_the_meeting_and_who_was_absent_must_add_up(council):
    _closed(council)
    with pytest.raises(ValidationError, match=r"trước giờ bắt đầu"):
        _vote(council, started_at=datetime.time(16), ended_at=datetime.time(14))
    away = seat(council, "thanhvien")
    with pytest.raises(ValidationError):
        _vote(council, present=3, absent=[away])  # 3 present and 1 absent of 3
    with pytest.raises(ValidationError):
        _vote(council, present=2, votes_for=2, absent=[])  # one absent, not named
    other = council_create(actor=None, plan=council.plan, name="Hội đồng khác")
    stranger = member_add(
        actor=None, council=other, person=seat(council, "chutich").person, role=MemberRole.CHAIR
    )
    with pytest.raises(ValidationError):
        _vote(council, present=2, votes_for=2, absent=[stranger])  # not on this council
    decision = _vote(
        council,
        present=2,
        votes_for=2,
        absent=[away],
        started_at=datetime.time(14),
        ended_at=datetime.time(16, 30),
    )
    assert list(decision.absent.all()) == [away]
    assert (decision.started_at, decision.ended_at) == (datetime.time(14), datetime.time(16, 30))


def test_prize_money_is_fixed_once_the_council_has_decided(council):
    _closed(council)
    council_set_award(actor=None, council=council, commendation_amount=500_000)
    council.refresh_from_db()
    assert council.commendation_amount == 500_000
    _vote(council)
    with pytest.raises(ValidationError):
        council_set_award(actor=None, council=council, commendation_amount=1_000_000)
    council.refresh_from_db()
    assert council.commendation_amount == 500_000
