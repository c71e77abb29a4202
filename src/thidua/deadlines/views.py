import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.deadlines.models import Reminder
from thidua.deadlines.reminders import pending_units, remind
from thidua.org import access
from thidua.plans.models import Deadline, PlanState

RECENT = datetime.timedelta(minutes=10)  # a unit reminded by hand is not reminded again sooner


@login_required
def reminders(request, plan_pk, deadline_pk):
    """Who has not acted on a deadline, the reminders already sent, and sending one by hand."""
    deadline = get_object_or_404(
        Deadline.objects.select_related("plan__unit"), pk=deadline_pk, plan_id=plan_pk
    )
    access.require_plan(request.user, "plan.view", deadline.plan)
    if not access.can(request.user, "plan.edit", deadline.plan.unit):
        raise PermissionDenied
    pending = pending_units(deadline)
    if request.method == "POST":
        if deadline.plan.state != PlanState.ISSUED:
            raise PermissionDenied
        _remind(request, deadline, pending)
        return redirect("deadlines:reminders", plan_pk=plan_pk, deadline_pk=deadline_pk)
    sent = Reminder.objects.filter(deadline=deadline).select_related("unit", "sent_by")[:500]
    return render(
        request,
        "deadlines/reminders.html",
        {"deadline": deadline, "pending": pending, "sent": sent},
    )


def _remind(request, deadline: Deadline, pending: list) -> None:
    """Remind the units ticked on the page (all of them when the form has no ticks: an older
    page), each in its own transaction; say who was reminded and who not, and why."""
    if "selecting" in request.POST:
        chosen = set(request.POST.getlist("unit"))
        if not chosen:
            messages.error(request, _("Tick at least one unit to remind."))
            return
        named = {str(unit.pk): unit for unit in pending}
        stale = len([pk for pk in chosen if pk not in named])
        pending = [unit for unit in pending if str(unit.pk) in chosen]
        if stale:
            messages.warning(
                request,
                ngettext(
                    "%(count)d unit ticked is no longer waiting on this deadline: not reminded.",
                    "%(count)d units ticked are no longer waiting on this deadline: not reminded.",
                    stale,
                )
                % {"count": stale},
            )
    # A double click, or two officers at once, must not remind a unit twice in a row.
    recent = set(
        Reminder.objects.filter(
            deadline=deadline, manual=True, sent_at__gte=timezone.now() - RECENT
        ).values_list("unit_id", flat=True)
    )
    skipped = [unit.full_name for unit in pending if unit.pk in recent]
    sent = [
        remind(deadline=deadline, unit=unit, offset_days=0, actor=request.user)
        for unit in pending
        if unit.pk not in recent
    ]
    _report(request, [r for r in sent if r is not None], skipped)


def _report(request, sent: list[Reminder], skipped: list[str]) -> None:
    """Say how many units were told, and name those with nobody to tell (no officer with an
    account): a reminder "sent" to an empty office reaches no one."""
    reached = [r for r in sent if r.recipients]
    unreached = [r.unit.full_name for r in sent if not r.recipients]
    if reached:
        messages.success(
            request,
            ngettext(
                "A reminder was sent to %(count)d unit.",
                "A reminder was sent to %(count)d units.",
                len(reached),
            )
            % {"count": len(reached)},
        )
    if unreached:
        messages.warning(
            request,
            ngettext(
                "%(count)d unit has no officer with an account to remind: %(names)s.",
                "%(count)d units have no officer with an account to remind: %(names)s.",
                len(unreached),
            )
            % {"count": len(unreached), "names": ", ".join(unreached)},
        )
    if skipped and sent:
        messages.info(
            request,
            ngettext(
                "%(count)d unit was reminded in the last few minutes, not again: %(names)s.",
                "%(count)d units were reminded in the last few minutes, not again: %(names)s.",
                len(skipped),
            )
            % {"count": len(skipped), "names": ", ".join(skipped)},
        )
    elif skipped:
        messages.info(request, _("Every unit concerned was reminded in the last few minutes."))
