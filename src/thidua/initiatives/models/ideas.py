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
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self) -> str:
        return self.text[:60]
