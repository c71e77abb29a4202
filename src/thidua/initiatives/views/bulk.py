"""Acting on several registrations at once: the office above receives the ones it selected,
or returns them with one reason.

Each registration goes through the same domain function as its own button
(``registration_receive`` / ``registration_return``), in its own transaction, so one refusal
leaves the others done; the page then says what was done and what was refused, and why.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from thidua.initiatives import forms
from thidua.initiatives.domain.registrations import registration_receive, registration_return
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org import access
from thidua.plans.domain.selectors import plan_get

MAX_SELECTED = 500  # as many as the list shows


@dataclass
class Outcome:
    done: list[str]
    refused: list[tuple[str, str]]  # (what, why)


@login_required
@require_POST
def registrations_bulk(request, plan_pk):
    """Receive, or return with one reason, the registrations selected on the plan's list."""
    plan = plan_get(user=request.user, pk=plan_pk)
    back = reverse("initiatives:registration_list", args=[plan.pk])
    state = request.POST.get("state", "")
    if state in RegistrationState.values:
        back += f"?state={state}"
    ids = _ids(request.POST.getlist("registration"))
    action = request.POST.get("action")
    if not ids:
        messages.error(request, _("Select at least one registration first."))
        return redirect(back)
    if action == "receive":
        outcome = _each(request, plan, ids, RegistrationState.RECEIVED, registration_receive)
        _say(
            request,
            outcome,
            lambda n: ngettext(
                "Received %(count)d registration:", "Received %(count)d registrations:", n
            ),
        )
    elif action == "return":
        form = forms.ReturnForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("Say why the registrations are returned: nothing was returned.")
            )
            return redirect(back)
        reason = form.cleaned_data["reason"]
        outcome = _each(
            request,
            plan,
            ids,
            RegistrationState.RETURNED,
            lambda **kw: registration_return(reason=reason, **kw),
        )
        _say(
            request,
            outcome,
            lambda n: ngettext(
                "Returned %(count)d registration:", "Returned %(count)d registrations:", n
            ),
        )
    else:
        messages.error(request, _("Choose what to do with the selected registrations."))
    return redirect(back)


def _ids(values: list[str]) -> list[int]:
    ids = []
    for value in values[:MAX_SELECTED]:
        if value.isdigit() and int(value) not in ids:
            ids.append(int(value))
    return ids


def _each(request, plan, ids, target, change) -> Outcome:
    """Apply ``change`` to each selected registration the person may review."""
    found = {
        r.pk: r
        for r in Registration.objects.filter(plan=plan, pk__in=ids).select_related(
            "unit", "unit__parent"
        )
    }
    outcome = Outcome(done=[], refused=[])
    for pk in ids:
        registration = found.get(pk)
        if registration is None or not access.can_view_registration(request.user, registration):
            outcome.refused.append((f"#{pk}", _("not found in this plan's list")))
            continue
        name = registration.name
        if not access.can_review_registration(request.user, registration):
            outcome.refused.append((name, _("not yours to receive or return")))
        elif registration.state == target:
            already = (
                _("already received")
                if target == RegistrationState.RECEIVED
                else _("already returned")
            )
            outcome.refused.append((name, already))
        else:
            try:
                with transaction.atomic():
                    change(actor=request.user, registration=registration)
            except ValidationError as error:
                outcome.refused.append((name, " ".join(error.messages)))
            else:
                outcome.done.append(name)
    return outcome


def _say(request, outcome: Outcome, done_heading) -> None:
    """One message for what was done, one for what was refused, each item with its name."""
    if outcome.done:
        n = len(outcome.done)
        messages.success(
            request, done_heading(n) % {"count": n} + " " + "; ".join(outcome.done) + "."
        )
    if outcome.refused:
        n = len(outcome.refused)
        said = "; ".join(f"{what}: {why}" for what, why in outcome.refused)
        messages.error(
            request,
            ngettext("%(count)d refused:", "%(count)d refused:", n) % {"count": n}
            + " "
            + said
            + ".",
        )
