"""The chair's side: setting up the council, assigning, progress, the ranking and its score
table. The proposals, the vote and the documents that follow are in `decisions.py`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core import downloads, uploads
from thidua.core.actions import act
from thidua.core.once import single_use
from thidua.notify.send import notify
from thidua.org import access
from thidua.plans.models import Plan
from thidua.review import forms
from thidua.review.domain.conflicts import exclusions
from thidua.review.domain.councils import (
    assign,
    assign_from_csv,
    council_create,
    council_set_state,
    eligible_people,
    exclusion_add,
    member_add,
    registration_numbers,
    registrations,
    required_votes,
)
from thidua.review.domain.ranking import ranking
from thidua.review.exports import meeting
from thidua.review.models import Assignment, AssignmentState, Council, CouncilState


def council_for(request, pk, *, manage=False) -> Council:
    council = get_object_or_404(
        Council.objects.select_related("plan__unit__parent", "plan__movement"), pk=pk
    )
    if not access.can_view_council(request.user, council):
        raise Http404
    if manage and not access.can_manage_council(request.user, council):
        raise PermissionDenied
    return council


@login_required
@single_use
def council_list(request, plan_pk):
    plan = get_object_or_404(Plan.objects.select_related("unit"), pk=plan_pk)
    access.require_plan(request.user, "plan.view", plan)
    may_create = access.can(request.user, "plan.issue", plan.unit)
    form = forms.CouncilForm(
        request.POST or None, initial={"name": f"Hội đồng đánh giá {plan.number_symbol}"}
    )
    if request.method == "POST":
        if not may_create:
            raise PermissionDenied
        if form.is_valid():
            council = council_create(actor=request.user, plan=plan, **form.cleaned_data)
            return redirect("review:council_detail", pk=council.pk)
    councils = plan.councils.all()
    if not may_create:
        # Anyone but the issuing unit's administrators sees a council through a seat on it:
        # the seats of every council in one query, not one per council.
        councils = councils.prefetch_related("members")
    councils = [c for c in councils if access.can_view_council(request.user, c)]
    return render(
        request,
        "review/council_list.html",
        {"plan": plan, "councils": councils, "form": form if may_create else None},
    )


@login_required
def council_detail(request, pk):
    council = council_for(request, pk)
    manage = access.can_manage_council(request.user, council)
    members = list(council.members.select_related("person"))
    context = {
        "council": council,
        "members": members,
        "manage": manage,
        "seat": access.council_seat(request.user, council),
        "required": required_votes(council, len(members)),
        "share": f"{council.approval_numerator}/{council.approval_denominator}",
        "CouncilState": CouncilState,
    }
    if manage:
        items = list(registrations(council))
        context.update(
            member_form=forms.MemberForm(
                people=eligible_people(council).exclude(council_seats__council=council)
            ),
            assign_form=forms.AssignForm(),
            csv_form=forms.AssignCsvForm(),
            exclusion_form=forms.ExclusionForm(members=members, registrations=items),
            exclusions=exclusions(members, items),
            progress=_progress(council, members),
            registration_count=len(items),
        )
    return render(request, "review/council_detail.html", context)


def _progress(council, members):
    """(member, assigned, submitted) for the chair; two queries whatever the size."""
    counts = {}
    for member_id, state in Assignment.objects.filter(member__council=council).values_list(
        "member_id", "state"
    ):
        assigned, submitted = counts.get(member_id, (0, 0))
        counts[member_id] = (assigned + 1, submitted + (state == AssignmentState.SUBMITTED))
    return [(m, *counts.get(m.pk, (0, 0))) for m in members]


@login_required
@require_POST
@single_use
def council_member_add(request, pk):
    council = council_for(request, pk, manage=True)
    form = forms.MemberForm(request.POST, people=eligible_people(council))
    if form.is_valid():
        person = eligible_people(council).get(pk=form.cleaned_data["person"])
        act(
            request,
            lambda: member_add(
                actor=request.user, council=council, person=person, role=form.cleaned_data["role"]
            ),
            done=_("Done."),
        )
    return redirect("review:council_detail", pk=council.pk)


@login_required
@require_POST
def council_assign(request, pk):
    council = council_for(request, pk, manage=True)
    if request.FILES.get("file"):
        errors = assign_from_csv(
            actor=request.user, council=council, content=request.FILES["file"].read()
        )
        for error in errors:
            messages.error(request, error)
        if not errors:
            messages.success(request, _("Done."))
    else:
        form = forms.AssignForm(request.POST)
        if form.is_valid():
            act(
                request,
                lambda: assign(
                    actor=request.user,
                    council=council,
                    per_registration=form.cleaned_data["per_registration"],
                ),
                done=_("Done."),
            )
    return redirect("review:council_detail", pk=council.pk)


@login_required
@require_POST
@single_use
def council_exclude(request, pk):
    council = council_for(request, pk, manage=True)
    members = list(council.members.select_related("person"))
    items = list(registrations(council))
    form = forms.ExclusionForm(request.POST, members=members, registrations=items)
    if form.is_valid():
        member = next(m for m in members if m.pk == form.cleaned_data["member"])
        registration = next(r for r in items if r.pk == form.cleaned_data["registration"])
        act(
            request,
            lambda: exclusion_add(
                actor=request.user,
                member=member,
                registration=registration,
                reason=form.cleaned_data["reason"],
            ),
            done=_("Done."),
        )
    return redirect("review:council_detail", pk=council.pk)


@login_required
@require_POST
def council_state(request, pk, state):
    council = council_for(request, pk, manage=True)
    act(
        request,
        lambda: council_set_state(actor=request.user, council=council, state=state),
        done=_("Done."),
    )
    return redirect("review:council_detail", pk=council.pk)


@login_required
@require_POST
def council_remind(request, pk, member_pk):
    council = council_for(request, pk, manage=True)
    member = get_object_or_404(council.members.select_related("person"), pk=member_pk)
    notify(
        people=[member.person],
        message=_("Reminder: please finish scoring for “%(council)s”.") % {"council": council.name},
        url=reverse("review:queue", args=[council.pk]),
    )
    messages.success(
        request, _("A reminder was sent to %(name)s.") % {"name": member.person.get_full_name()}
    )
    return redirect("review:council_detail", pk=council.pk)


@login_required
def council_ranking(request, pk):
    council = council_for(request, pk, manage=True)
    if not access.may_see_scores(request.user, council):
        # A notice instead of the figures, until the person's own sheets are sent.
        return render(request, "review/ranking.html", {"council": council, "withheld": True})
    rows = ranking(council, list(registrations(council)))
    numbers = registration_numbers(council)
    for row in rows:
        row.registration_no = numbers.get(row.registration.pk)
    return render(
        request,
        "review/ranking.html",
        {
            "council": council,
            "rows": rows,
            "criteria": list(council.plan.criteria.all()),
            "hide_names": council.blind and council.state != CouncilState.DECIDED,
        },
    )


@login_required
def council_scores_xlsx(request, pk):
    council = council_for(request, pk, manage=True)
    if not access.may_see_scores(request.user, council):
        raise PermissionDenied
    content = meeting.score_table_xlsx(council, ranking(council, list(registrations(council))))
    name = downloads.file_name(_("Score table"), council.name, extension="xlsx")
    return downloads.download(content, name=name, content_type=uploads.XLSX.content_type)
