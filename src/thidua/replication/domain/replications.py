"""Recording replications: a unit adopts a recognised model, later says what came of it.

A model may be replicated once its council's decision honoured it (recognised, commended or
nominated for the national award): the district has said it is worth spreading.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.log import record, snapshot
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.initiatives.models import Registration
from thidua.notify.send import notify, office_of
from thidua.org.models import Unit, UnitLevel
from thidua.replication.enums import ReplicationState
from thidua.replication.models import Replication
from thidua.review.enums import CouncilState, Outcome

# The outcomes that say a model is worth spreading.
HONOURED = (Outcome.RECOGNISED, Outcome.COMMENDED, Outcome.NOMINATED)


def recognised() -> QuerySet:
    """The registrations a decided council honoured: the models that may be replicated."""
    return Registration.objects.filter(
        proposals__outcome__in=HONOURED, proposals__council__state=CouncilState.DECIDED
    ).distinct()


def recognised_on(registration: Registration) -> datetime.date | None:
    """The day the council's decision honoured it; None when it has not."""
    dates = registration.proposals.filter(
        outcome__in=HONOURED, council__state=CouncilState.DECIDED
    ).values_list("council__decision__decided_on", flat=True)
    return min((d for d in dates if d is not None), default=None)


def _check_where(*, registration: Registration, unit: Unit, branches: list[Unit]) -> None:
    if unit.level != UnitLevel.COMMUNE:
        raise ValidationError(_("A model is replicated by a commune-level unit."))
    if unit.pk == registration.unit_id:
        raise ValidationError(_("A unit does not replicate its own model."))
    if any(branch.parent_id != unit.pk for branch in branches):
        raise ValidationError(_("The branches must be the unit's own."))


def _check_dates(started_on: datetime.date, later: datetime.date | None = None) -> None:
    today = timezone.localdate()
    if started_on > today or (later is not None and later > today):
        raise ValidationError(_("The date cannot be in the future."))


@transaction.atomic
def replication_adopt(
    *,
    actor,
    registration: Registration,
    unit: Unit,
    started_on: datetime.date,
    households: int,
    branches: list[Unit] | None = None,
    scale: str = "",
    adjustments: str = "",
) -> Replication:
    """Record that ``unit`` applies the model from ``started_on``, where (its branches), with
    how many households, at what scale, and what it adjusted.
    Side effects: the replication and its audit entry; the office of the unit that
    recognised the model is told."""
    branches = list(branches or [])
    decided_on = recognised_on(registration)
    if decided_on is None:
        raise ValidationError(_("Only a model that a council's decision honoured is replicated."))
    _check_where(registration=registration, unit=unit, branches=branches)
    _check_dates(started_on)
    if households < 1:
        raise ValidationError(_("At least one household takes part."))
    replication = Replication(
        registration=registration,
        unit=unit,
        started_on=started_on,
        households=households,
        scale=scale,
        adjustments=adjustments,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            replication.save()
    except IntegrityError:
        raise ValidationError(
            _("%(unit)s has already recorded that it replicates this model.")
            % {"unit": unit.full_name}
        ) from None
    replication.branches.set(branches)
    record(
        actor=actor,
        action=Action.CREATE,
        instance=replication,
        unit=unit,
        after={**snapshot(replication), "branches": [b.pk for b in branches]},
    )
    recogniser = registration.plan.unit
    notify(
        people=office_of(recogniser),
        message=_("%(unit)s replicates the model “%(model)s”.")
        % {"unit": unit.full_name, "model": registration.name},
        url=reverse("replication:model", args=[registration.pk]),
    )
    return replication


@transaction.atomic
def replication_report(
    *,
    actor,
    replication: Replication,
    results: str,
    results_on: datetime.date,
    households: int | None = None,
    stopped: bool = False,
    stop_reason: str = "",
) -> Replication:
    """Record what came of the replication as of ``results_on``: its results and the
    households taking part now, or that it stopped and why. Recorded again as it goes on.
    Side effects: the fields saved; a change of state through ``transition`` (its audit
    entry), otherwise an audit entry of the change."""
    replication = Replication.objects.select_for_update().get(pk=replication.pk)
    _check_dates(replication.started_on, results_on)
    if results_on < replication.started_on:
        raise ValidationError(_("The results cannot come before the model was applied."))
    if stopped and not stop_reason.strip():
        raise ValidationError(_("Say why it stopped."))
    if not stopped and not results.strip():
        raise ValidationError(_("Describe the results."))
    before = snapshot(replication)
    replication.results = results
    replication.results_on = results_on
    replication.results_households = households
    replication.stop_reason = stop_reason if stopped else ""
    fields = ["results", "results_on", "results_households", "stop_reason", "updated_at"]
    replication.save(update_fields=fields)
    to = ReplicationState.STOPPED if stopped else ReplicationState.EFFECTIVE
    after = {name: snapshot(replication)[name] for name in fields[:-1]}
    if replication.state != to:
        transition(actor=actor, instance=replication, to=to, unit=replication.unit, after=after)
    else:
        record(
            actor=actor,
            action=Action.UPDATE,
            instance=replication,
            unit=replication.unit,
            before={name: before[name] for name in after},
            after=after,
        )
    return replication
