"""Publishing honoured models on the public showcase, and the example of the month.

Only a registration the council honoured (recognised, commended or nominated, in a decided
council) is published, by an officer of the unit whose plan it answered; withdrawing takes
it off every public page at once."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.log import person_of, record, snapshot
from thidua.audit.models import Action
from thidua.initiatives.models import Registration
from thidua.org.models import Unit
from thidua.review.enums import CouncilState, Outcome
from thidua.review.models import Proposal
from thidua.showcase.enums import PublicationState, Sector
from thidua.showcase.models import Highlight, Publication

HONOURED = (Outcome.RECOGNISED, Outcome.COMMENDED, Outcome.NOMINATED)


def honours(registrations: QuerySet) -> QuerySet:
    """The final honours of ``registrations``: proposals of decided councils, honoured."""
    return Proposal.objects.filter(
        registration__in=registrations,
        outcome__in=HONOURED,
        council__state=CouncilState.DECIDED,
    ).select_related("council__decision", "registration__unit")


def honour_of(registration: Registration) -> Proposal | None:
    return honours(Registration.objects.filter(pk=registration.pk)).order_by("-pk").first()


@transaction.atomic
def publication_publish(*, actor, registration: Registration, sector: str) -> Publication:
    """Publish ``registration`` (again, after a withdrawal) under ``sector``; audited.
    ValidationError when the council did not honour it."""
    if sector not in Sector.values:
        raise ValidationError({"sector": _("Choose a sector.")})
    honour = honour_of(registration)
    if honour is None:
        raise ValidationError(
            _("Only a model or initiative the council honoured can be published.")
        )
    publication = Publication.objects.filter(registration=registration).first()
    before = snapshot(publication) if publication else None
    values = {
        "sector": sector,
        "outcome": honour.outcome,
        "decided_on": honour.council.decision.decided_on,
        "state": PublicationState.PUBLISHED,
        "published_by": person_of(actor),
        "published_at": timezone.now(),
    }
    publication, created = Publication.objects.update_or_create(
        registration=registration, defaults=values
    )
    record(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        instance=publication,
        unit=registration.plan.unit,
        before=before,
    )
    return publication


@transaction.atomic
def publication_withdraw(*, actor, publication: Publication) -> Publication:
    """Take the model off the public pages (its stories stay, without it); audited."""
    if publication.state == PublicationState.WITHDRAWN:
        return publication
    before = snapshot(publication)
    publication.state = PublicationState.WITHDRAWN
    publication.save(update_fields=["state"])
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=publication,
        unit=publication.registration.plan.unit,
        before=before,
    )
    return publication


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


@transaction.atomic
def highlight_choose(
    *, actor, unit: Unit, month: datetime.date, publication: Publication, note: str = ""
) -> Highlight:
    """Make ``publication`` the unit's example of ``month`` (replacing the one chosen
    before); audited. It must be published and answer a plan of the unit or below it."""
    if publication.state != PublicationState.PUBLISHED:
        raise ValidationError(_("Choose a published model."))
    if not publication.registration.unit.path.startswith(unit.path):
        raise ValidationError(_("Choose a model of your unit or of the units under it."))
    highlight, created = Highlight.objects.update_or_create(
        unit=unit,
        month=first_of_month(month),
        defaults={"publication": publication, "note": note, "chosen_by": person_of(actor)},
    )
    record(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        instance=highlight,
        unit=unit,
    )
    return highlight
