"""The events app's choices: a leaf module (Django only), so any layer may import it
without a cycle (docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    EXHIBITION = "exhibition", _("exhibition (triển lãm)")
    SEMINAR = "seminar", _("seminar (tọa đàm)")
    CONFERENCE = "conference", _("conference (hội thảo)")
    FAIR = "fair", _("fair (hội chợ)")


class EventState(models.TextChoices):
    """A draft is for the organising unit only; a published event is on the public calendar
    and counts in the results report; a cancelled one is on neither."""

    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    CANCELLED = "cancelled", _("cancelled")
