"""Sending a unit's work to the unit above: a registration, a results report.

Both are sent the same way: on time or late against the plan's deadline, refused when the
plan accepts nothing late, and stamped with when they were sent (the first time is kept).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import F, Model

from thidua.audit.transitions import transition
from thidua.plans.enums import LatePolicy
from thidua.plans.models import Plan


def send_to_unit_above(
    *,
    actor,
    instance: Model,
    to: str,
    plan: Plan,
    sent_at: datetime.datetime,
    due: datetime.datetime | None,
    refused: str,
    where: dict | None = None,
) -> bool | None:
    """Move ``instance`` to the sent state ``to``. Raises ValidationError(``refused``) when
    it comes after ``due`` and the plan blocks late work. Returns whether it was late, or
    None when someone else sent or changed it meanwhile (nothing is written then)."""
    late = due is not None and sent_at > due
    if late and plan.late_registrations == LatePolicy.BLOCK:
        raise ValidationError(refused)
    changed = transition(
        actor=actor,
        instance=instance,
        to=to,
        unit=instance.unit,
        where=where,
        changes={
            "submitted_at": sent_at,
            "first_submitted_at": instance.first_submitted_at or sent_at,
            "is_late": instance.is_late or late,
            "version": F("version") + 1,
        },
        after={"late": late},
    )
    return late if changed else None
