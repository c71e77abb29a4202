from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import LongTextField, OfficeDateField, PlainTextField, VietnameseIntegerField
from thidua.core.once import SingleUseForm

COUNT = {"min_value": 0, "max_value": 2_147_483_647}
DATE = {
    "input_formats": ["%Y-%m-%d", "%d/%m/%Y"],
    "widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
}


class AdoptForm(SingleUseForm):
    """A unit records that it applies a recognised model: when, where, how big, what it
    changed. The branches offered are those of the units it may record for."""

    unit = forms.TypedChoiceField(label=_("Unit replicating the model"), coerce=int)
    started_on = OfficeDateField(label=_("Applied from"), **DATE)
    branches = forms.TypedMultipleChoiceField(
        label=_("Where: the branches applying it"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    households = VietnameseIntegerField(label=_("Households taking part"), **COUNT)
    scale = PlainTextField(
        label=_("Scale"),
        max_length=200,
        required=False,
        help_text=_("For example “12 ha”, “40 cows”."),
    )
    adjustments = LongTextField(
        label=_("What was adjusted to local conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, units, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.full_name) for u in units]
        self.fields["branches"].choices = [
            (b.pk, f"{b.full_name} ({b.parent.area_name})" if len(units) > 1 else b.full_name)
            for b in branches
        ]
        if not branches:
            del self.fields["branches"]


class ResultsForm(forms.Form):
    results_on = OfficeDateField(label=_("Results as of"), **DATE)
    results = LongTextField(
        label=_("Results"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    households = VietnameseIntegerField(
        label=_("Households taking part now"), required=False, **COUNT
    )
    stopped = forms.BooleanField(label=_("The unit has stopped applying it"), required=False)
    stop_reason = PlainTextField(label=_("Why it stopped"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("stopped") and not data.get("stop_reason"):
            self.add_error("stop_reason", _("Say why it stopped."))
        if not data.get("stopped") and not data.get("results"):
            self.add_error("results", _("Describe the results."))
        return data
