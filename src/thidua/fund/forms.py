"""The fund's forms: amounts are whole đồng typed the Vietnamese way (``core/forms.py``)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import LongTextField, OfficeDateField, PlainTextField, VietnameseIntegerField
from thidua.core.once import SingleUseForm
from thidua.fund.domain.ledger import MAX_AMOUNT
from thidua.fund.enums import DonorKind
from thidua.plans.forms import DATE_FORMATS, DateInput

MONEY = {
    "min_value": 1,
    "max_value": MAX_AMOUNT,
    "error_messages": {
        "min_value": _("The amount must be more than 0 đồng."),
        "max_value": _("The amount is more than a fund can hold: check the number of zeros."),
    },
}
HOLDING = [("money", _("money")), ("goods", _("in kind, at its valuation"))]


def _today():
    return timezone.localdate()


class FundForm(SingleUseForm):
    name = PlainTextField(label=_("Name of the fund"), max_length=200)
    purpose = LongTextField(label=_("Purpose"), required=False, max_length=2000)


class DonorForm(forms.Form):
    name = PlainTextField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=DonorKind.choices)
    named_publicly = forms.BooleanField(
        label=_("Agrees to be named on the public page"), required=False
    )
    consent_note = PlainTextField(
        label=_("How the consent was given"),
        max_length=300,
        required=False,
        help_text=_("For example: letter of 12/3/2022."),
    )
    contact = PlainTextField(
        label=_("Address or phone (never public)"), max_length=300, required=False
    )


class NewDonorForm(DonorForm, SingleUseForm):
    pass


class EntryForm(SingleUseForm):
    """What every entry has: an amount, a date, a voucher."""

    amount_vnd = VietnameseIntegerField(label=_("Amount (đồng)"), **MONEY)
    occurred_on = OfficeDateField(
        label=_("Date"), initial=_today, widget=DateInput, input_formats=DATE_FORMATS
    )
    reference = PlainTextField(
        label=_("Voucher or document"),
        max_length=100,
        required=False,
        help_text=_("For example: receipt no. 12/PT."),
    )
    description = PlainTextField(label=_("Description"), max_length=500, required=False)


class ContributionForm(EntryForm):
    field_order = ["donor", "holding", "amount_vnd", "description", "occurred_on", "reference"]

    donor = forms.ModelChoiceField(label=_("Donor"), queryset=None)
    holding = forms.ChoiceField(
        label=_("Given in"), choices=HOLDING, initial="money", widget=forms.RadioSelect
    )

    def __init__(self, *args, donors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = donors
        self.fields["amount_vnd"].label = _("Amount or valuation (đồng)")
        self.fields["description"].help_text = _(
            "In kind: what was given (for example: 2 tonnes of organic fertiliser)."
        )


class DisbursementForm(EntryForm):
    field_order = ["proposal", "holding", "amount_vnd", "description", "occurred_on", "reference"]

    proposal = forms.ModelChoiceField(label=_("Commended initiative"), queryset=None)
    holding = forms.ChoiceField(
        label=_("Paid in"), choices=HOLDING, initial="money", widget=forms.RadioSelect
    )

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals
        self.fields["proposal"].label_from_instance = _proposal_label


def _proposal_label(proposal) -> str:
    registration = proposal.registration
    return f"{registration.name} — {registration.unit.full_name} ({proposal.get_outcome_display()})"


class NationalForm(EntryForm):
    pass


class ReverseForm(SingleUseForm):
    reason = PlainTextField(label=_("Why is the entry corrected?"), max_length=500)
    occurred_on = OfficeDateField(
        label=_("Date of the correction"),
        initial=_today,
        widget=DateInput,
        input_formats=DATE_FORMATS,
    )


class PeriodForm(forms.Form):
    """The period the roll-up and the public page count (a year, or everything)."""

    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
