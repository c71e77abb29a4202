"""A unit adopting a recognised model (nhân rộng): when, where, how big, what it changed, and
later what came of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.replication.enums import ReplicationState


class Replication(models.Model):
    registration = models.ForeignKey(
        "initiatives.Registration",
        verbose_name=_("model replicated"),
        on_delete=models.PROTECT,
        related_name="replications",
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit adopting it"),
        on_delete=models.PROTECT,
        related_name="replications",
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ReplicationState.choices,
        default=ReplicationState.ADOPTED,
    )
    started_on = models.DateField(_("applied from"))
    branches = models.ManyToManyField(
        "org.Unit", verbose_name=_("where (branches)"), blank=True, related_name="+"
    )
    households = models.PositiveIntegerField(_("households taking part"))
    scale = models.CharField(
        _("scale"), max_length=200, blank=True, help_text=_("For example “12 ha”, “40 cows”.")
    )
    adjustments = models.TextField(_("what was adjusted to local conditions"), blank=True)
    # What came of it, once known
    results = models.TextField(_("results"), blank=True)
    results_households = models.PositiveIntegerField(
        _("households taking part now"), null=True, blank=True
    )
    results_on = models.DateField(_("results as of"), null=True, blank=True)
    stop_reason = models.CharField(_("why it stopped"), max_length=300, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        ordering = ["started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "unit"], name="replication_once_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} — {self.unit}"
