"""The results app's choices: a leaf module (Django only), so any layer may import it
without a cycle (docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RECEIVED = "received", _("received")
    RETURNED = "returned", _("returned for revision")


class Progress(models.TextChoices):
    """How far an initiative got: not a workflow state, the work itself."""

    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("completed")
    STOPPED = "stopped", _("stopped")


class Reporting(models.TextChoices):
    """Where a unit stands with its results report (the roll-up)."""

    ON_TIME = "on_time", _("on time")
    LATE = "late", _("late")
    MISSING = "missing", _("not reported")
