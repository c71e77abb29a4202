"""The decision page (review/views/decisions.py): the chair's proposals and vote, and the
documents the outcomes call for."""

import datetime
import re

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from tests.helpers import login, score_all, seat
from tests.review import crowd
from thidua.review.domain.councils import assign, council_set_state, entries
from thidua.review.domain.decisions import proposal_set
from thidua.review.domain.ranking import standings
from thidua.review.models import Council, CouncilState, Outcome


def test_chair_proposes_and_records_the_vote_through_the_pages(client, council, entry, tree):
    item = entry(tree.commune_b, name="Đề xuất khen")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [18] * 5)
    login(client, "chutich")
    client.post(reverse("review:council_closed", args=[council.pk]))
    url = reverse("review:decision", args=[council.pk])
    client.post(url, {f"outcome_{item.pk}": Outcome.COMMENDED, f"reason_{item.pk}": "Hiệu quả cao"})
    assert council.proposals.get().outcome == Outcome.COMMENDED
    response = client.post(
        url,
        {
            "vote": "1",
            "present": "3",
            "votes_for": "3",
            "votes_against": "0",
            "decided_on": "2022-06-15",
        },
        follow=True,
    )
    assert "Đã thông qua với 3/3" in response.content.decode()
    council.refresh_from_db()
    assert council.state == CouncilState.DECIDED


def _closed_with_a_proposal(council, entry, tree):
    item = entry(tree.commune_b, name="Đề xuất khen")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [18] * 5)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    proposal_set(actor=None, council=council, registration=item, outcome=Outcome.COMMENDED)
    return item


def _vote(**changes):
    return {
        "vote": "1",
        "present": "3",
        "votes_for": "1",
        "votes_against": "2",
        "decided_on": "2022-06-15",
        **changes,
    }


def test_a_failed_vote_says_it_failed_and_may_be_held_again(client, council, entry, tree):
    _closed_with_a_proposal(council, entry, tree)
    login(client, "chutich")
    url = reverse("review:decision", args=[council.pk])
    page = client.post(url, _vote(), follow=True).content.decode()
    with translation.override("vi"):
        failed = _(
            "The vote failed: %(votes)d of %(members)d members voted for the list, "
            "%(required)d were required. The list is not approved; the council may change "
            "its proposals and vote again."
        ) % {"votes": 1, "members": 3, "required": 2}
        done = _("Done.")
    assert escape(failed) in page
    assert done not in page  # nothing claims the list went through
    council.refresh_from_db()
    assert council.state == CouncilState.CLOSED
    # Held again, it passes, and says so.
    page = client.post(url, _vote(votes_for="3", votes_against="0"), follow=True)
    assert "Đã thông qua với 3/3" in page.content.decode()
    assert done not in page.content.decode()


def test_the_chair_records_the_meetings_times_with_the_vote(client, council, entry, tree):
    _closed_with_a_proposal(council, entry, tree)
    login(client, "chutich")
    url = reverse("review:decision", args=[council.pk])
    late = client.post(url, _vote(started_at="16:30", ended_at="14:00"), follow=True)
    assert not hasattr(Council.objects.get(pk=council.pk), "decision")
    with translation.override("vi"):
        assert escape(_("The meeting cannot end before it starts.")) in late.content.decode()
    client.post(url, _vote(votes_for="3", votes_against="0", started_at="14:00", ended_at="16:30"))
    decision = Council.objects.get(pk=council.pk).decision
    assert (decision.started_at, decision.ended_at) == (datetime.time(14), datetime.time(16, 30))


def test_prize_money_is_saved_with_the_proposals_and_kept_when_not_sent(
    client, council, entry, tree
):
    item = _closed_with_a_proposal(council, entry, tree)
    login(client, "chutich")
    url = reverse("review:decision", args=[council.pk])
    client.post(url, {f"outcome_{item.pk}": Outcome.COMMENDED, "commendation_amount": "500.000"})
    council.refresh_from_db()
    assert council.commendation_amount == 500_000
    client.post(url, {f"outcome_{item.pk}": Outcome.COMMENDED})  # a form without the field
    council.refresh_from_db()
    assert council.commendation_amount == 500_000
    client.post(url, {f"outcome_{item.pk}": Outcome.COMMENDED, "commendation_amount": ""})
    council.refresh_from_db()
    assert council.commendation_amount is None


