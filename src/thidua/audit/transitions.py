"""Changing a workflow state, the one way: a conditional UPDATE, then the audit entry.

``UPDATE … SET state = to WHERE pk = … AND state = from`` changes the row only if nobody
changed it in between: a double click, two officers at once or a retried request change
the state once, and only the call that changed it writes the audit entry (and sends what
follows). Every workflow in the apps goes through ``transition``.
"""

from django.db import models

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.core.signals import rows_changed


def transition(
    *,
    actor,
    instance: models.Model,
    to: str,
    unit,
    source: str | None = None,
    where: dict | None = None,
    changes: dict | None = None,
    after: dict | None = None,
    note: str = "",
) -> bool:
    """Move ``instance`` from ``source`` (default: its current state) to ``to``.

    ``where``: more conditions the row must still meet (e.g. the version the user saw).
    ``changes``: other columns set in the same UPDATE (values or F() expressions).
    ``after``: more to write in the audit entry beside the new state.
    Returns False, changing and writing nothing, when the row was no longer in ``source``.
    Side effects: one UPDATE, one audit entry; ``instance.state`` is set to ``to``.
    """
    source = instance.state if source is None else source
    changes = changes or {}
    rows = type(instance).objects.filter(pk=instance.pk, state=source, **(where or {}))
    if not rows.update(state=to, **changes):
        return False
    instance.state = to
    rows_changed.send(
        sender=type(instance), pks=[instance.pk], fields=frozenset({"state", *changes})
    )
    for name, value in changes.items():
        if not isinstance(value, models.expressions.Combinable):
            setattr(instance, name, value)
    record(
        actor=actor,
        action=Action.TRANSITION,
        instance=instance,
        unit=unit,
        before={"state": source},
        after={"state": to, **(after or {})},
        note=note,
    )
    return True
