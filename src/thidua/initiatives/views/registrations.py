"""Registration pages. Every view asks ``thidua.org.access`` before it reads or changes anything."""

from functools import partial

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thidua.core import autosave
from thidua.core.actions import act, send_up
from thidua.core.once import single_use
from thidua.core.versions import StaleEdit
from thidua.initiatives import forms
from thidua.initiatives.domain.drafts import registration_delete, registration_merge
from thidua.initiatives.domain.registrations import (
    editable_states,
    missing_for_submission,
    registration_accept,
    registration_create,
    registration_deadline,
    registration_receive,
    registration_return,
    registration_save,
    registration_submit,
)
from thidua.initiatives.domain.selectors import units_that_may_register
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org import access
from thidua.org.models import Person
from thidua.plans.domain.selectors import plan_get
from thidua.plans.models import PlanState


def _registration(request, pk) -> Registration:
    registration = get_object_or_404(
        Registration.objects.select_related("plan", "unit", "unit__parent", "lead"), pk=pk
    )
    if not access.can_view_registration(request.user, registration):
        raise Http404
    return registration


@login_required
@single_use
def registration_start(request, plan_pk):
    plan = plan_get(user=request.user, pk=plan_pk)
    if plan.state != PlanState.ISSUED:
        messages.error(
            request, _("Registrations are open only for issued plans that are not closed.")
        )
        return redirect("plans:plan_detail", pk=plan.pk)
    units = list(units_that_may_register(request.user, plan))
    if not units:
        raise PermissionDenied
    allow_paper = access.can(request.user, "registration.review", plan.unit)
    form = forms.StartForm(request.POST or None, units=units, allow_paper=allow_paper)
    if request.method == "POST" and form.is_valid():
        unit = next(u for u in units if u.pk == form.cleaned_data["unit"])
        paper = form.cleaned_data.get("entered_by_office", False)
        if paper and not access.can(request.user, "registration.review", unit.parent):
            raise PermissionDenied
        registration = registration_create(
            actor=request.user,
            plan=plan,
            unit=unit,
            kind=form.cleaned_data["kind"],
            name=form.cleaned_data["name"],
            entered_by_office=paper,
        )
        return redirect("initiatives:registration_edit", pk=registration.pk)
    return render(
        request,
        "initiatives/start.html",
        {"plan": plan, "form": form, "deadline": registration_deadline(plan)},
    )


def _edit_forms(request, registration, data=None):
    arguments = list(
        registration.arguments.select_related("criterion").order_by("criterion__position")
    )
    criteria = [argument.criterion for argument in arguments]
    initial = {name: getattr(registration, name) for name in ["version", *forms.MODEL_FIELDS]}
    initial["campaigns"] = list(registration.campaigns.values_list("pk", flat=True))
    initial["lead"] = registration.lead_id
    for argument in arguments:
        initial[f"arg_{argument.criterion_id}"] = argument.text
    form = forms.RegistrationForm(
        data,
        initial=initial,
        criteria=criteria,
        campaigns=registration.plan.campaigns.all(),
        people=Person.objects.filter(memberships__unit=registration.unit)
        .distinct()
        .order_by("sort_key"),
    )
    implementers = forms.implementer_formset(
        data, saved=list(registration.implementers.values("name", "position_unit", "role"))
    )
    return form, implementers


def _registration_to_edit(request, pk) -> Registration:
    """The registration, if the person may change it now (403 otherwise)."""
    registration = _registration(request, pk)
    if not _may_edit(request.user, registration):
        raise PermissionDenied
    return registration


def _may_edit(user, registration) -> bool:
    """The unit (or the office above it) may change what it wrote while it is editable."""
    return registration.state in editable_states(registration) and access.can(
        user, "registration.edit", registration.unit
    )


def _save(request, registration, form, implementers) -> Registration:
    return registration_save(
        actor=request.user,
        registration=registration,
        version=form.cleaned_data["version"],
        fields=form.model_fields(),
        arguments=form.arguments(),
        implementers=forms.implementer_rows(implementers),
        campaign_ids=form.cleaned_data["campaigns"],
    )


@login_required
def registration_edit(request, pk):
    registration = _registration_to_edit(request, pk)
    if request.method == "POST":
        form, implementers = _edit_forms(request, registration, request.POST)
        if form.is_valid() and implementers.is_valid():
            try:
                registration = _save(request, registration, form, implementers)
            except StaleEdit:
                return _conflict(request, registration, form, implementers)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("initiatives:registration_detail", pk=registration.pk)
            if "submit" in request.POST:
                return _submit(request, registration)
            messages.success(request, _("The draft was saved."))
            return redirect("initiatives:registration_edit", pk=registration.pk)
    else:
        form, implementers = _edit_forms(request, registration)
    return _edit_page(request, registration, form, implementers)


def _edit_page(request, registration, form, implementers, conflict=None, status=200):
    return render(
        request,
        "initiatives/edit.html",
        {
            "registration": registration,
            "form": form,
            "implementers": implementers,
            "conflict": conflict,
            "deadline": registration_deadline(registration.plan),
            "file_form": forms.FileForm(),
            "files": registration.files.all(),
            "missing": missing_for_submission(registration) if not conflict else {},
            "may_date_paper": registration.unit.parent is not None
            and access.can(request.user, "registration.review", registration.unit.parent),
        },
        status=status,
    )


def _conflict(request, registration, form, implementers):
    """Someone saved in between: keep what this person typed in the form, show the other
    version beside it, and let them save again on top of it deliberately."""
    current = Registration.objects.select_related("plan", "unit").get(pk=registration.pk)
    data = request.POST.copy()
    data["version"] = current.version
    form, implementers = _edit_forms(request, current, data)
    form.is_valid()
    implementers.is_valid()
    messages.warning(
        request,
        _(
            "Someone else saved this registration while you were editing it. Your text is "
            "still below and was NOT saved; their version is shown above it. Choose: keep "
            "yours (change it first to merge the two if you like) or take theirs."
        ),
    )
    return _edit_page(request, current, form, implementers, conflict=current, status=409)


