"""Writing to a fund: opening it, its donors, and the ledger's entries.

The ledger only grows (``fund/models.py``): a contribution (money, or goods in kind at
their valuation), a disbursement to an initiative the council commended by its decision,
the unit's contribution to the national fund "Người Việt đoàn kết sáng tạo", and the
correction of any of them by a reversing entry. No function here changes or deletes an
entry.

Every entry is appended under a lock on its fund's row (PostgreSQL; SQLite's IMMEDIATE
transactions queue the writers): the last balance is read, the new one computed and refused
when it would be negative, and the entry written at the next place of the fund's sequence.

Money that leaves the fund is dated on or after the fund's last entry. With the balance
check in the order entries are recorded, that keeps the balance as of ANY date at zero or
more too: everything recorded before an outflow is dated no later than it, so the entries
up to a date always include all that preceded the last outflow among them.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.log import person_of, record
from thidua.audit.models import Action
from thidua.core import text
from thidua.core.numbers import format_number
from thidua.fund.enums import DonorKind, EntryKind
from thidua.fund.models import Donor, Entry, Fund
from thidua.notify.send import notify, office_of
from thidua.org.models import Unit
from thidua.review.models import CouncilState, Outcome, Proposal

# More than any fund of a mass organisation holds: a typo with three zeros too many.
MAX_AMOUNT = 100_000_000_000  # 100 billion VND
# The outcomes a disbursement may reward: commended, and nominated for the national award.
REWARDED = (Outcome.COMMENDED, Outcome.NOMINATED)
DONOR_FIELDS = ("name", "kind", "named_publicly", "consent_note", "contact")


# --- funds and donors ------------------------------------------------------------------


@transaction.atomic
def fund_create(*, actor, unit: Unit, name: str, purpose: str = "") -> Fund:
    name = text.nfc(name).strip()
    if not name:
        raise ValidationError(_("Give the fund a name."))
    if Fund.objects.filter(unit=unit, name=name).exists():
        raise ValidationError(_("This unit already has a fund with that name."))
    fund = Fund.objects.create(
        unit=unit, name=name, purpose=text.nfc(purpose).strip(), created_by=person_of(actor)
    )
    record(actor=actor, action=Action.CREATE, instance=fund, unit=unit)
    return fund


@transaction.atomic
def donor_create(
    *,
    actor,
    unit: Unit,
    name: str,
    kind: str,
    named_publicly: bool = False,
    consent_note: str = "",
    contact: str = "",
) -> Donor:
    donor = Donor(unit=unit)
    _donor_set(
        donor,
        name=name,
        kind=kind,
        named_publicly=named_publicly,
        consent_note=consent_note,
        contact=contact,
    )
    donor.save()
    record(actor=actor, action=Action.CREATE, instance=donor, unit=unit)
    return donor


@transaction.atomic
def donor_update(*, actor, donor: Donor, **fields) -> Donor:
    """Change a donor's name, kind, contact or consent (given or withdrawn: the public page
    follows at once; the ledger keeps every amount as it was)."""
    unknown = set(fields) - set(DONOR_FIELDS)
    if unknown:
        raise TypeError(f"donor_update: unknown fields {sorted(unknown)}")
    donor = Donor.objects.select_for_update().get(pk=donor.pk)
    before = {name: getattr(donor, name) for name in fields}
    _donor_set(donor, **{name: fields.get(name, getattr(donor, name)) for name in DONOR_FIELDS})
    after = {name: getattr(donor, name) for name in fields}
    if before == after:
        return donor
    donor.save()
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=donor,
        unit=donor.unit,
        before=before,
        after=after,
    )
    return donor


def _donor_set(donor: Donor, *, name, kind, named_publicly, consent_note, contact) -> None:
    name = text.nfc(name).strip()
    if not name:
        raise ValidationError(_("Give the donor's name."))
    if kind not in DonorKind.values:
        raise ValidationError(_("Choose what kind of donor this is."))
    donor.name, donor.kind, donor.named_publicly = name, kind, bool(named_publicly)
    donor.consent_note = text.nfc(consent_note).strip()
    donor.contact = text.nfc(contact).strip()


# --- the ledger ------------------------------------------------------------------------


def contribution_record(
    *,
    actor,
    fund: Fund,
    donor: Donor,
    amount_vnd: int,
    occurred_on: datetime.date,
    in_kind: bool = False,
    description: str = "",
    reference: str = "",
) -> Entry:
    """Money, or goods at their valuation (``in_kind``, described), given by ``donor``."""
    if donor.unit_id not in fund.unit.ancestor_ids():
        raise ValidationError(_("The donor is not on this unit's list of donors."))
    if in_kind and not text.nfc(description).strip():
        raise ValidationError(
            _("Say what was given in kind (for example: 2 tonnes of fertiliser).")
        )
    return _append(
        actor=actor,
        fund=fund,
        kind=EntryKind.CONTRIBUTION,
        amount_vnd=_amount(amount_vnd),
        occurred_on=occurred_on,
        in_kind=in_kind,
        donor=donor,
        description=description,
        reference=reference,
    )


def disbursement_record(
    *,
    actor,
    fund: Fund,
    proposal: Proposal,
    amount_vnd: int,
    occurred_on: datetime.date,
    in_kind: bool = False,
    description: str = "",
    reference: str = "",
) -> Entry:
    """Support paid to an initiative (money, or goods from the fund's stock) that a council
    commended or nominated, by its decision: ``proposal`` is the council's outcome for it.
    Tells the initiative's unit."""
    council = proposal.council
    if council.state != CouncilState.DECIDED or proposal.outcome not in REWARDED:
        raise ValidationError(
            _("The fund supports initiatives a council has commended, by its decision.")
        )
    if not council.plan.unit.path.startswith(fund.unit.path):
        raise ValidationError(
            _("This fund rewards the decisions of its own unit's councils and those below it.")
        )
    entry = _append(
        actor=actor,
        fund=fund,
        kind=EntryKind.DISBURSEMENT,
        amount_vnd=-_amount(amount_vnd),
        occurred_on=occurred_on,
        in_kind=in_kind,
        proposal=proposal,
        description=description,
        reference=reference,
    )
    registration = proposal.registration
    notify(
        people=office_of(registration.unit),
        message=_("%(fund)s supports “%(name)s” with %(amount)s đồng.")
        % {"fund": fund.name, "name": registration.name, "amount": format_number(entry.amount)},
        url=reverse("initiatives:registration_detail", args=[registration.pk]),
    )
    return entry


def national_record(
    *,
    actor,
    fund: Fund,
    amount_vnd: int,
    occurred_on: datetime.date,
    description: str = "",
    reference: str = "",
) -> Entry:
    """The unit's contribution, in money, to the national fund "Người Việt đoàn kết sáng
    tạo"."""
    return _append(
        actor=actor,
        fund=fund,
        kind=EntryKind.NATIONAL,
        amount_vnd=-_amount(amount_vnd),
        occurred_on=occurred_on,
        description=description,
        reference=reference,
    )


def entry_reverse(
    *, actor, entry: Entry, reason: str, occurred_on: datetime.date | None = None
) -> Entry:
    """Correct ``entry`` by a reversing entry: the same kind, holding, donor or initiative,
    with the opposite amount. An entry is reversed once; a correction is not itself
    reversed (record the right entry again instead)."""
    reason = text.nfc(reason).strip()
    if not reason:
        raise ValidationError(_("Say why the entry is corrected."))
    if entry.is_correction:
        raise ValidationError(
            _("A correction is not reversed: record the right entry again instead.")
        )
    return _append(
        actor=actor,
        fund=entry.fund,
        kind=entry.kind,
        amount_vnd=-entry.amount_vnd,
        occurred_on=occurred_on or timezone.localdate(),
        in_kind=entry.in_kind,
        donor=entry.donor,
        proposal=entry.proposal,
        description=entry.description,
        reference=entry.reference,
        reverses=entry,
        reason=reason,
    )


def _amount(amount) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError(_("The amount is a whole number of đồng."))
    if amount <= 0:
        raise ValidationError(_("The amount must be more than 0 đồng."))
    if amount > MAX_AMOUNT:
        raise ValidationError(
            _("%(amount)s đồng is more than a fund can hold: check the number of zeros.")
            % {"amount": format_number(amount)}
        )
    return amount


@transaction.atomic
def _append(*, actor, fund: Fund, amount_vnd: int, occurred_on, in_kind=False, **fields) -> Entry:
    if occurred_on > timezone.localdate():
        raise ValidationError(_("An entry is recorded once it has happened: not in the future."))
    fund = Fund.objects.select_for_update().select_related("unit").get(pk=fund.pk)
    reverses = fields.get("reverses")
    if reverses is not None and Entry.objects.filter(reverses=reverses).exists():
        raise ValidationError(_("This entry has already been corrected."))
    ledger = Entry.objects.filter(fund=fund)
    last = ledger.aggregate(sequence=Max("sequence"), date=Max("occurred_on"))
    holding = ledger.filter(in_kind=in_kind).order_by("-sequence").first()
    balance = holding.balance_vnd if holding is not None else 0
    if amount_vnd < 0:
        if balance + amount_vnd < 0:
            raise ValidationError(_short(fund, balance, -amount_vnd, in_kind))
        if last["date"] is not None and occurred_on < last["date"]:
            raise ValidationError(
                _(
                    "Money leaving the fund is dated on or after its last entry "
                    "(%(date)s): the ledger reads in order."
                )
                % {"date": last["date"].strftime("%d/%m/%Y")}
            )
    entry = Entry.objects.create(
        fund=fund,
        sequence=(last["sequence"] or 0) + 1,
        amount_vnd=amount_vnd,
        balance_vnd=balance + amount_vnd,
        occurred_on=occurred_on,
        in_kind=in_kind,
        recorded_by=person_of(actor),
        **{
            **fields,
            **{
                name: text.nfc(fields.get(name, "")).strip()
                for name in ("description", "reference", "reason")
            },
        },
    )
    record(
        actor=actor,
        action=Action.CREATE,
        instance=entry,
        unit=fund.unit,
        note=entry.reason if entry.is_correction else "",
    )
    return entry


def _short(fund: Fund, balance: int, amount: int, in_kind: bool) -> str:
    values = {"fund": fund.name, "balance": format_number(balance), "amount": format_number(amount)}
    if in_kind:
        return (
            _(
                "%(fund)s holds goods worth %(balance)s đồng: it cannot hand out %(amount)s "
                "đồng's worth. Nothing was recorded."
            )
            % values
        )
    return (
        _(
            "%(fund)s holds %(balance)s đồng: it cannot pay out %(amount)s đồng. "
            "Nothing was recorded."
        )
        % values
    )
