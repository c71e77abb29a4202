"""The initiatives app's choices: a leaf module (Django only), so any layer may import it
without a cycle (docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    MODEL = "model", _("model (mô hình)")
    INITIATIVE = "initiative", _("initiative (sáng kiến)")
    IDEA = "idea", _("new idea (ý tưởng mới)")


class RegistrationState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RECEIVED = "received", _("received")
    RETURNED = "returned", _("returned for revision")
    ACCEPTED = "accepted", _("accepted")
    # A draft its unit deleted (or merged into another): out of every list and count, kept
    # for the audit log and its history (initiatives/domain/drafts.py).
    DELETED = "deleted", _("deleted draft")


class FileKind(models.TextChoices):
    PHOTO = "photo", _("photo")
    DOCUMENT = "document", _("document")
    PAPER_FORM = "paper_form", _("scanned paper form")


class IdeaState(models.TextChoices):
    NEW = "new", _("new")
    CONVERTED = "converted", _("turned into a registration")
    DISMISSED = "dismissed", _("set aside")


class ComplianceState(models.TextChoices):
    """Where a unit stands with the registrations a plan asks of it."""

    ON_TIME = "on_time", _("on time")
    LATE = "late", _("late")
    SHORT = "short", _("fewer than required")
    MISSING = "missing", _("nothing sent")
