"""The idea box: a public form per commune, and the commune's inbox."""

import secrets
import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.actions import act_on_form
from thidua.core.clients import client_address
from thidua.core.lookups import folded_words
from thidua.core.once import single_use
from thidua.initiatives import forms
from thidua.initiatives.domain.ideas import (
    idea_convert,
    idea_dismiss,
    idea_send,
    idea_spam_count,
    spam_refused_recently,
)
from thidua.initiatives.models import Idea
from thidua.org import access
from thidua.org.models import Unit, UnitLevel
from thidua.plans.models import Plan, PlanState

MIN_SECONDS_TO_FILL = 3  # people take longer than this to write an idea; scripts don't
SEARCH_LIMIT = 30


def _receiving_units():
    """Ideas go to today's communes, wards and towns (the level that runs the movement)."""
    return Unit.objects.filter(level=UnitLevel.COMMUNE).active_on(timezone.localdate())


def idea_choose_unit(request):
    query = request.GET.get("q", "").strip()
    units = []
    if len(query) >= 2:  # one letter matches half the country
        units = (
            _receiving_units()
            .filter(folded_words("search_name", query))
            .select_related("parent")
            .order_by("sort_key")[:SEARCH_LIMIT]
        )
    return render(request, "initiatives/idea_choose.html", {"query": query, "units": units})


def idea_new(request, unit_pk):
    unit = get_object_or_404(_receiving_units(), pk=unit_pk)
    form = forms.IdeaForm(request.POST or None, initial={"started": form_token()})
    if request.method == "POST" and form.is_valid():
        problem, nonce = _spam_problem(form.cleaned_data)
        if problem:
            idea_spam_count(unit=unit)
            form.add_error(None, problem)
        else:
            sent = act_on_form(
                form,
                lambda: idea_send(
                    unit=unit,
                    name=form.cleaned_data["name"],
                    phone=form.cleaned_data["phone"],
                    idea=form.cleaned_data["idea"],
                    address=client_address(request),
                    token=nonce,
                ),
            )
            if sent is not None:
                return render(request, "initiatives/idea_thanks.html", {"unit": unit})
    return render(request, "initiatives/idea_form.html", {"form": form, "unit": unit})


def form_token(started: float | None = None) -> str:
    """A signed (time the form was shown, one-time nonce) pair: the form is accepted once,
    not faster than a person types and not after a few hours."""
    shown = time.time() if started is None else started
    return signing.dumps([shown, secrets.token_hex(16)], salt="idea-form")


def _spam_problem(data) -> tuple[str, str]:
    """(why the form is refused or "", its nonce)."""
    if data.get("website"):
        return _("Your idea could not be sent. Please try again."), ""
    try:
        started, nonce = signing.loads(data["started"], salt="idea-form", max_age=6 * 3600)
    except (signing.BadSignature, TypeError, ValueError):
        return _("The form has expired: please send your idea again."), ""
    if time.time() - started < MIN_SECONDS_TO_FILL:
        return _("Your idea could not be sent. Please try again."), ""
    return "", nonce


IDEAS_PAGE_SIZE = 50  # ideas a page of the box shows; the total is said


@login_required
def idea_inbox(request, unit_pk):
    unit = access.get_unit(request.user, "idea.view", unit_pk)
    filters = forms.IdeaFilterForm(request.GET or None)
    ideas = filters.narrow(Idea.objects.filter(unit=unit)).select_related("registration")
    page = Paginator(ideas, IDEAS_PAGE_SIZE).get_page(request.GET.get("page"))
    open_plans = Plan.objects.filter(
        state=PlanState.ISSUED, unit_id__in=unit.ancestor_ids()[:-1]
    ).order_by("-issued_on")
    return render(
        request,
        "initiatives/idea_inbox.html",
        {
            "unit": unit,
            "filters": filters,
            "page": page,
            "ideas": page.object_list,
            "spam_refused": spam_refused_recently(unit=unit),
            "convert_form": forms.ConvertIdeaForm(plans=open_plans) if open_plans else None,
        },
    )


@login_required
@require_POST
@single_use
def idea_action(request, pk, action):
    idea = get_object_or_404(Idea.objects.select_related("unit"), pk=pk)
    access.require(request.user, "idea.view", idea.unit)
    if not access.can(request.user, "registration.edit", idea.unit):
        raise PermissionDenied
    if action == "dismiss":
        idea_dismiss(actor=request.user, idea=idea)
        return redirect("initiatives:idea_inbox", unit_pk=idea.unit_id)
    plans = Plan.objects.filter(state=PlanState.ISSUED, unit_id__in=idea.unit.ancestor_ids()[:-1])
    form = forms.ConvertIdeaForm(request.POST, plans=plans)
    if not form.is_valid():
        messages.error(request, _("Choose the plan to register it under."))
        return redirect("initiatives:idea_inbox", unit_pk=idea.unit_id)
    try:
        registration = idea_convert(
            actor=request.user, idea=idea, plan=plans.get(pk=form.cleaned_data["plan"])
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("initiatives:idea_inbox", unit_pk=idea.unit_id)
    messages.success(request, _("A draft registration was made from the idea."))
    return redirect("initiatives:registration_edit", pk=registration.pk)
