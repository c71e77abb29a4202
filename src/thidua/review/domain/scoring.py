"""Scoring an entry: a score per criterion within its range, saved as a draft or submitted."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.review.models import Assignment, CouncilState, Score


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
    if assignment.state == "submitted":
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
    assignment.state = "submitted" if submit else "draft"
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


def next_assignment(member, after: Assignment | None = None) -> Assignment | None:
    """ "Save and next": the member's unscored entry that has the fewest submitted scoresheets."""
    queue = (
        Assignment.objects.filter(member=member)
        .exclude(state="submitted")
        .annotate(
            done=Count(
                "registration__assignments",
                filter=Q(registration__assignments__state="submitted"),
            )
        )
        .order_by("done", "registration_id")
    )
    if after is not None:
        queue = queue.exclude(pk=after.pk)
    return queue.first()
