"""The council's vote on the proposed list, and its outcomes going back to the units."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.audit.log import person_of, record
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.initiatives.domain.registrations import registration_note
from thidua.initiatives.models import Registration
from thidua.notify.send import notify, office_of
from thidua.plans.domain.numbering import next_number, numbering_rule_for
from thidua.review.domain.councils import required_votes
from thidua.review.models import (
    AssignmentState,
    Council,
    CouncilMember,
    CouncilState,
    Decision,
    Proposal,
    Score,
)


@transaction.atomic
def proposal_set(
    *, actor, council: Council, registration: Registration, outcome: str, reason: str = ""
):
    if council.state != CouncilState.CLOSED:
        raise ValidationError(_("Propose outcomes after scoring is closed and before the vote."))
    proposal, _created = Proposal.objects.update_or_create(
        council=council, registration=registration, defaults={"outcome": outcome, "reason": reason}
    )
    record(actor=actor, action=Action.UPDATE, instance=proposal, unit=registration.unit)


@transaction.atomic
def council_set_award(*, actor, council: Council, commendation_amount: int | None) -> None:
    """What a commendation gives besides the certificate of merit: the prize money per
    commended registration (None: nothing). Fixed once the council has decided."""
    council = Council.objects.select_for_update().get(pk=council.pk)
    if council.state == CouncilState.DECIDED:
        raise ValidationError(_("The council has decided: nothing can change now."))
    if commendation_amount is not None and commendation_amount < 0:
        raise ValidationError(_("The prize money cannot be negative."))
    before = council.commendation_amount
    if before == commendation_amount:
        return
    council.commendation_amount = commendation_amount
    council.save(update_fields=["commendation_amount"])
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=council,
        unit=council.plan.unit,
        before={"commendation_amount": before},
        after={"commendation_amount": commendation_amount},
    )


@transaction.atomic
def decision_record(
    *,
    actor,
    council: Council,
    present: int,
    votes_for: int,
    votes_against: int,
    decided_on: datetime.date,
    started_at: datetime.time | None = None,
    ended_at: datetime.time | None = None,
    absent: list[CouncilMember] | None = None,
) -> Decision:
    """Record the vote, when the meeting that held it started and ended and who did not
    come (None: not known). It passes with at least the council's share (2/3) of ALL
    members; when it passes the outcomes reach the registrations and their units."""
    council = Council.objects.select_for_update().get(pk=council.pk)
    if council.state != CouncilState.CLOSED:
        raise ValidationError(_("The vote comes after scoring is closed, once."))
    if started_at is not None and ended_at is not None and ended_at < started_at:
        raise ValidationError(_("The meeting cannot end before it starts."))
    members = council.members.count()
    quorum = min(council.quorum or required_votes(council, members), members)
    if not 0 <= votes_for + votes_against <= present <= members:
        raise ValidationError(_("The counts do not add up: votes ≤ members present ≤ members."))
    if present < quorum:
        raise ValidationError(
            _("Only %(present)d of %(members)d members are present; the quorum is %(quorum)d.")
            % {"present": present, "members": members, "quorum": quorum}
        )
    if absent is not None:
        seats = set(council.members.values_list("pk", flat=True))
        away = {member.pk for member in absent}
        if not away <= seats or present != members - len(away):
            raise ValidationError(
                _(
                    "The members present and the members absent do not add up: "
                    "%(present)d present and %(absent)d absent of %(members)d."
                )
                % {"present": present, "absent": len(away), "members": members}
            )
    required = required_votes(council, members)
    approved = votes_for >= required
    rule = numbering_rule_for(council.plan.unit)
    decision = Decision(
        council=council,
        members=members,
        present=present,
        votes_for=votes_for,
        votes_against=votes_against,
        required=required,
        approved=approved,
        decided_on=decided_on,
        started_at=started_at,
        ended_at=ended_at,
        recorded_by=person_of(actor),
    )
    vote = {"votes_for": votes_for, "members": members, "required": required, "approved": approved}
    if not approved:  # logged; the council stays closed and may vote again
        record(
            actor=actor,
            action=Action.UPDATE,
            instance=council,
            unit=council.plan.unit,
            after=vote,
            note=_("The vote failed."),
        )
        return decision
    decision.number_period = rule.period_for(decided_on.year)
    decision.number = next_number(unit=council.plan.unit, period=decision.number_period)
    decision.save()
    if absent:
        decision.absent.set(absent)
    transition(
        actor=actor,
        instance=council,
        to=CouncilState.DECIDED,
        source=CouncilState.CLOSED,
        unit=council.plan.unit,
        after=vote,
    )
    _announce(actor, council)
    return decision


def _announce(actor, council: Council) -> None:
    comments = _comments(council) if council.share_comments else {}
    for proposal in council.proposals.select_related("registration__unit"):
        registration = proposal.registration
        text = _("Council “%(council)s”: %(outcome)s.") % {
            "council": council.name,
            "outcome": proposal.get_outcome_display(),
        }
        if proposal.reason:
            text += " " + proposal.reason
        if comments.get(registration.pk):
            text += " " + _("Comments: ") + " | ".join(comments[registration.pk])
        registration_note(actor=actor, registration=registration, text=text)
        notify(
            people=office_of(registration.unit),
            message=text[:500],
            url=reverse("initiatives:registration_detail", args=[registration.pk]),
        )


def _comments(council: Council) -> dict[int, list[str]]:
    """The scorers' comments without their names."""
    found: dict[int, list[str]] = {}
    rows = Score.objects.filter(
        assignment__member__council=council, assignment__state=AssignmentState.SUBMITTED
    )
    for registration_id, comment in rows.exclude(comment="").values_list(
        "assignment__registration_id", "comment"
    ):
        found.setdefault(registration_id, []).append(comment)
    return found
