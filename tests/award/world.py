"""The national award's and replication's part of the page tests' story
(``tests/pages/world.py``), for the rows of ``tests/test_every_url.py``: a second council of
the plan nominates the goat model of Ea Bá for the national award; Ea Ly replicates it; the
district opens the nomination's dossier. Each part is built once per world, on first use."""

import datetime

from tests.helpers import unanimous
from tests.pages.world import closed_council
from thidua.award.domain.nominations import (
    nomination_endorse,
    nomination_prepare,
    nomination_send,
    nomination_update,
)
from thidua.award.enums import NominationState
from thidua.award.models import Nomination
from thidua.replication.domain.replications import replication_adopt
from thidua.replication.models import Replication
from thidua.review.domain.decisions import proposal_set
from thidua.review.models import Outcome

COUNCIL = "Hội đồng xét đề nghị giải thưởng"


def nominated(w):
    """The goat model, nominated for the national award by a council of its own."""
    goat = w.goat
    if not goat.proposals.filter(outcome=Outcome.NOMINATED).exists():
        w.sheller  # noqa: B018 (both entries are in)
        council = closed_council(w.plan, w.who, COUNCIL)
        proposal_set(actor=None, council=council, registration=goat, outcome=Outcome.NOMINATED)
        proposal_set(actor=None, council=council, registration=w.sheller, outcome=Outcome.NONE)
        unanimous(council)
    return goat


def replication_of(w) -> Replication:
    """Ea Ly replicates the goat model."""
    goat = nominated(w)
    found = Replication.objects.filter(registration=goat, unit=w.tree.commune_b).first()
    return found or replication_adopt(
        actor=None,
        registration=goat,
        unit=w.tree.commune_b,
        started_on=datetime.date(2022, 9, 1),
        households=12,
    )


def nomination_of(w, *, sent=False, endorsed=False) -> Nomination:
    """The goat model's dossier, opened by the district (then sent, then endorsed)."""
    goat = nominated(w)
    nomination = Nomination.objects.filter(registration=goat).first()
    if nomination is None:
        nomination = nomination_prepare(actor=None, registration=goat)
        nomination_update(
            actor=None, nomination=nomination, endorsement="Xác nhận.", endorser="Chủ tịch xã"
        )
        nomination.refresh_from_db()
    if sent and nomination.state == NominationState.PREPARING:
        nomination_send(actor=None, nomination=nomination, on=datetime.date(2022, 6, 5))
    if endorsed and nomination.state == NominationState.AT_PROVINCE:
        nomination_endorse(actor=None, nomination=nomination)
    return nomination
