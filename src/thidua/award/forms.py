from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.award.enums import NominationState
from thidua.core.forms import LongTextField, OfficeDateField, PlainTextField


class EndorsementForm(forms.Form):
    endorsement = LongTextField(
        label=_("The unit's endorsement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the registering unit confirms, as its signed endorsement says it."),
    )
    endorser = PlainTextField(
        label=_("Endorsed by"),
        max_length=200,
        required=False,
        help_text=_("Who signs it: “Chủ tịch Hội Nông dân xã Ea Bá, Nguyễn Văn A”."),
    )


class EndorseForm(forms.Form):
    note = PlainTextField(label=_("The province's opinion"), max_length=500, required=False)


class ReturnForm(forms.Form):
    reason = LongTextField(
        label=_("Why is it returned? What should change?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why it is returned and what should change.")},
    )


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (NominationState.AWARDED.value, NominationState.AWARDED.label),
            (NominationState.NOT_AWARDED.value, NominationState.NOT_AWARDED.label),
        ],
        widget=forms.RadioSelect,
    )
    decided_on = OfficeDateField(
        label=_("Decided on"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = PlainTextField(
        label=_("Decision"),
        max_length=300,
        required=False,
        help_text=_("The national decision's number and what it says."),
    )
