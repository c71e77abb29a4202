"""The fund app's choices: a leaf module (Django only), so any layer may import it without a
cycle (docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DonorKind(models.TextChoices):
    ORGANISATION = "organisation", _("organisation")
    BUSINESS = "business", _("business")
    INDIVIDUAL = "individual", _("individual")
    BENEFACTOR = "benefactor", _("benefactor")


class EntryKind(models.TextChoices):
    """What an entry of the ledger moves. A correction keeps the kind of the entry it
    reverses, with the opposite sign, so a kind's sum is already net of corrections."""

    CONTRIBUTION = "contribution", _("contribution")
    DISBURSEMENT = "disbursement", _("disbursement to a commended initiative")
    NATIONAL = "national", _("contribution to the “Người Việt đoàn kết sáng tạo” fund")

    @classmethod
    def sign(cls, kind: str) -> int:
        """+1 when an (uncorrected) entry of this kind adds to the fund, -1 when it takes."""
        return 1 if kind == cls.CONTRIBUTION else -1
