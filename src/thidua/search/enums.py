"""What the search covers, in the order its results are grouped."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PLAN = "plan", _("Plans")
    REGISTRATION = "registration", _("Registrations")
    IDEA = "idea", _("Ideas")
    REPORT = "report", _("Results reports")
    COUNCIL = "council", _("Councils")
    PERSON = "person", _("People")
    UNIT = "unit", _("Units")
    # Registered by the novelty app (``kinds.register``): initiatives imported from the past.
    ARCHIVE = "archive", _("Past initiatives")
