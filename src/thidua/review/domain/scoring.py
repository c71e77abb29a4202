"""Scoring a registration: a score per criterion within its range, saved as a draft or submitted."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.review.models import Assignment, AssignmentState, CouncilMember, CouncilState, Score


def scoring_open(assignment: Assignment) -> None:
    if assignment.member.council.state != CouncilState.SCORING:
        raise ValidationError(
            _("Scoring is not open: the chair has not opened it or has closed it.")
        )


@transaction.atomic
def scores_save(
    *, actor, assignment: Assignment, scores: dict[int, tuple[Decimal | None, str]], submit: bool
) -> Assignment:
    """Save the member's points and comments; on ``submit`` every criterion needs points.

    ``scores`` maps criterion id → (points, comment). Points outside 0…max are refused
    with the criterion named; nothing is saved then.
    """
    assignment = (
        Assignment.objects.select_related("member__council__plan")
        .select_for_update()
        .get(pk=assignment.pk)
    )
    scoring_open(assignment)
    if assignment.state == AssignmentState.SUBMITTED:
        raise ValidationError(_("You already submitted this scoresheet."))
    criteria = {c.pk: c for c in assignment.member.council.plan.criteria.all()}
    errors = {}
    for criterion in criteria.values():
        points, _comment = scores.get(criterion.pk, (None, ""))
        if points is not None and not Decimal(0) <= points <= criterion.max_points:
            errors[f"points_{criterion.pk}"] = _("“%(name)s” is scored from 0 to %(max)d.") % {
                "name": criterion.name,
                "max": criterion.max_points,
            }
        elif points is None and submit:
            errors[f"points_{criterion.pk}"] = _("Score “%(name)s” before submitting.") % {
                "name": criterion.name
            }
    if errors:
        raise ValidationError(errors)
    for criterion_id, (points, comment) in scores.items():
        if criterion_id in criteria:
            Score.objects.update_or_create(
                assignment=assignment,
                criterion_id=criterion_id,
                defaults={"points": points, "comment": comment.strip()},
            )
    total = sum(
        (points or 0) * criteria[cid].weight
        for cid, (points, _c) in scores.items()
        if cid in criteria
    )
    assignment.total = Decimal(total).quantize(Decimal("0.01"))
    assignment.state = AssignmentState.SUBMITTED if submit else AssignmentState.DRAFT
    assignment.submitted_at = timezone.now() if submit else None
    assignment.version = F("version") + 1
    assignment.save()
    assignment.refresh_from_db()
    record(
        actor=actor,
        action=Action.TRANSITION if submit else Action.UPDATE,
        instance=assignment,
        unit=assignment.member.council.plan.unit,
        after={"state": assignment.state, "total": assignment.total},
    )
    return assignment


def _with_done(assignments: QuerySet) -> QuerySet:
    """Each scoresheet with ``done``: how many sheets of its registration were submitted."""
    return assignments.annotate(
        done=Count(
            "registration__assignments",
            filter=Q(registration__assignments__state=AssignmentState.SUBMITTED),
        )
    )


def state_rank() -> Case:
    """A scoresheet's ``AssignmentState.rank``, computed by the database to order by."""
    return Case(
        *[When(state=state, then=Value(AssignmentState.rank(state))) for state in AssignmentState],
        output_field=IntegerField(),
    )


def queue(member: CouncilMember) -> QuerySet:
    """The member's scoresheets: by the state's rank (drafts to finish, sheets to start, then
    the submitted ones), the least scored registrations first within a state."""
    return (
        _with_done(Assignment.objects.filter(member=member))
        .select_related("registration__unit")
        .annotate(state_rank=state_rank())
        .order_by("state_rank", "done", "registration_id")
    )


def next_assignment(member, after: Assignment | None = None) -> Assignment | None:
    """ "Save and next": the member's unsubmitted scoresheet whose registration has the fewest
    submitted scoresheets."""
    following = (
        _with_done(Assignment.objects.filter(member=member))
        .exclude(state=AssignmentState.SUBMITTED)
        .order_by("done", "registration_id")
    )
    if after is not None:
        following = following.exclude(pk=after.pk)
    return following.first()
