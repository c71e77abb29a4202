"""Who scores what, the scores, the vote and the outcomes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.review.enums import AssignmentState, Outcome


class Assignment(models.Model):
    member = models.ForeignKey(
        "review.CouncilMember", on_delete=models.CASCADE, related_name="assignments"
    )
    registration = models.ForeignKey(
        "initiatives.Registration", on_delete=models.CASCADE, related_name="assignments"
    )
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=AssignmentState.choices,
        default=AssignmentState.OPEN,
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    total = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "registration"], name="review_assignment_unique"
            )
        ]
        # A council's sheets by member and state, with what the ranking sums: the members'
        # progress and the sums over 15,000 sheets read from the index alone.
        indexes = [
            models.Index(
                fields=["member", "state", "registration", "total"], name="review_sheet_sums"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} → {self.registration_id}"


class Exclusion(models.Model):
    """A member who may not score a registration: their own unit or work, or the chair said so."""

    member = models.ForeignKey(
        "review.CouncilMember", on_delete=models.CASCADE, related_name="exclusions"
    )
    registration = models.ForeignKey(
        "initiatives.Registration", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "registration"], name="review_exclusion_unique"
            )
        ]

    def __str__(self) -> str:
        return self.reason


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("plans.Criterion", on_delete=models.CASCADE, related_name="+")
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2, null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="review_score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.points}"


class Proposal(models.Model):
    """The outcome the council proposes for a registration, and why."""

    council = models.ForeignKey(
        "review.Council", on_delete=models.CASCADE, related_name="proposals"
    )
    registration = models.ForeignKey(
        "initiatives.Registration", on_delete=models.CASCADE, related_name="proposals"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["council", "registration"], name="review_proposal_unique"
            )
        ]

    def __str__(self) -> str:
        return self.get_outcome_display()


class Decision(models.Model):
    """The council's vote on the proposed list, with the share the rule required."""

    council = models.OneToOneField(
        "review.Council", on_delete=models.PROTECT, related_name="decision"
    )
    members = models.PositiveSmallIntegerField(_("members of the council"))
    present = models.PositiveSmallIntegerField(_("members present"))
    votes_for = models.PositiveSmallIntegerField(_("votes for"))
    votes_against = models.PositiveSmallIntegerField(_("votes against"))
    required = models.PositiveSmallIntegerField(_("votes required"))
    approved = models.BooleanField(_("approved"))
    number = models.PositiveIntegerField(null=True, blank=True)
    number_period = models.CharField(max_length=30, blank=True)
    decided_on = models.DateField(_("date"))
    # The meeting the vote was held at, as its minutes record it; None: not known.
    started_at = models.TimeField(_("meeting started at"), null=True, blank=True)
    ended_at = models.TimeField(_("meeting ended at"), null=True, blank=True)
    # Who did not come, as the minutes name them; empty with fewer present than members:
    # not recorded (the minutes then give the count only).
    absent = models.ManyToManyField(
        "review.CouncilMember", verbose_name=_("members absent"), blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.votes_for}/{self.members}"
