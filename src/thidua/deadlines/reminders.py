"""Reminders of deadlines to the units in scope that have not acted yet.

Each reminder is its own transaction: the claim row and the in-app notifications commit
together, e-mails follow the commit. A crash between two reminders loses nothing (the next
run sends the rest) and duplicates nothing (the claims are unique).
"""

import datetime
from collections.abc import Collection

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.deadlines.models import Reminder
from thidua.initiatives.domain.compliance import compliance
from thidua.notify.send import notify, office_of
from thidua.org.models import Unit
from thidua.plans.domain.cascade import cascade
from thidua.plans.enums import ChildPlanState
from thidua.plans.models import Deadline, DeadlineKind, PlanState
from thidua.results.domain.rollup import reporting_rows, reporting_rows_of
from thidua.results.enums import Reporting

CATCH_UP = datetime.timedelta(days=2)  # a worker that was down a day still sends


def pending_units(deadline: Deadline, *, among: Collection[Unit] | None = None) -> list[Unit]:
    """The units the deadline concerns that have not done what is due; ``among``: of these
    units only, read for them alone (a commune's to-do under a national plan)."""
    plan = deadline.plan
    if deadline.kind == DeadlineKind.CHILD_PLAN:  # the plan's recipients: a few dozen
        wanted = None if among is None else {unit.pk for unit in among}
        return [
            row.unit
            for row in cascade(plan)
            if row.state in (ChildPlanState.MISSING, ChildPlanState.DRAFT)
            and (wanted is None or row.unit.pk in wanted)
        ]
    if deadline.kind == DeadlineKind.REGISTRATION:
        return [row.unit for row in compliance(plan, units=among).rows if row.owes]
    if deadline.kind == DeadlineKind.REPORT:
        # the units reporting to the plan's issuer (its own report goes further up)
        rows = reporting_rows(plan) if among is None else reporting_rows_of(plan, among).values()
        return [
            row.unit
            for row in rows
            if row.state == Reporting.MISSING and row.place.pk != plan.unit_id
        ]
    return []


def due_offsets(deadline: Deadline, now: datetime.datetime, offsets: list[int]) -> list[int]:
    """The offsets whose moment (deadline − days) has come and is not older than CATCH_UP."""
    due = []
    for days in offsets:
        moment = deadline.due_at - datetime.timedelta(days=days)
        if moment <= now < moment + CATCH_UP:
            due.append(days)
    return due


def remind(*, deadline: Deadline, unit: Unit, offset_days: int, actor=None) -> Reminder | None:
    """Send one reminder to the unit's office; None when this automatic reminder was already
    sent. The reminder's ``recipients`` says how many people got it (0: nobody to tell)."""
    manual = actor is not None
    people = office_of(unit)
    with transaction.atomic():
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(
                    deadline=deadline,
                    unit=unit,
                    offset_days=offset_days,
                    manual=manual,
                    sent_by=actor,
                    recipients=len(people),
                )
        except IntegrityError:
            return None
        notify(people=people, message=_message(deadline), url=_url(deadline))
    return reminder


def send_due_reminders(*, now: datetime.datetime | None = None, limit: int | None = None) -> int:
    """Send every reminder that is due; at most ``limit`` in this run. Returns how many."""
    now = now or timezone.now()
    offsets = settings.REMINDER_OFFSETS
    # Deadlines whose reminder moments (due − days) can fall in [now − CATCH_UP, now].
    window = (
        now - CATCH_UP + datetime.timedelta(days=min(offsets)),
        now + datetime.timedelta(days=max(offsets)),
    )
    deadlines = Deadline.objects.filter(
        plan__state=PlanState.ISSUED, due_at__range=window
    ).select_related("plan__unit")
    sent = 0
    for deadline in deadlines:
        for days in due_offsets(deadline, now, offsets):
            already = set(
                Reminder.objects.filter(
                    deadline=deadline, offset_days=days, manual=False
                ).values_list("unit_id", flat=True)
            )
            for unit in pending_units(deadline):
                if unit.pk in already:
                    continue
                if limit is not None and sent >= limit:
                    return sent
                sent += remind(deadline=deadline, unit=unit, offset_days=days) is not None
    return sent


def _message(deadline: Deadline) -> str:
    due = timezone.localtime(deadline.due_at).strftime("%d/%m/%Y")
    return _("Reminder: “%(what)s” for plan %(plan)s is due by %(due)s.") % {
        "what": deadline.label,
        "plan": deadline.plan.number_symbol,
        "due": due,
    }


def _url(deadline: Deadline) -> str:
    return reverse("plans:plan_detail", args=[deadline.plan_id])
