"""Every change to a registration goes through these functions.

Each validates, saves, records the transition and the audit entry, and tells the
other side. RegistrationState changes are conditional UPDATEs, so a double click or two people
acting at once change the state once.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.log import person_of, record, snapshot
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.core.versions import update_if_current
from thidua.initiatives.models import (
    EDITABLE_STATES,
    Argument,
    Implementer,
    Registration,
    RegistrationState,
    Transition,
)
from thidua.notify.send import notify, office_of
from thidua.org.models import Unit
from thidua.plans.domain.sending import send_to_unit_above
from thidua.plans.models import DeadlineKind, Plan, PlanState

TEXT_FIELDS = {
    "kind",
    "name",
    "lead_name",
    "lead_position",
    "summary",
    "applied_when",
    "applied_where",
    "applied_work",
    "expected_results",
    "income_change",
}
NUMBER_FIELDS = {"households", "area_ha", "cost_vnd"}


def registration_deadline(plan: Plan) -> datetime.datetime | None:
    deadline = plan.deadlines.filter(kind=DeadlineKind.REGISTRATION).first()
    return deadline.due_at if deadline else None


@transaction.atomic
def registration_create(
    *,
    actor,
    plan: Plan,
    unit: Unit,
    kind: str,
    name: str,
    entered_by_office: bool = False,
    proposal=None,
    **fields,
) -> Registration:
    """A draft registration of ``unit`` answering ``plan``; audited."""
    if plan.state != PlanState.ISSUED:
        raise ValidationError(
            _("Registrations are open only for issued plans that are not closed.")
        )
    if not unit.path.startswith(plan.unit.path) or unit.pk == plan.unit_id:
        raise ValidationError(_("This unit is not among the plan's recipients."))
    registration = Registration(
        plan=plan,
        unit=unit,
        kind=kind,
        name=name.strip(),
        entered_by_office=entered_by_office,
        proposal=proposal,
        created_by=person_of(actor),
        **fields,
    )
    registration.full_clean(exclude=["campaigns"])
    registration.save()
    Argument.objects.bulk_create(
        Argument(registration=registration, criterion=criterion)
        for criterion in plan.criteria.all()
    )
    record(actor=actor, action=Action.CREATE, instance=registration, unit=unit)
    return registration


@transaction.atomic
def registration_save(
    *,
    actor,
    registration: Registration,
    version: int,
    fields: dict,
    arguments: dict[int, str] | None = None,
    implementers: list[dict] | None = None,
    campaign_ids: list[int] | None = None,
) -> Registration:
    """Save what the user typed, if nobody saved in between (``version``); audited.

    Raises StaleEdit when the row moved on; ValidationError when it may not be edited.
    """
    editable = editable_states(registration)
    before = full_snapshot(registration)
    update_if_current(
        Registration,
        pk=registration.pk,
        version=version,
        editable=editable,
        fields=fields,
        allowed=TEXT_FIELDS | NUMBER_FIELDS | {"lead", "lead_consent"},
        refused=_("This registration can no longer be changed."),
    )
    registration.refresh_from_db()
    # What did not change is not written again: a form sends every field each time.
    if arguments is not None:
        for argument in registration.arguments.all():
            text = arguments.get(argument.criterion_id, argument.text)
            if text != before["arguments"].get(argument.criterion_id):
                argument.text = text
                argument.save(update_fields=["text"])
    if implementers is not None and implementers != before["implementers"]:
        registration.implementers.all().delete()
        Implementer.objects.bulk_create(
            Implementer.of(registration=registration, position=i, **row)
            for i, row in enumerate(implementers, start=1)
        )
    if campaign_ids is not None:
        registration.campaigns.set(registration.plan.campaigns.filter(pk__in=campaign_ids))
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=registration,
        unit=registration.unit,
        before=before,
        after=full_snapshot(registration),
    )
    return registration


def editable_states(registration: Registration) -> tuple:
    # A paper form entered by the office stays correctable by the commune until received.
    if registration.entered_by_office:
        return (*EDITABLE_STATES, RegistrationState.SUBMITTED)
    return EDITABLE_STATES


def full_snapshot(registration: Registration) -> dict:
    data = snapshot(registration)
    data["arguments"] = {a.criterion_id: a.text for a in registration.arguments.all()}
    data["implementers"] = list(registration.implementers.values("name", "position_unit", "role"))
    data.pop("version", None)
    data.pop("updated_at", None)
    return data


def missing_for_submission(registration: Registration) -> dict[str, str]:
    """Field → message for everything the plan requires before a registration is sent."""
    missing = {}
    required = {
        "name": _("Give the name of the model, initiative or idea."),
        "summary": _("Write a short description."),
        "applied_where": _("Say where it is applied."),
        "expected_results": _("Describe the expected results."),
    }
    for field, message in required.items():
        if not getattr(registration, field).strip():
            missing[field] = message
    if registration.lead_id is None and not registration.lead_name.strip():
        missing["lead_name"] = _("Name the lead person.")
    for argument in registration.arguments.select_related("criterion"):
        if not argument.text.strip():
            missing[f"arg_{argument.criterion_id}"] = _("Argue the criterion “%(name)s”.") % {
                "name": argument.criterion.name
            }
    return missing


@transaction.atomic
def registration_submit(
    *, actor, registration: Registration, sent_on: datetime.date | None = None
) -> Registration:
    """Send to the unit above. After the deadline the plan decides: refuse, or mark late.

    ``sent_on`` is the date of a paper form entered by the office; lateness is judged by it.
    Submitting twice (a double click) changes nothing the second time.
    """
    registration = Registration.objects.select_related("plan", "unit").get(pk=registration.pk)
    if registration.state == RegistrationState.SUBMITTED and not registration.entered_by_office:
        return registration
    if registration.plan.state != PlanState.ISSUED:
        raise ValidationError(
            _("Registrations are open only for issued plans that are not closed.")
        )
    if registration.state not in editable_states(registration):
        raise ValidationError(_("This registration was already sent."))
    missing = missing_for_submission(registration)
    if missing:
        raise ValidationError(missing)
    now = timezone.now()
    sent_at = (
        timezone.make_aware(datetime.datetime.combine(sent_on, datetime.time(12)))
        if (sent_on and registration.entered_by_office)
        else now
    )
    due = registration_deadline(registration.plan)
    source = registration.state
    late = send_to_unit_above(
        actor=actor,
        instance=registration,
        to=RegistrationState.SUBMITTED,
        plan=registration.plan,
        sent_at=sent_at,
        due=due,
        refused=_(
            "The registration deadline (%(due)s) has passed: "
            "this plan accepts no late registrations."
        )
        % {"due": timezone.localtime(due).strftime("%d/%m/%Y") if due else ""},
        where={"version": registration.version},
    )
    if late is None:
        return Registration.objects.get(pk=registration.pk)  # someone else just sent it
    return _after_transition(
        actor,
        registration,
        source,
        RegistrationState.SUBMITTED,
        late=late,
        people=office_of(registration.unit.parent) if registration.unit.parent else [],
        message=_("%(unit)s sent the registration “%(name)s”.")
        % {"unit": registration.unit.full_name, "name": registration.name},
    )


@transaction.atomic
def registration_receive(*, actor, registration: Registration) -> Registration:
    return _review(
        actor, registration, (RegistrationState.SUBMITTED,), RegistrationState.RECEIVED, reason=""
    )


@transaction.atomic
def registration_return(*, actor, registration: Registration, reason: str) -> Registration:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the registration is returned.")})
    return _review(
        actor,
        registration,
        (RegistrationState.SUBMITTED, RegistrationState.RECEIVED),
        RegistrationState.RETURNED,
        reason,
    )


@transaction.atomic
def registration_accept(*, actor, registration: Registration) -> Registration:
    return _review(
        actor, registration, (RegistrationState.RECEIVED,), RegistrationState.ACCEPTED, reason=""
    )


def _review(actor, registration, allowed, target, reason) -> Registration:
    registration = Registration.objects.select_related("unit").get(pk=registration.pk)
    if registration.state == target:
        return registration  # already done (a double click)
    if registration.state not in allowed:
        raise ValidationError(
            _("A registration that is “%(state)s” cannot be %(action)s.")
            % {"state": registration.get_state_display(), "action": RegistrationState(target).label}
        )
    changes = {"version": F("version") + 1}
    if target == RegistrationState.RETURNED:
        changes["return_reason"] = reason.strip()
    source = registration.state
    if not transition(
        actor=actor,
        instance=registration,
        to=target,
        unit=registration.unit,
        changes=changes,
        after={"reason": reason.strip()} if reason.strip() else None,
    ):
        return Registration.objects.get(pk=registration.pk)
    messages = {
        RegistrationState.RECEIVED: _("The unit above received your registration “%(name)s”."),
        RegistrationState.RETURNED: _("Your registration “%(name)s” was returned: %(reason)s"),
        RegistrationState.ACCEPTED: _("Your registration “%(name)s” was accepted."),
    }
    return _after_transition(
        actor,
        registration,
        source,
        target,
        reason=reason,
        people=office_of(registration.unit),
        message=messages[target] % {"name": registration.name, "reason": reason.strip()},
    )


def registration_note(*, actor, registration: Registration, text: str) -> None:
    """A line in the registration's history that does not change its state (a council's
    outcome, say), seen by the unit on the registration's page."""
    history_add(registration, registration.state, registration.state, actor=actor, reason=text)


def history_add(registration, source, target, *, actor, reason="", late=False) -> None:
    """One line of the registration's history, as its page shows it (the audit log has its
    own entry, written by ``transition``)."""
    Transition.objects.create(
        registration=registration,
        from_state=source,
        to_state=target,
        actor=person_of(actor),
        at=timezone.now(),
        reason=reason,
        is_late=late,
    )


def _after_transition(
    actor, registration, source, target, *, people, message, late=False, reason=""
):
    history_add(registration, source, target, actor=actor, reason=reason, late=late)
    url = reverse("initiatives:registration_detail", args=[registration.pk])
    notify(people=[p for p in people if p != actor], message=message, url=url)
    return Registration.objects.get(pk=registration.pk)
