"""A decided council with honoured entries, built through the domain: shared by the
replication and award tests."""

import datetime

from tests.helpers import score_all
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.domain.decisions import decision_record, proposal_set
from thidua.review.models import CouncilState, Outcome

DECIDED_ON = datetime.date(2022, 5, 20)


def decide(council, items, outcomes, *, decided_on=DECIDED_ON):
    """Score every item (chair and secretary), close, propose ``outcomes``, pass the vote."""
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    for number, item in enumerate(items):
        score_all(council, "chutich", item, [19 - number] * 5)
        score_all(council, "thuky", item, [18 - number] * 5)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    for item, outcome in zip(items, outcomes, strict=True):
        proposal_set(actor=None, council=council, registration=item, outcome=outcome)
    decision_record(
        actor=None, council=council, present=3, votes_for=3, votes_against=0, decided_on=decided_on
    )
    council.refresh_from_db()
    return council


def honoured_entries(council, entry, tree):
    """Ea Bá's model nominated for the national award, Ea Ly's initiative not honoured."""
    model = entry(tree.commune_a, name="Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ")
    other = entry(tree.commune_b, name="Sáng kiến máy tách hạt điều")
    decide(council, [model, other], [Outcome.NOMINATED, Outcome.NONE])
    return model, other
