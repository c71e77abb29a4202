from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    """A reminder of a deadline sent to a unit's office. Automatic reminders are unique per
    deadline, unit and offset: the row is the claim, written in the same transaction as the
    notifications, so a reminder is sent once even when the worker crashes or runs twice."""

    deadline = models.ForeignKey(
        "plans.Deadline", on_delete=models.CASCADE, related_name="reminders"
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    offset_days = models.SmallIntegerField(_("days before the deadline"))
    manual = models.BooleanField(_("sent by hand"), default=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "notify_reminder"  # created by the notify app before reminders moved here
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "unit", "offset_days"],
                condition=models.Q(manual=False),
                name="notify_reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.deadline_id}/{self.unit_id}/{self.offset_days}"
