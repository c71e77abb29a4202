"""The chair's side: setting up the council, assigning, progress, the ranking and its score
table. The proposals, the vote and the documents that follow are in `decisions.py`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
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
from thidua.review.domain.assigning import assignment_run_latest
from thidua.review.domain.conflicts import exclusions
from thidua.review.domain.councils import (
    assign_from_csv,
    council_create,
    council_set_state,
    eligible_people,
    entries,
    exclusion_add,
    member_add,
    registration_numbers,
    registrations,
    required_votes,
)
from thidua.review.domain.ranking import Ordered, ranking, ranking_page, rubric_of
from thidua.review.exports import meeting
from thidua.review.models import (
    Assignment,
    AssignmentState,
    Council,
    CouncilMember,
    CouncilState,
    RunState,
)
from thidua.review.tasks import assignment_start
from thidua.review.views.ranking_rows import render_exclusions, render_rows

PAGE_SIZE = 50  # rows of a council's long lists (the ranking, a member's queue) per page


def council_for(request, pk, *, manage=False, members=False) -> Council:
    """The council, if the person may see it (``manage``: run it). ``members``: its members
    read with their people in the council's own query (a page that lists them); the access
    checks find the person's seat among them (`access.council_seat` reads them otherwise)."""
    councils = Council.objects.select_related("plan__unit__parent", "plan__movement")
    if members:
        councils = councils.prefetch_related(
            Prefetch("members", queryset=CouncilMember.objects.select_related("person"))
        )
    council = get_object_or_404(councils, pk=pk)
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
    """The council, its members and, for those who manage it, their progress, who does not
    score what (by pages), finding an entry's number, and the setting-up forms. A fixed number
    of queries and a page of the same size whatever the number of entries."""
    council = council_for(request, pk, members=True)
    manage = access.can_manage_council(request.user, council)
    members = list(council.members.all())
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
        among = entries(council)
        lookup = forms.EntryLookupForm(request.GET if "entry" in request.GET else None)
        excluded = exclusions(members, among, request.GET.get("excluded"), PAGE_SIZE)
        context.update(
            # offered while the council is set up only: past it, its people are not read
            member_form=forms.MemberForm(
                people=eligible_people(council).exclude(council_seats__council=council)
            )
            if council.state == CouncilState.SETUP
            else None,
            assign_form=forms.AssignForm(),
            csv_form=forms.AssignCsvForm(),
            exclusion_form=forms.ExclusionForm(members=members),
            lookup=lookup,
            found=lookup.matches(among) if lookup.is_bound else None,
            excluded=excluded,
            excluded_rows=render_exclusions(excluded),
            progress=_progress(council, members),
            registration_count=among.count(),
            run=assignment_run_latest(council),
        )
    return render(request, "review/council_detail.html", context)


def _progress(council, members):
    """(member, assigned, submitted) for the chair; one grouped query whatever the size."""
    counts = {
        member_id: (assigned, submitted)
        for member_id, assigned, submitted in Assignment.objects.filter(member__council=council)
        .order_by()
        .values("member_id")
        .annotate(
            assigned=Count("pk"), submitted=Count("pk", filter=Q(state=AssignmentState.SUBMITTED))
        )
        .values_list("member_id", "assigned", "submitted")
    }
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
    """A CSV of pairs is imported at once (1 MB at most); "Assign" runs in the background
    and leads to its run's page, which shows the progress and then the result."""
    council = council_for(request, pk, manage=True)
    if request.FILES.get("file"):
        errors = assign_from_csv(
            actor=request.user, council=council, content=request.FILES["file"].read()
        )
        for error in errors:
            messages.error(request, error)
        if not errors:
            messages.success(request, _("Done."))
        return redirect("review:council_detail", pk=council.pk)
    form = forms.AssignForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("review:council_detail", pk=council.pk)
    run = act(
        request,
        lambda: assignment_start(
            actor=request.user,
            council=council,
            per_registration=form.cleaned_data["per_registration"],
        ),
    )
    if run is None:
        return redirect("review:council_detail", pk=council.pk)
    return redirect("review:assignment_run", pk=council.pk, run_pk=run.pk)


@login_required
def council_assignment_run(request, pk, run_pk):
    """An assignment's progress while it runs (the page refreshes itself), then its result."""
    council = council_for(request, pk, manage=True)
    run = get_object_or_404(council.assignment_runs.select_related("requested_by"), pk=run_pk)
    return render(
        request,
        "review/assignment_run.html",
        {"council": council, "run": run, "RunState": RunState},
    )


@login_required
@require_POST
@single_use
def council_exclude(request, pk):
    """Exclude a member from an entry named by its number; a wrong number is said and
    changes nothing."""
    council = council_for(request, pk, manage=True)
    members = list(council.members.select_related("person"))
    form = forms.ExclusionForm(
        request.POST, members=members, registrations=entries(council).select_related("unit")
    )
    if form.is_valid():
        member = next(m for m in members if m.pk == form.cleaned_data["member"])
        act(
            request,
            lambda: exclusion_add(
                actor=request.user,
                member=member,
                registration=form.cleaned_data["registration"],
                reason=form.cleaned_data["reason"],
            ),
            done=_("Done."),
        )
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
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
    """The complete ranking, 50 rows a page with the total, narrowed by the filters (the
    ranks stay those of the whole); the score table (XLSX) holds every row."""
    council = council_for(request, pk, manage=True)
    if not access.may_see_scores(request.user, council):
        # A notice instead of the figures, until the person's own sheets are sent.
        return render(request, "review/ranking.html", {"council": council, "withheld": True})
    among = entries(council)
    rubric = rubric_of(council)
    filters = forms.RankingFilterForm(request.GET or None, grades=rubric.grades)
    narrowed = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    try:
        asked = max(1, int(request.GET.get("page") or 1))
    except ValueError:
        asked = 1
    # ordered, narrowed and paged by the database, mean or median; the page asked read with
    # the count
    shown = Ordered(
        council,
        among,
        rubric,
        expect=((asked - 1) * PAGE_SIZE, PAGE_SIZE),
        show=narrowed.get("show", ""),
        grade=narrowed.get("grade", ""),
    )
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = ranking_page(council, page.object_list, rubric)
    hide_names = council.blind and council.state != CouncilState.DECIDED
    numbers = registration_numbers(council, among) if hide_names else {}
    return render(
        request,
        "review/ranking.html",
        {
            "council": council,
            "page": page,
            "rows": render_rows(rows, rubric.criteria, hide_names=hide_names, numbers=numbers),
            "filters": filters,
            "criteria": rubric.criteria,
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
