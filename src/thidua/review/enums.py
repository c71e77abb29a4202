"""The review app's choices: states, roles, outcomes. A leaf: it imports only Django."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilState(models.TextChoices):
    SETUP = "setup", _("being set up")
    SCORING = "scoring", _("scoring")
    CLOSED = "closed", _("scoring closed")
    DECIDED = "decided", _("decided")


class Aggregate(models.TextChoices):
    MEAN = "mean", _("mean of the members' totals")
    MEDIAN = "median", _("median of the members' totals")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    VICE_CHAIR = "vice_chair", _("vice-chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")


class AssignmentState(models.TextChoices):
    """A scoresheet's state: nothing saved yet, saved but not sent, sent."""

    OPEN = "open", _("to score")
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")

    @classmethod
    def rank(cls, state: str) -> int:
        """A scoresheet's place in a queue: drafts to finish, then sheets to start, then done."""
        return ASSIGNMENT_RANK[cls(state)]


# The scoring queue's order, a rule of its own: that it matches the alphabetical order of
# the values today is a coincidence nothing may rely on.
ASSIGNMENT_RANK = {
    AssignmentState.DRAFT: 0,
    AssignmentState.OPEN: 1,
    AssignmentState.SUBMITTED: 2,
}


class Outcome(models.TextChoices):
    NONE = "none", _("not honoured")
    RECOGNISED = "recognised", _("recognised (công nhận)")
    COMMENDED = "commended", _("commended (khen thưởng)")
    NOMINATED = "nominated", _("nominated for the national award")


class RunState(models.TextChoices):
    """A background assignment's state: waiting for a worker, running, finished or failed."""

    QUEUED = "queued", _("waiting to start")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")
