"""A nomination for the national award on its way up: the nominating unit (the district whose
council's decision nominated the entry) prepares the dossier and sends it to the province;
the province endorses it to the national level or returns it; the national level records the
outcome or returns it to the province. Every change of state goes through
``audit.transitions.transition`` and leaves a step on the nomination's history.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.log import person_of, record
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.award.enums import WITH_NOMINATOR, NominationState
from thidua.award.models import Nomination, Step
from thidua.initiatives.models import Registration
from thidua.notify.send import notify, office_of
from thidua.org.models import Unit, UnitLevel
from thidua.plans.domain.numbering import next_number, numbering_rule_for
from thidua.review.enums import CouncilState, Outcome


def nominating_unit(nomination: Nomination) -> Unit:
    """The unit whose council's decision nominated the entry: it prepares the dossier."""
    return nomination.council.plan.unit


def province_of(unit: Unit) -> Unit | None:
    """The province above a district-level (or lower) unit; None for a province."""
    if unit.level <= UnitLevel.PROVINCE:
        return None
    return unit.ancestors().filter(level=UnitLevel.PROVINCE).first()


def national_of(unit: Unit) -> Unit | None:
    """The national unit at the top of the hierarchy."""
    return unit.ancestors().filter(level=UnitLevel.CENTRAL).first()


def holder(nomination: Nomination) -> Unit | None:
    """The unit whose turn it is: the nominating unit, the province or the national level."""
    unit = nominating_unit(nomination)
    if nomination.state in WITH_NOMINATOR:
        return unit
    if nomination.state == NominationState.AT_PROVINCE:
        return province_of(unit)
    return national_of(unit)


def nominated_by(registration: Registration):
    """The decided council that nominated the registration for the national award, if any."""
    proposal = (
        registration.proposals.filter(
            outcome=Outcome.NOMINATED, council__state=CouncilState.DECIDED
        )
        .select_related("council__plan__unit")
        .first()
    )
    return proposal.council if proposal else None


@transaction.atomic
def nomination_prepare(*, actor, registration: Registration) -> Nomination:
    """Open the dossier of a registration its council's decision nominated.
    Side effects: the nomination and its audit entry."""
    council = nominated_by(registration)
    if council is None:
        raise ValidationError(
            _("Only an entry its council's decision nominated for the national award has one.")
        )
    nomination = Nomination(registration=registration, council=council, created_by=person_of(actor))
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:
        raise ValidationError(_("The dossier of this entry has already been opened.")) from None
    record(actor=actor, action=Action.CREATE, instance=nomination, unit=council.plan.unit)
    return nomination