def test_the_decided_page_offers_the_documents_its_outcomes_call_for(client, council, entry, tree):
    _closed_with_a_proposal(council, entry, tree)
    login(client, "chutich")
    url = reverse("review:decision", args=[council.pk])
    closed = client.get(url).content.decode()
    assert "Quyết định (DOCX)" not in closed
    client.post(url, _vote(votes_for="3", votes_against="0"))
    page = client.get(url).content.decode()
    certificates = reverse("review:certificates_docx", args=[council.pk])
    assert reverse("review:decision_docx", args=[council.pk]) in page
    assert f"{certificates}?kind=commendation" in page
    assert f"{certificates}?kind=recognition" not in page  # nothing was recognised
    assert "?part=nomination" not in page  # nor nominated


def test_the_chair_names_the_members_who_did_not_come(client, council, entry, tree):
    _closed_with_a_proposal(council, entry, tree)
    login(client, "chutich")
    url = reverse("review:decision", args=[council.pk])
    away = seat(council, "thanhvien")
    page = client.get(url).content.decode()
    assert f'name="absent" value="{away.pk}"' in page
    unnamed = client.post(url, _vote(present="2", votes_for="2", votes_against="0"))
    assert not hasattr(Council.objects.get(pk=council.pk), "decision")
    with translation.override("vi"):
        error = _(
            "%(present)d present and %(absent)d absent make %(total)d, not the "
            "council's %(members)d members: tick exactly the members who did not come."
        ) % {"present": 2, "absent": 0, "total": 2, "members": 3}
    assert escape(error) in unnamed.content.decode()
    client.post(url, _vote(present="2", votes_for="2", votes_against="0", absent=[away.pk]))
    decision = Council.objects.get(pk=council.pk).decision
    assert list(decision.absent.all()) == [away]


def test_a_nomination_is_offered_as_its_submission_and_no_certificate(client, council, entry, tree):
    item = _closed_with_a_proposal(council, entry, tree)
    proposal_set(actor=None, council=council, registration=item, outcome=Outcome.NOMINATED)
    login(client, "chutich")
    url = reverse("review:decision", args=[council.pk])
    client.post(url, _vote(votes_for="3", votes_against="0"))
    page = client.get(url).content.decode()
    decision = reverse("review:decision_docx", args=[council.pk])
    assert f'href="{decision}"' in page
    assert f'href="{decision}?part=nomination"' in page
    assert reverse("review:certificates_docx", args=[council.pk]) not in page


# --- a large council: the proposals by pages (#13) ----------------------------------------


def test_the_proposals_come_by_pages_and_each_page_saves_its_own(client, council, tree, open_plan):
    """60 scored entries: page 2 holds ranks 51 to 60; saving it keeps the chair on page 2
    and proposes for those entries only; a number of no entry of the council is ignored."""
    crowd.entries(open_plan, crowd.communes(tree.district, 2), 60)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    url = reverse("review:decision", args=[council.pk])
    login(client, "chutich")
    assert "outcome_" not in client.get(url).content.decode()  # nothing before scoring closes
    assign(actor=None, council=council)
    crowd.scored(council)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    page = client.get(url, {"page": 2}).content.decode()
    shown = [int(pk) for pk in re.findall(r'<select id="outcome_(\d+)"', page)]
    order = standings(council, entries(council))
    assert shown == [p.registration_id for p in order[50:60]]
    assert re.findall(r"<legend>(\d+)\. ", page) == [str(n) for n in range(51, 61)]
    sent = {f"outcome_{pk}": Outcome.RECOGNISED for pk in shown} | {"outcome_999999": "commended"}
    response = client.post(f"{url}?page=2", sent)
    assert response["Location"] == f"{url}?page=2"
    assert sorted(council.proposals.values_list("registration_id", flat=True)) == sorted(shown)
