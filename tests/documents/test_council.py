"""The council's members, criteria and vote as the minutes record them."""

from decimal import Decimal

import pytest

from tests.documents.samples import VOTE, VOTE_TEXT
from thidua.documents.council import Criterion, Member, Vote


def test_vote_shares_and_threshold():
    assert VOTE.text == VOTE_TEXT
    assert VOTE.required == 4
    short = Vote(members=5, present=5, votes_for=3, votes_against=2)
    assert not short.approved
    assert short.text.endswith("tỷ lệ đồng ý 60% < 2/3: không thông qua.")
    two_thirds = Vote(members=6, present=5, votes_for=4, votes_against=0)
    assert two_thirds.approved
    assert two_thirds.text == (
        "Số thành viên có mặt: 5/6; đồng ý: 4; không đồng ý: 0; không biểu quyết: 1; "
        "tỷ lệ đồng ý 66,7% ≥ 2/3: thông qua."
    )
    with pytest.raises(ValueError, match="more votes"):
        Vote(members=5, present=4, votes_for=4, votes_against=1)


def test_vote_validation_and_another_share():
    with pytest.raises(ValueError, match="between 1 and the council"):
        Vote(members=5, present=0, votes_for=0, votes_against=0)
    with pytest.raises(ValueError, match="negative"):
        Vote(members=5, present=5, votes_for=-1, votes_against=0)
    with pytest.raises(ValueError, match="fraction"):
        Vote(members=5, present=5, votes_for=3, votes_against=0, numerator=4, denominator=3)
    half = Vote(members=7, present=6, votes_for=4, votes_against=2, numerator=1, denominator=2)
    assert half.required == 4
    assert half.approved
    assert half.share == "57,1%"
    assert half.text.endswith("tỷ lệ đồng ý 57,1% ≥ 1/2: thông qua.")


def test_criterion_heading_and_member_roles():
    assert Criterion(name="Tính mới", max_points=20).heading == "Tính mới\n(20)"
    short = Criterion(name="Khả năng nhân rộng", short="Nhân rộng", max_points=Decimal("12.50"))
    assert short.heading == "Nhân rộng\n(12,5)"
    assert Member(name="Lê Thị Hồng", role="vice_chair").present
    with pytest.raises(ValueError, match="unknown council role 'president'"):
        Member(name="X", role="president")