@transaction.atomic
def nomination_update(*, actor, nomination: Nomination, endorsement: str, endorser: str) -> None:
    """The registering unit's endorsement and who signs it, while the dossier is with the
    nominating unit. Side effects: saved, with its audit entry."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.state not in WITH_NOMINATOR:
        raise ValidationError(_("The dossier has been sent: it changes only if it comes back."))
    before = {"endorsement": nomination.endorsement, "endorser": nomination.endorser}
    after = {"endorsement": endorsement, "endorser": endorser}
    if before == after:
        return
    Nomination.objects.filter(pk=nomination.pk).update(**after, updated_at=timezone.now())
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=nomination,
        unit=nominating_unit(nomination),
        before=before,
        after=after,
    )


def _move(
    *, actor, nomination: Nomination, source: str, to: str, note: str = "", changes=None
) -> Nomination:
    """The one way a nomination moves: the conditional transition (a double click moves it
    once), the step on its history, and the office of the unit whose turn it is told."""
    acting = holder(nomination)
    if not transition(
        actor=actor,
        instance=nomination,
        to=to,
        source=source,
        unit=acting,
        changes=changes,
        note=note,
    ):
        raise ValidationError(_("Someone else has just moved this nomination: reload the page."))
    Step.objects.create(
        nomination=nomination,
        from_state=source,
        to_state=to,
        unit=acting,
        actor=person_of(actor),
        at=timezone.now(),
        note=note,
    )
    turn = holder(nomination)
    if to in WITH_NOMINATOR or turn is None:
        turn = nominating_unit(nomination)
    notify(
        people=office_of(turn),
        message=_("Nomination for the national award “%(entry)s”: %(state)s.")
        % {"entry": nomination.registration.name, "state": nomination.get_state_display()},
        url=reverse("award:nomination", args=[nomination.pk]),
    )
    return nomination


@transaction.atomic
def nomination_send(
    *, actor, nomination: Nomination, on: datetime.date | None = None
) -> Nomination:
    """The nominating unit sends the dossier up, to its province (or, for a province, to the
    national level). The cover letter takes the unit's next number the first time.
    Side effects: see ``_move``; the letter's number and date."""
    if nomination.state not in WITH_NOMINATOR:
        raise ValidationError(_("The dossier has already been sent."))
    if not nomination.endorsement.strip():
        raise ValidationError(_("The dossier needs the unit's endorsement before it is sent."))
    unit = nominating_unit(nomination)
    province = province_of(unit)
    if province is None and national_of(unit) is None:
        raise ValidationError(_("There is no level above to send it to."))
    on = on or timezone.localdate()
    changes = {"letter_date": on, "return_reason": ""}
    if nomination.letter_number is None:
        period = numbering_rule_for(unit).period_for(on.year)
        changes |= {"letter_number": next_number(unit=unit, period=period), "letter_period": period}
    to = NominationState.AT_PROVINCE if province else NominationState.AT_NATIONAL
    return _move(
        actor=actor, nomination=nomination, source=nomination.state, to=to, changes=changes
    )


@transaction.atomic
def nomination_endorse(*, actor, nomination: Nomination, note: str = "") -> Nomination:
    """The province endorses the dossier and sends it to the national level."""
    if nomination.state != NominationState.AT_PROVINCE:
        raise ValidationError(
            _("Only a dossier at the province is endorsed to the national level.")
        )
    if national_of(nominating_unit(nomination)) is None:
        raise ValidationError(_("There is no level above to send it to."))
    return _move(
        actor=actor,
        nomination=nomination,
        source=NominationState.AT_PROVINCE,
        to=NominationState.AT_NATIONAL,
        note=note,
    )


@transaction.atomic
def nomination_return(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """The level holding the dossier returns it one level down, saying why: the province to
    the nominating unit, the national level to the province."""
    if not reason.strip():
        raise ValidationError(_("Say why it is returned and what should change."))
    if nomination.state == NominationState.AT_PROVINCE:
        to = NominationState.RETURNED
    elif nomination.state == NominationState.AT_NATIONAL:
        has_province = province_of(nominating_unit(nomination)) is not None
        to = NominationState.AT_PROVINCE if has_province else NominationState.RETURNED
    else:
        raise ValidationError(_("Only a dossier that has been sent up can be returned."))
    return _move(
        actor=actor,
        nomination=nomination,
        source=nomination.state,
        to=to,
        note=reason,
        changes={"return_reason": reason},
    )


@transaction.atomic
def nomination_decide(
    *, actor, nomination: Nomination, awarded: bool, decided_on: datetime.date, note: str = ""
) -> Nomination:
    """The national level's outcome: awarded or not, on which day, by which decision."""
    if nomination.state != NominationState.AT_NATIONAL:
        raise ValidationError(
            _("The outcome is recorded once the dossier is at the national level.")
        )
    if decided_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    if nomination.letter_date and decided_on < nomination.letter_date:
        raise ValidationError(_("The outcome cannot come before the dossier was sent."))
    to = NominationState.AWARDED if awarded else NominationState.NOT_AWARDED
    return _move(
        actor=actor,
        nomination=nomination,
        source=NominationState.AT_NATIONAL,
        to=to,
        note=note,
        changes={"outcome_on": decided_on, "outcome_note": note},
    )
