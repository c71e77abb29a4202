"""Recording events: created as a draft by an officer of the organising unit, published on
the public calendar (and so counted by the unit's results report), cancelled. Its number of
participants is written in after it took place. Every change is audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils.translation import gettext as _

from thidua.audit.edits import add_file, save_over_version
from thidua.audit.log import person_of, record
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.events.enums import EventState
from thidua.events.models import Event, EventPhoto
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Registration
from thidua.org.models import Unit

EDITABLE = (EventState.DRAFT, EventState.PUBLISHED)
FIELDS = {
    "kind", "title", "starts_at", "ends_at", "place", "organiser", "description", "participants",
}  # fmt: skip
SHOWABLE_STATES = (RegistrationState.RECEIVED, RegistrationState.ACCEPTED)


def showable_models(unit: Unit) -> QuerySet:
    """The registrations an event of ``unit`` may show: received ones of its subtree."""
    return Registration.objects.filter(
        unit__path__startswith=unit.path, state__in=SHOWABLE_STATES
    ).select_related("unit")


def _check(fields: dict) -> None:
    starts, ends = fields.get("starts_at"), fields.get("ends_at")
    if starts and ends and ends < starts:
        raise ValidationError({"ends_at": _("The event cannot end before it starts.")})


@transaction.atomic
def event_create(*, actor, unit: Unit, fields: dict, model_ids=()) -> Event:
    unknown = set(fields) - FIELDS
    if unknown:
        raise ValueError(f"Event cannot be created with {sorted(unknown)}")
    _check(fields)
    event = Event.objects.create(unit=unit, created_by=person_of(actor), **fields)
    event.models_shown.set(showable_models(unit).filter(pk__in=list(model_ids)))
    record(actor=actor, action=Action.CREATE, instance=event, unit=unit)
    return event


@transaction.atomic
def event_save(*, actor, event: Event, version: int, fields: dict, model_ids=None) -> Event:
    """Save over the version the person saw (StaleEdit otherwise); refused once cancelled."""
    _check(fields)
    save_over_version(
        actor=actor,
        instance=event,
        version=version,
        fields=fields,
        allowed=FIELDS,
        editable=EDITABLE,
        refused=_("This event was cancelled and can no longer be changed."),
        unit=event.unit,
    )
    if model_ids is not None:
        event.models_shown.set(showable_models(event.unit).filter(pk__in=list(model_ids)))
    return event


def _move(actor, event: Event, target: str, sources: tuple, refused: str) -> Event:
    if event.state == target:
        return event
    if event.state not in sources:
        raise ValidationError(refused)
    transition(
        actor=actor,
        instance=event,
        to=target,
        unit=event.unit,
        changes={"version": F("version") + 1},
    )
    return Event.objects.get(pk=event.pk)


@transaction.atomic
def event_publish(*, actor, event: Event) -> Event:
    """Put the event on the public calendar; from then on the unit's report counts it."""
    return _move(
        actor, event, EventState.PUBLISHED, (EventState.DRAFT,), _("A cancelled event stays so.")
    )


@transaction.atomic
def event_cancel(*, actor, event: Event) -> Event:
    """Take the event off the calendar and out of the report's counts."""
    return _move(
        actor,
        event,
        EventState.CANCELLED,
        (EventState.DRAFT, EventState.PUBLISHED),
        _("This event was already cancelled."),
    )


@transaction.atomic
def event_photo_add(*, actor, event: Event, upload, title: str) -> EventPhoto:
    """A photo of the event (re-encoded: no location survives); audited."""
    if event.state not in EDITABLE:
        raise ValidationError(_("This event was cancelled and can no longer be changed."))
    photo = EventPhoto(event=event, title=title[:200])
    return add_file(actor=actor, row=photo, upload=upload, unit=event.unit, photo=True)
