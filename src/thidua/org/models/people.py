"""People (accounts) and their roles in units."""

import re

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from thidua.core import text
from thidua.org.enums import Role

from .units import Unit


def normalise_phone(raw: str) -> str:
    """Digits only, with the country code +84 written as a leading 0."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


class Person(AbstractUser):
    """A person with an account. Logs in by username, e-mail or phone number."""

    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    position = models.CharField(_("position"), max_length=150, blank=True)
    sort_key = models.CharField(max_length=400, editable=False, db_index=True, default="")
    # The name folded for searching (text.fold): "nguyen" finds "Nguyễn", typed any way.
    search_name = models.CharField(max_length=150, editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~Q(email=""), name="org_person_unique_email"
            ),
            models.UniqueConstraint(
                fields=["phone"], condition=~Q(phone=""), name="org_person_unique_phone"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[-1] if self.full_name else self.username

    def refresh_derived_fields(self) -> None:
        self.full_name = text.nfc(self.full_name)
        self.email = self.email.strip()
        self.phone = normalise_phone(self.phone)
        self.sort_key = text.person_sort_key(self.full_name or self.username)
        self.search_name = text.fold(self.full_name)


class Membership(models.Model):
    """Person ``person`` has role ``role`` in ``unit`` and, through it, its whole subtree."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["person", "unit", "role"], name="org_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} — {self.unit}"
