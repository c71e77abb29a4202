"""The idea box: members and farmers without an account send ideas to their commune."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.initiatives.enums import IdeaState


class Idea(models.Model):
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("sent to"), on_delete=models.PROTECT, related_name="ideas"
    )
    name = models.CharField(_("your name"), max_length=150)
    phone = models.CharField(_("your phone number"), max_length=20)
    text = models.TextField(_("your idea"))
    state = models.CharField(
        _("status"), max_length=10, choices=IdeaState.choices, default=IdeaState.NEW
    )
    sender_key = models.CharField(max_length=64, db_index=True)  # hashed address, rate limits
    # The nonce of the form it came from: a form is accepted once (a second POST, a double
    # tap or a script replaying it, gets the first idea back instead of a copy).
    form_token = models.CharField(max_length=32, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self) -> str:
        return self.text[:60]


class SuppressedSpam(models.Model):
    """How many automated sends the idea box of a unit refused on a day: the commune sees
    that the box is being attacked without reading what the robots wrote."""

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="spam_once_a_day")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day}: {self.count}"
