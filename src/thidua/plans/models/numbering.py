"""Document numbers: a running number per issuing unit that restarts per year or per term."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.plans.enums import Restart


class NumberingRule(models.Model):
    """How a unit numbers its documents: "115-KH/HNDH" is number, type, ``issuer_code``."""

    unit = models.OneToOneField("org.Unit", on_delete=models.CASCADE, related_name="numbering_rule")
    issuer_code = models.CharField(
        _("issuer code"), max_length=20, help_text=_("e.g. HNDH for a district association.")
    )
    restart = models.CharField(
        _("numbers restart"), max_length=10, choices=Restart.choices, default=Restart.YEAR
    )
    term = models.CharField(
        _("current term"), max_length=20, blank=True, help_text=_("e.g. 2023-2028.")
    )

    class Meta:
        verbose_name = _("numbering rule")
        verbose_name_plural = _("numbering rules")

    def __str__(self) -> str:
        return f"{self.unit} — {self.issuer_code}"

    def period_for(self, year: int) -> str:
        """The counter that a document issued in ``year`` draws from."""
        return f"term:{self.term}" if self.restart == Restart.TERM and self.term else str(year)


class NumberCounter(models.Model):
    """The last number handed out by a unit in a period. Incremented by one UPDATE, so two
    documents issued at the same moment can never get the same number."""

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=30)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="plans_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.period}: {self.last_number}"
