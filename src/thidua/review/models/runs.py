"""A chair's request to assign a council's entries, carried out in the background."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.review.enums import RunState

ACTIVE = (RunState.QUEUED, RunState.RUNNING)


class AssignmentRun(models.Model):
    """One "Assign" of the council page: what was asked, how far it is, what it made."""

    council = models.ForeignKey(
        "review.Council", on_delete=models.CASCADE, related_name="assignment_runs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    per_registration = models.PositiveSmallIntegerField(null=True, blank=True)
    state = models.CharField(
        _("status"), max_length=10, choices=RunState.choices, default=RunState.QUEUED
    )
    done = models.PositiveIntegerField(default=0)  # entries gone through
    total = models.PositiveIntegerField(default=0)  # entries to go through
    assigned = models.PositiveIntegerField(null=True, blank=True)  # scoresheets made
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One assignment at a time per council: a second "Assign" waits for the first.
            models.UniqueConstraint(
                fields=["council"],
                condition=Q(state__in=ACTIVE),
                name="review_one_active_assignment_run",
            )
        ]

    def __str__(self) -> str:
        return f"{self.council_id}: {self.state} {self.done}/{self.total}"
