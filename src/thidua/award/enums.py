"""The award app's choices: a leaf module (Django only)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NominationState(models.TextChoices):
    """Where a nomination for the national award is: with the nominating unit (the district),
    at the province, at the national level, or decided there."""

    PREPARING = "preparing", _("dossier being prepared")
    RETURNED = "returned", _("returned to the nominating unit")
    AT_PROVINCE = "province", _("at the province")
    AT_NATIONAL = "national", _("endorsed by the province, at the national level")
    AWARDED = "awarded", _("awarded")
    NOT_AWARDED = "not_awarded", _("not awarded")


# The states in which the nominating unit may still change the dossier and send it.
WITH_NOMINATOR = (NominationState.PREPARING, NominationState.RETURNED)
FINAL = (NominationState.AWARDED, NominationState.NOT_AWARDED)
