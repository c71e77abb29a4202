"""What the sign-in throttle counts: failed logins and password-reset requests."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.org.enums import AttemptKind

__all__ = ["Attempt", "AttemptKind"]


class Attempt(models.Model):
    """One failed login or one password-reset request, by account and by network address.

    Both are stored as keyed hashes (org/domain/logins.py: ``key``): enough to count, not to
    read back what was typed or where from. Rows older than a day are deleted as new ones
    come.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=AttemptKind.choices)
    account = models.CharField(max_length=64)
    address = models.CharField(max_length=64)
    at = models.DateTimeField(_("time"), db_index=True)

    class Meta:
        verbose_name = _("sign-in attempt")
        verbose_name_plural = _("sign-in attempts")
        indexes = [
            models.Index(fields=["kind", "account", "at"], name="org_attempt_account"),
            models.Index(fields=["kind", "address", "at"], name="org_attempt_address"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%d/%m/%Y %H:%M}"
