"""The replication app's choices: a leaf module (Django only)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReplicationState(models.TextChoices):
    """Where a unit stands with a model it adopted: applying it, results recorded, given up."""

    ADOPTED = "adopted", _("being applied")
    EFFECTIVE = "effective", _("showing results")
    STOPPED = "stopped", _("stopped")
