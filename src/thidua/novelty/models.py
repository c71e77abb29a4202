"""The archive of past initiatives and the check of each registration.

A registration's own fields are not touched: the check and the district's verdict live here,
one row per registration (``Check``), written when the registration is sent and when the
district decides.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.novelty.enums import Verdict


class PastInitiative(models.Model):
    """An initiative from before the system (imported from a list): the archive beside the
    registrations and ideas the system holds."""

    title = models.CharField(_("name"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    unit_name = models.CharField(_("unit"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    recognised = models.BooleanField(_("recognised"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("past initiative")
        verbose_name_plural = _("past initiatives")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title


class Check(models.Model):
    """What the novelty check found when the registration was last sent, and what the
    district decided about it."""

    registration = models.OneToOneField(
        "initiatives.Registration", on_delete=models.CASCADE, related_name="novelty_check"
    )
    # [{"kind": …, "id": …, "score": …}, …], best first, as found when sent
    matches = models.JSONField(default=list)
    top_score = models.FloatField(default=0)
    flagged = models.BooleanField(_("may be a duplicate"), default=False)
    checked_at = models.DateTimeField()
    verdict = models.CharField(
        _("decision"), max_length=12, choices=Verdict.choices, default=Verdict.UNDECIDED
    )
    duplicate_kind = models.CharField(max_length=12, blank=True)
    duplicate_id = models.PositiveBigIntegerField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("novelty check")

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.top_score:.2f}"

    @property
    def duplicate_key(self) -> str:
        return f"{self.duplicate_kind}:{self.duplicate_id}" if self.duplicate_kind else ""
