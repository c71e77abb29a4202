"""A nomination for the award “Người Việt đoàn kết sáng tạo”: the dossier the nominating unit
prepares from its council's decision, and each step of its way up the hierarchy."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.award.enums import NominationState


class Nomination(models.Model):
    registration = models.OneToOneField(
        "initiatives.Registration",
        verbose_name=_("nominated entry"),
        on_delete=models.PROTECT,
        related_name="nomination",
    )
    council = models.ForeignKey(
        "review.Council",
        verbose_name=_("council"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=NominationState.choices,
        default=NominationState.PREPARING,
    )
    # The registering unit's endorsement (xác nhận của đơn vị), part of the dossier
    endorsement = models.TextField(_("the unit's endorsement"), blank=True)
    endorser = models.CharField(
        _("endorsed by"),
        max_length=200,
        blank=True,
        help_text=_("Who signs it: “Chủ tịch Hội Nông dân xã Ea Bá, Nguyễn Văn A”."),
    )
    # The cover letter (tờ trình), numbered when it is first sent
    letter_number = models.PositiveIntegerField(null=True, blank=True)
    letter_period = models.CharField(max_length=30, blank=True)
    letter_date = models.DateField(_("date of the cover letter"), null=True, blank=True)
    # The final outcome, as the national level decided it
    outcome_on = models.DateField(_("decided on"), null=True, blank=True)
    outcome_note = models.CharField(
        _("decision"),
        max_length=300,
        blank=True,
        help_text=_("The national decision's number and what it says."),
    )
    return_reason = models.TextField(_("reason for return"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nomination for the national award")
        verbose_name_plural = _("nominations for the national award")

    def __str__(self) -> str:
        return str(self.registration)


class Step(models.Model):
    """One step of the way: who at which level moved it from what to what, when, and why."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="steps")
    from_state = models.CharField(max_length=12, choices=NominationState.choices)
    to_state = models.CharField(max_length=12, choices=NominationState.choices)
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"
