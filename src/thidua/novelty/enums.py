"""The novelty app's choices: a leaf module (Django only)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    """The district's decision on a registration the check flagged."""

    UNDECIDED = "undecided", _("not decided")
    DUPLICATE = "duplicate", _("duplicate of an earlier initiative")
    NEW = "new", _("not a duplicate")