@login_required
@require_POST
def registration_autosave(request, pk):
    """Saves a draft as the person types (see static/thidua/autosave.js). JSON in, JSON out."""
    registration = _registration_to_edit(request, pk)
    form, implementers = _edit_forms(request, registration, request.POST)
    return autosave.answer_forms(
        [form, implementers],
        lambda: _save(request, registration, form, implementers),
        row=registration,
        stale=_(
            "Someone else saved this registration meanwhile. Press “Save draft” to see "
            "their version beside yours; your text is kept on this device."
        ),
        errors=lambda: {**form.errors.get_json_data(), "implementers": implementers.errors},
    )


def _submit(request, registration):
    sent_on = None
    if registration.entered_by_office and access.can(
        request.user, "registration.review", registration.unit.parent
    ):
        paper = forms.PaperDateForm(request.POST)
        if not paper.is_valid():
            messages.error(request, _("Not sent yet: ") + " ".join(paper.errors.get("sent_on", [])))
            return redirect("initiatives:registration_edit", pk=registration.pk)
        sent_on = paper.cleaned_data.get("sent_on")
    return send_up(
        request,
        lambda: registration_submit(actor=request.user, registration=registration, sent_on=sent_on),
        late=_("Sent after the deadline: it is marked late."),
        on_time=_("The registration was sent to the unit above."),
        back=reverse("initiatives:registration_edit", kwargs={"pk": registration.pk}),
        onward=reverse("initiatives:registration_detail", kwargs={"pk": registration.pk}),
    )


@login_required
@require_POST
def registration_submit_view(request, pk):
    registration = _registration_to_edit(request, pk)
    return _submit(request, registration)


@login_required
@require_POST
def registration_review(request, pk, action):
    registration = _registration(request, pk)
    if not access.can_review_registration(request.user, registration):
        raise PermissionDenied
    if action == "receive":
        change = partial(registration_receive, actor=request.user, registration=registration)
    elif action == "accept":
        change = partial(registration_accept, actor=request.user, registration=registration)
    else:
        form = forms.ReturnForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Say why the registration is returned."))
            return redirect("initiatives:registration_detail", pk=registration.pk)
        change = partial(
            registration_return,
            actor=request.user,
            registration=registration,
            reason=form.cleaned_data["reason"],
        )
    act(request, change, done=_("Done."))
    return redirect("initiatives:registration_detail", pk=registration.pk)


@login_required
def registration_detail(request, pk):
    registration = _registration(request, pk)
    return render(
        request,
        "initiatives/detail.html",
        {
            "registration": registration,
            "arguments": registration.arguments.select_related("criterion").order_by(
                "criterion__position"
            ),
            "implementers": registration.implementers.all(),
            "campaigns": registration.campaigns.all(),
            "files": registration.files.all(),
            "transitions": registration.transitions.select_related("actor"),
            "can_edit": _may_edit(request.user, registration),
            "can_delete": access.can_delete_registration(request.user, registration),
            "can_review": access.can_review_registration(request.user, registration),
            "return_form": forms.ReturnForm(),
        },
    )


@login_required
def registration_delete_view(request, pk):
    """A draft's "Delete": a page that asks, then the POST that deletes (softly; audited)."""
    registration = _registration(request, pk)
    if not access.can_delete_registration(request.user, registration):
        raise PermissionDenied
    if request.method == "POST":
        deleted = act(
            request,
            lambda: registration_delete(actor=request.user, registration=registration),
            done=_("The draft was deleted."),
            refused=_("Not deleted: "),
        )
        if deleted is None:
            return redirect("initiatives:registration_detail", pk=registration.pk)
        return redirect("initiatives:registration_list", plan_pk=registration.plan_id)
    return render(request, "initiatives/delete.html", {"registration": registration})


class MergeForm(django_forms.Form):
    other = django_forms.TypedChoiceField(
        label=gettext_lazy("The draft to merge into this one"),
        coerce=int,
        widget=django_forms.RadioSelect,
    )

    def __init__(self, *args, drafts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].choices = [
            (d.pk, f"#{d.pk} {d.name} ({d.created_at:%d/%m/%Y %H:%M})") for d in drafts
        ]


@login_required
def registration_merge_view(request, pk):
    """Merge another draft of the same unit and plan into this one: a page to choose it,
    then the POST that merges (initiatives/domain/drafts.py)."""
    registration = _registration(request, pk)
    if not access.can_delete_registration(request.user, registration):
        raise PermissionDenied
    drafts = [
        draft
        for draft in Registration.objects.filter(
            plan_id=registration.plan_id,
            unit_id=registration.unit_id,
            state=RegistrationState.DRAFT,
        )
        .exclude(pk=registration.pk)
        .select_related("unit")
        .order_by("created_at", "id")
        if access.can_delete_registration(request.user, draft)
    ]
    form = MergeForm(request.POST or None, drafts=drafts)
    if request.method == "POST" and form.is_valid():
        other = next(d for d in drafts if d.pk == form.cleaned_data["other"])
        kept = act(
            request,
            lambda: registration_merge(actor=request.user, kept=registration, other=other),
            done=_("The drafts were merged: this one now holds what the other had."),
            refused=_("Not merged: "),
        )
        return redirect("initiatives:registration_detail", pk=(kept or registration).pk)
    return render(
        request,
        "initiatives/merge.html",
        {"registration": registration, "form": form, "drafts": drafts},
    )
