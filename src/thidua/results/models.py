"""A unit's results report for a plan (báo cáo kết quả), and the result of each initiative."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.models import StoredFile
from thidua.results.enums import Progress, ReportState


class ResultsReport(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="reports")
    state = models.CharField(
        _("state"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    # What the unit did for the plan's other tasks
    meetings = models.PositiveIntegerField(_("publicity meetings held"), default=0)
    meeting_participants = models.PositiveIntegerField(_("people at those meetings"), default=0)
    media_items = models.PositiveIntegerField(_("items in the media"), default=0)
    events = models.PositiveIntegerField(_("exhibitions, seminars and fairs"), default=0)
    event_participants = models.PositiveIntegerField(_("people at those events"), default=0)
    replicated = models.PositiveIntegerField(_("models replicated from elsewhere"), default=0)
    support_vnd = models.PositiveBigIntegerField(_("support mobilised (VND)"), default=0)
    support_in_kind = models.CharField(_("support in kind"), max_length=300, blank=True)
    fund_vnd = models.PositiveBigIntegerField(
        _("contributed to the “Người Việt đoàn kết sáng tạo” fund (VND)"), default=0
    )
    award_entries = models.PositiveIntegerField(
        _("initiatives sent to the national award"), default=0
    )
    # The narrative
    achievements = models.TextField(_("results achieved"), blank=True)
    shortcomings = models.TextField(_("shortcomings and limits"), blank=True)
    causes = models.TextField(_("causes"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    proposals = models.TextField(_("proposals and recommendations"), blank=True)

    first_submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    return_reason = models.TextField(_("reason for return"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("results report")
        verbose_name_plural = _("results reports")
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit"], name="results_one_report_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.plan}"


class InitiativeResult(models.Model):
    """What became of one registered initiative: its progress and actual figures."""

    report = models.ForeignKey(ResultsReport, on_delete=models.CASCADE, related_name="results")
    registration = models.ForeignKey(
        "initiatives.Registration", on_delete=models.CASCADE, related_name="results"
    )
    progress = models.CharField(
        _("progress"), max_length=12, choices=Progress.choices, default=Progress.NOT_STARTED
    )
    stop_reason = models.CharField(_("why it stopped"), max_length=300, blank=True)
    households = models.PositiveIntegerField(_("households taking part"), null=True, blank=True)
    area_ha = models.DecimalField(
        _("area (ha)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    income_change = models.CharField(_("change in output or income"), max_length=200, blank=True)
    cost_vnd = models.PositiveBigIntegerField(_("cost (VND)"), null=True, blank=True)
    text = models.TextField(_("results"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "registration"], name="results_one_per_entry")
        ]

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.progress}"


def photo_path(instance, filename: str) -> str:
    return f"reports/{instance.report_id}/{filename}"


class ReportPhoto(StoredFile):
    """A photo of the results (re-encoded: no location data survives)."""

    report = models.ForeignKey(ResultsReport, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=photo_path)
    thumbnail = models.FileField(upload_to=photo_path)

    untitled = _("Photo")
