from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import (
    LongTextField,
    PlainTextField,
    VietnameseDecimalField,
    VietnameseIntegerField,
)
from thidua.results.domain.recorded import RECORDED
from thidua.results.enums import Reporting
from thidua.results.models import Progress

COUNT = {"min_value": 0, "max_value": 2_147_483_647}
MONEY = {"min_value": 0, "max_value": 10**15}


class ReportForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    meetings = VietnameseIntegerField(label=_("Publicity meetings held"), **COUNT)
    meeting_participants = VietnameseIntegerField(label=_("People at those meetings"), **COUNT)
    media_items = VietnameseIntegerField(label=_("Items in the media"), **COUNT)
    events = VietnameseIntegerField(label=_("Exhibitions, seminars and fairs"), **COUNT)
    event_participants = VietnameseIntegerField(label=_("People at those events"), **COUNT)
    replicated = VietnameseIntegerField(label=_("Models replicated from elsewhere"), **COUNT)
    support_vnd = VietnameseIntegerField(label=_("Support mobilised (VND)"), **MONEY)
    support_in_kind = PlainTextField(label=_("Support in kind"), max_length=300, required=False)
    fund_vnd = VietnameseIntegerField(
        label=_("Contributed to the “Người Việt đoàn kết sáng tạo” fund (VND)"), **MONEY
    )
    award_entries = VietnameseIntegerField(
        label=_("Initiatives sent to the national award"), **COUNT
    )
    achievements = LongTextField(label=_("Results achieved"), required=False)
    shortcomings = LongTextField(label=_("Shortcomings and limits"), required=False)
    causes = LongTextField(label=_("Causes"), required=False)
    lessons = LongTextField(label=_("Lessons learnt"), required=False)
    proposals = LongTextField(label=_("Proposals and recommendations"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RECORDED:  # counted from the records: shown, not typed
            self.fields[name].disabled = True
            self.fields[name].help_text = _("from the records")

    def fields_for_save(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class ResultForm(forms.Form):
    progress = forms.ChoiceField(label=_("Progress"), choices=Progress.choices)
    stop_reason = PlainTextField(label=_("Why it stopped"), max_length=300, required=False)
    households = VietnameseIntegerField(label=_("Households taking part"), required=False, **COUNT)
    area_ha = VietnameseDecimalField(
        label=_("Area (ha)"), min_value=0, max_digits=10, decimal_places=2, required=False
    )
    income_change = PlainTextField(
        label=_("Change in output or income"), max_length=200, required=False
    )
    cost_vnd = VietnameseIntegerField(label=_("Cost (VND)"), required=False, **MONEY)
    text = LongTextField(label=_("Results"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("progress") == Progress.STOPPED and not data.get("stop_reason"):
            self.add_error("stop_reason", _("Say why it stopped."))
        return data


class ReportFilterForm(forms.Form):
    """The reports' list filter (GET): where each unit stands; the pages keep it."""

    reporting = forms.ChoiceField(
        label=_("Report"), required=False, choices=[("", _("all")), *Reporting.choices]
    )
