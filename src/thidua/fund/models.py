"""The reward fund (quỹ hỗ trợ, khuyến khích): a unit's funds, their donors, and the ledger.

The ledger (``Entry``) is append-only: an entry is never changed or deleted; a mistake is
corrected by a reversing entry that names the entry it reverses and takes its amount back.
Three guards keep it so, from the cheapest to the last word:

- the domain has no function that changes or deletes an entry (``fund/domain/ledger.py``);
- the model refuses: ``Entry.save()`` on a stored entry, ``Entry.delete()``, and the
  queryset's ``update()`` and ``delete()`` raise ``AppendOnlyError``; the admin is read-only;
- the database refuses an UPDATE of a stored row (a trigger, migration 0002), whatever
  writes it (a shell, a script, a careless migration), on SQLite and PostgreSQL alike, and a
  DELETE on PostgreSQL. SQLite keeps DELETE open: Django empties SQLite tables with DELETE
  (``flush``: tests, ``thidua restore --force``), where PostgreSQL uses TRUNCATE, which no
  row trigger sees.

Each entry carries the fund's running balance after it (money and goods in kind are two
holdings, each with its own balance) and its place in the fund's sequence. The database
refuses a negative balance and a second entry at the same place, so two writers that both
read the same last balance cannot both write (PostgreSQL: the fund's row is locked first;
SQLite: its IMMEDIATE transactions queue the writers; either way the unique place is the
last guard).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.fund.enums import DonorKind, EntryKind


class AppendOnlyError(Exception):
    """Someone tried to change or delete an entry of the ledger: correct it with a reversing
    entry instead (``ledger.entry_reverse``)."""


class Fund(models.Model):
    """A unit's reward fund: what it mobilises to support and reward good models."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="funds"
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reward fund")
        verbose_name_plural = _("reward funds")
        ordering = ["unit__sort_key", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="fund_name_unique")]

    def __str__(self) -> str:
        return self.name


class Donor(models.Model):
    """Someone who gives to a unit's funds: an organisation, a business, a person, a
    benefactor. Named publicly only with their consent."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="donors"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=DonorKind.choices)
    named_publicly = models.BooleanField(
        _("agrees to be named publicly"),
        default=False,
        help_text=_("Without this consent the public page counts the donor without a name."),
    )
    consent_note = models.CharField(_("how the consent was given"), max_length=300, blank=True)
    contact = models.CharField(_("address or phone (never public)"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class EntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The ledger is append-only: record a reversing entry instead.")

    def delete(self):
        raise AppendOnlyError("The ledger is append-only: record a reversing entry instead.")

    def bulk_update(self, *args, **kwargs):
        raise AppendOnlyError("The ledger is append-only: record a reversing entry instead.")


class Entry(models.Model):
    """One line of a fund's ledger. ``amount_vnd`` is signed: what it adds to (or takes from)
    its holding (money, or goods in kind at their valuation); ``balance_vnd`` is that
    holding's balance after it."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="entries")
    sequence = models.PositiveIntegerField(_("no."))
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    in_kind = models.BooleanField(_("in kind"), default=False)
    amount_vnd = models.BigIntegerField(_("amount (VND)"))
    balance_vnd = models.BigIntegerField(_("balance after (VND)"))
    occurred_on = models.DateField(_("date"))
    donor = models.ForeignKey(
        Donor, on_delete=models.PROTECT, null=True, blank=True, related_name="entries"
    )
    # A disbursement goes to an initiative the council commended, by its decision.
    proposal = models.ForeignKey(
        "review.Proposal",
        verbose_name=_("council's outcome"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fund_entries",
    )
    description = models.CharField(_("description"), max_length=500, blank=True)
    reference = models.CharField(_("voucher or document"), max_length=100, blank=True)
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("reverses"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
    )
    reason = models.CharField(_("reason for the correction"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["fund", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "sequence"], name="fund_entry_sequence"),
            models.CheckConstraint(condition=Q(balance_vnd__gte=0), name="fund_entry_balance"),
            # An entry adds (a contribution) or takes (a disbursement, the national fund);
            # a correction does the opposite of the entry it reverses.
            models.CheckConstraint(
                condition=(
                    Q(kind=EntryKind.CONTRIBUTION, reverses__isnull=True, amount_vnd__gt=0)
                    | Q(kind=EntryKind.CONTRIBUTION, reverses__isnull=False, amount_vnd__lt=0)
                    | Q(
                        ~Q(kind=EntryKind.CONTRIBUTION),
                        reverses__isnull=True,
                        amount_vnd__lt=0,
                    )
                    | Q(
                        ~Q(kind=EntryKind.CONTRIBUTION),
                        reverses__isnull=False,
                        amount_vnd__gt=0,
                    )
                ),
                name="fund_entry_sign",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EntryKind.CONTRIBUTION) | Q(donor__isnull=False),
                name="fund_entry_contribution_donor",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EntryKind.DISBURSEMENT) | Q(proposal__isnull=False),
                name="fund_entry_disbursement_decision",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EntryKind.NATIONAL) | Q(in_kind=False),
                name="fund_entry_national_in_money",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fund} #{self.sequence}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"Entry {self.pk} is stored: record a reversing entry instead.")
        kwargs["force_insert"] = True  # never an UPDATE, even with a primary key given
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"Entry {self.pk} is part of the ledger: it is never deleted.")

    @property
    def is_correction(self) -> bool:
        return self.reverses_id is not None

    @property
    def amount(self) -> int:
        """What the entry moves, without its sign."""
        return abs(self.amount_vnd)
