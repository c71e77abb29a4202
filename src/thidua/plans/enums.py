"""The plans app's choices: a leaf module (Django only), so any layer may import it
without a cycle (docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmulationForm(models.TextChoices):
    REGULAR = "regular", _("regular (thường xuyên)")
    THEMATIC = "thematic", _("thematic (theo chuyên đề)")


class PlanState(models.TextChoices):
    DRAFT = "draft", _("draft")
    ISSUED = "issued", _("issued")
    CLOSED = "closed", _("closed")


class LatePolicy(models.TextChoices):
    BLOCK = "block", _("refused after the deadline")
    MARK_LATE = "mark_late", _("accepted and marked late")


class SectionKind(models.TextChoices):
    PURPOSE = "purpose_requirements", _("purpose and requirements")
    CONTENT = "content", _("content")
    TASKS = "tasks_solutions", _("tasks and solutions")
    ORGANISATION = "organisation", _("organisation of implementation")
    OTHER = "other", _("other")


class DeadlineKind(models.TextChoices):
    CHILD_PLAN = "child_plan", _("units' own plans")
    REGISTRATION = "registration", _("registration")
    REPORT = "report", _("results report")
    OTHER = "other", _("other")


class Restart(models.TextChoices):
    YEAR = "year", _("every year")
    TERM = "term", _("every term (nhiệm kỳ)")


class ChildPlanState(models.TextChoices):
    """Where a unit stands with its own plan under a parent plan (the cascade)."""

    ON_TIME = "on_time", _("issued on time")
    LATE = "late", _("issued late")
    DRAFT = "draft", _("draft only")
    MISSING = "missing", _("not started")
