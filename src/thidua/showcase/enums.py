"""The showcase's choices: a leaf module (Django only), so any layer may import it without a
cycle (docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    CROPS = "crops", _("crops")
    LIVESTOCK = "livestock", _("livestock")
    AQUACULTURE = "aquaculture", _("aquaculture")
    FORESTRY = "forestry", _("forestry")
    PROCESSING = "processing", _("processing and trade")
    SERVICES = "services", _("services and cooperatives")
    ENVIRONMENT = "environment", _("environment and new countryside")
    SOCIETY = "society", _("social work and solidarity")
    OTHER = "other", _("other")


class PublicationState(models.TextChoices):
    PUBLISHED = "published", _("published")
    WITHDRAWN = "withdrawn", _("withdrawn")


class StoryState(models.TextChoices):
    """A story is written, sent to a second officer, and published by them or returned."""

    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("waiting for review")
    RETURNED = "returned", _("returned for revision")
    PUBLISHED = "published", _("published")
