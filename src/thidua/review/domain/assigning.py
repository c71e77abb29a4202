"""Assigning a council's entries in the background: the chair's request, the run a worker
carries out with its progress, and what the council page and the run's page read."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.log import person_of, record
from thidua.audit.models import Action
from thidua.review.domain.councils import assign, require_setup_or_scoring
from thidua.review.models import AssignmentRun, Council, RunState
from thidua.review.models.runs import ACTIVE

# A run that has said nothing for this long stopped with its worker: it no longer blocks.
STALE = datetime.timedelta(minutes=15)


def assignment_request(*, actor, council: Council, per_registration: int | None) -> AssignmentRun:
    """Record the chair's request to assign ``council``'s entries (``per_registration``
    members to each, every member when None), for ``review/tasks.py: assignment_start`` to
    queue. One run at a time per council; refused while scoring is closed."""
    require_setup_or_scoring(council)
    AssignmentRun.objects.filter(
        council=council, state__in=ACTIVE, updated_at__lt=timezone.now() - STALE
    ).update(
        state=RunState.FAILED,
        error=_("The assignment stopped without finishing."),
        finished_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            run = AssignmentRun.objects.create(
                council=council, requested_by=person_of(actor), per_registration=per_registration
            )
    except IntegrityError:
        raise ValidationError(
            _("An assignment of this council is already under way: wait for it to finish.")
        ) from None
    record(
        actor=actor,
        action=Action.CREATE,
        instance=run,
        unit=council.plan.unit,
        after={"per_registration": per_registration},
    )
    return run


def assignment_run(*, run_id: int) -> int:
    """Carry out the run ``run_id`` (the task's work): its progress written as it goes, then
    the scoresheets made, or the reason it failed. Returns how many were made. A run found
    running is run again: its task runs twice only when its worker died in the middle (the
    next worker of that name takes it back), and assigning keeps the pairs already made, so
    the run finishes instead of saying "running" for good. A finished run is left alone."""
    claimed = AssignmentRun.objects.filter(pk=run_id, state__in=ACTIVE).update(
        state=RunState.RUNNING, updated_at=timezone.now()
    )
    if not claimed:
        return 0
    run = AssignmentRun.objects.select_related("council__plan__unit", "requested_by").get(pk=run_id)

    def progress(done: int, total: int) -> None:
        AssignmentRun.objects.filter(pk=run_id).update(
            done=done, total=total, updated_at=timezone.now()
        )

    try:
        made = assign(
            actor=run.requested_by,
            council=run.council,
            per_registration=run.per_registration,
            progress=progress,
        )
    except ValidationError as error:
        _finish(run_id, state=RunState.FAILED, error=" ".join(error.messages)[:500])
        return 0
    except Exception:
        _finish(run_id, state=RunState.FAILED, error=_("The assignment failed: nothing changed."))
        raise
    _finish(run_id, state=RunState.DONE, assigned=made)
    return made


def _finish(run_id: int, **fields) -> None:
    now = timezone.now()
    AssignmentRun.objects.filter(pk=run_id).update(finished_at=now, updated_at=now, **fields)


def assignment_run_latest(council: Council) -> AssignmentRun | None:
    """The council's latest assignment run, for the council page."""
    return council.assignment_runs.first()
