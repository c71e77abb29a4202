"""The nomination dossier's pages: opening it from the council's decision, the dossier as a
page and as DOCX, and each level's step (send, endorse, return, the outcome). Every view asks
``thidua.org.access`` first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thidua.award import exports, forms
from thidua.award.domain.nominations import (
    holder,
    nominated_by,
    nominating_unit,
    nomination_decide,
    nomination_endorse,
    nomination_prepare,
    nomination_return,
    nomination_send,
    nomination_update,
)
from thidua.award.enums import WITH_NOMINATOR, NominationState
from thidua.award.models import Nomination
from thidua.core import downloads, uploads
from thidua.core.actions import act
from thidua.documents.award import render_dossier_docx
from thidua.initiatives.models import Registration
from thidua.org import access

DOSSIER_FILE = gettext_lazy("Nomination dossier for the national award")
# Each step and whose turn it must be: the level holding the dossier.
STEPS = {
    "save": ("prepare",),
    "send": ("prepare",),
    "endorse": ("endorse",),
    "return": ("endorse", "decide"),
    "decide": ("decide",),
}


def may_view(user, nomination: Nomination) -> bool:
    """The nominating unit and the levels above it; the registering unit reads its own."""
    return access.can(
        user, "registration.view", nominating_unit(nomination)
    ) or access.can_view_registration(user, nomination.registration)


def turn(user, nomination: Nomination) -> str:
    """What ``user`` may do now: "prepare" (the nominating unit, while the dossier is with
    it), "endorse" (the province, while it is there), "decide" (the national level), or ""."""
    unit = holder(nomination)
    if unit is None:
        return ""
    if nomination.state in WITH_NOMINATOR:
        return "prepare" if access.can(user, "award.prepare", unit) else ""
    if nomination.state == NominationState.AT_PROVINCE:
        return "endorse" if access.can(user, "award.endorse", unit) else ""
    if nomination.state == NominationState.AT_NATIONAL:
        return "decide" if access.can(user, "award.endorse", unit) else ""
    return ""


def _nomination(request, pk) -> Nomination:
    nomination = get_object_or_404(
        Nomination.objects.select_related(
            "registration__unit__parent", "registration__plan", "council__plan__unit__parent"
        ),
        pk=pk,
    )
    if not may_view(request.user, nomination):
        raise Http404
    return nomination


@login_required
@require_POST
def prepare(request, registration_pk):
    """Open the dossier of an entry the council's decision nominated (the nominating unit)."""
    registration = get_object_or_404(Registration, pk=registration_pk)
    council = nominated_by(registration)
    if council is None:
        raise Http404
    if not access.can(request.user, "award.prepare", council.plan.unit):
        raise PermissionDenied
    existing = Nomination.objects.filter(registration=registration).first()
    if existing is not None:
        return redirect("award:nomination", pk=existing.pk)
    made = act(
        request,
        lambda: nomination_prepare(actor=request.user, registration=registration),
        done=_("The dossier is open: add the unit's endorsement, check it and send it up."),
    )
    if made is None:
        return redirect("review:decision", pk=council.pk)
    return redirect("award:nomination", pk=made.pk)


@login_required
def nomination(request, pk):
    nomination = _nomination(request, pk)
    doing = turn(request.user, nomination)
    return render(
        request,
        "award/nomination.html",
        {
            "nomination": nomination,
            "dossier": exports.dossier(nomination),
            "holder": holder(nomination),
            "turn": doing,
            "endorsement_form": forms.EndorsementForm(
                initial={"endorsement": nomination.endorsement, "endorser": nomination.endorser}
            )
            if doing == "prepare"
            else None,
            "endorse_form": forms.EndorseForm() if doing == "endorse" else None,
            "return_form": forms.ReturnForm() if doing in ("endorse", "decide") else None,
            "decide_form": forms.DecideForm() if doing == "decide" else None,
            "steps": nomination.steps.select_related("unit", "actor"),
            "NominationState": NominationState,
        },
    )


@login_required
@require_POST
def step(request, pk, action):
    """One level's step: the nominating unit saves the endorsement or sends the dossier; the
    province endorses or returns it; the national level returns it or records the outcome."""
    nomination = _nomination(request, pk)
    if turn(request.user, nomination) not in STEPS[action]:
        raise PermissionDenied
    user = request.user
    if action == "save":
        form = forms.EndorsementForm(request.POST)
        if form.is_valid():
            act(
                request,
                lambda: nomination_update(actor=user, nomination=nomination, **form.cleaned_data),
                done=_("The endorsement was saved."),
            )
        else:
            _errors(request, form)
    elif action == "send":
        act(
            request,
            lambda: nomination_send(actor=user, nomination=nomination),
            done=_("The dossier was sent up."),
            refused=_("Not sent yet: "),
        )
    elif action == "endorse":
        form = forms.EndorseForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        act(
            request,
            lambda: nomination_endorse(actor=user, nomination=nomination, note=note),
            done=_("Endorsed and sent to the national level."),
        )
    elif action == "return":
        form = forms.ReturnForm(request.POST)
        if form.is_valid():
            act(
                request,
                lambda: nomination_return(
                    actor=user, nomination=nomination, reason=form.cleaned_data["reason"]
                ),
                done=_("The dossier was returned."),
            )
        else:
            _errors(request, form)
    else:
        form = forms.DecideForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            act(
                request,
                lambda: nomination_decide(
                    actor=user,
                    nomination=nomination,
                    awarded=data["outcome"] == NominationState.AWARDED,
                    decided_on=data["decided_on"],
                    note=data["note"],
                ),
                done=_("The outcome was recorded."),
            )
        else:
            _errors(request, form)
    return redirect("award:nomination", pk=nomination.pk)


def _errors(request, form) -> None:
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))


@login_required
def nomination_docx(request, pk):
    """The cover letter and the dossier in one DOCX (a draft marked DỰ THẢO until sent)."""
    nomination = _nomination(request, pk)
    content = render_dossier_docx(exports.dossier(nomination))
    name = downloads.file_name(DOSSIER_FILE, nomination.registration.name, extension="docx")
    return downloads.download(content, name=name, content_type=uploads.DOCX.content_type)
