"""The member's side: the queue of assigned registrations and the phone-friendly scoresheet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from thidua.org import access
from thidua.review import forms
from thidua.review.domain.councils import registration_numbers
from thidua.review.domain.scoring import next_assignment, queue, scores_save
from thidua.review.models import Assignment, AssignmentState, Council, CouncilState
from thidua.review.views.councils import PAGE_SIZE, council_for


def _seat(request, council):
    seat = access.council_seat(request.user, council)
    if seat is None:
        raise Http404
    return seat


@login_required
def scoring_queue(request, pk):
    """The member's assigned registrations, in the queue's order, 50 a page with the total,
    in a fixed number of queries."""
    council = council_for(request, pk)
    seat = _seat(request, council)
    # What the cards show of each sheet: not the registrations' texts.
    shown = queue(seat).only(
        *("state", "total", "registration__name"),
        *("registration__unit__name", "registration__unit__kind", "registration__unit__level"),
    )
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    numbers = registration_numbers(council) if council.blind else {}
    for assignment in page.object_list:
        assignment.registration_no = numbers.get(assignment.registration_id)
    return render(
        request,
        "review/queue.html",
        {
            "council": council,
            "page": page,
            "assignments": page.object_list,
            "blind": council.blind,
            "AssignmentState": AssignmentState,
        },
    )


@login_required
def score(request, pk, assignment_pk):
    council = council_for(request, pk)
    seat = _seat(request, council)
    # Only the member's own assignment: an excluded or unassigned registration is not found,
    # by URL too.
    assignment = get_object_or_404(
        Assignment.objects.select_related(
            "registration__unit", "registration__lead", "member__council__plan"
        ),
        pk=assignment_pk,
        member=seat,
    )
    registration = assignment.registration
    criteria = list(council.plan.criteria.prefetch_related("bands"))
    saved = {s.criterion_id: s for s in assignment.scores.all()}
    initial = {"version": assignment.version}
    for criterion in criteria:
        if criterion.pk in saved:
            initial[f"points_{criterion.pk}"] = saved[criterion.pk].points
            initial[f"comment_{criterion.pk}"] = saved[criterion.pk].comment
    form = forms.ScoreForm(request.POST or None, initial=initial, criteria=criteria)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST or "next" in request.POST
        try:
            scores_save(
                actor=request.user, assignment=assignment, scores=form.scores(), submit=submit
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("Your scores were submitted.") if submit else _("Your draft scores were saved."),
            )
            following = next_assignment(seat, after=assignment) if "next" in request.POST else None
            if following is not None:
                return redirect("review:score", pk=council.pk, assignment_pk=following.pk)
            return redirect("review:queue", pk=council.pk)
    # Registrations of lower plans argue on their plan's copy of the criteria: match by position.
    arguments = {
        a.criterion.position: a.text for a in registration.arguments.select_related("criterion")
    }
    return render(
        request,
        "review/score.html",
        {
            "council": council,
            "assignment": assignment,
            "registration": registration,
            "form": form,
            "rows": [(c, p, cm, arguments.get(c.position, "")) for c, p, cm in form.pairs()],
            "blind": council.blind,
            "registration_no": registration_numbers(council).get(registration.pk)
            if council.blind
            else None,
            "others": _others(council, assignment)
            if assignment.state == AssignmentState.SUBMITTED and council.reveal_after_submit
            else None,
            "closed": council.state != CouncilState.SCORING,
            "AssignmentState": AssignmentState,
        },
    )


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error)


def _others(council: Council, assignment: Assignment):
    """The other members' submitted totals for this registration (names hidden when blind)."""
    return list(
        Assignment.objects.filter(
            registration=assignment.registration,
            member__council=council,
            state=AssignmentState.SUBMITTED,
        )
        .exclude(pk=assignment.pk)
        .select_related("member__person")
    )
