import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import (
    LongTextField,
    OfficeDateField,
    OfficeDateTimeField,
    PlainTextField,
    VietnameseIntegerField,
)
from thidua.core.once import SingleUseForm
from thidua.events.enums import EventKind

MOMENT = {"type": "datetime-local"}


class MomentField(OfficeDateTimeField):
    """A date and time typed in a browser's picker, in the site's time zone."""

    widget = forms.DateTimeInput(attrs=MOMENT, format="%Y-%m-%dT%H:%M")

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"], **kwargs)


class EventForm(SingleUseForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = PlainTextField(label=_("Title"), max_length=300)
    starts_at = MomentField(label=_("Starts"))
    ends_at = MomentField(label=_("Ends"))
    place = PlainTextField(label=_("Place"), max_length=300)
    organiser = PlainTextField(
        label=_("Organiser"),
        max_length=300,
        required=False,
        help_text=_("As the invitation says it, with any partners. Empty: the unit."),
    )
    description = LongTextField(label=_("Description"), required=False)
    participants = VietnameseIntegerField(
        label=_("Number of participants"),
        min_value=0,
        max_value=2_147_483_647,
        required=False,
        help_text=_("Once the event has taken place."),
    )
    models_shown = forms.TypedMultipleChoiceField(
        label=_("Models shown"), coerce=int, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, models, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["models_shown"].choices = [
            (r.pk, f"{r.name} ({r.unit.full_name})") for r in models
        ]
        self.fields["description"].widget.attrs["rows"] = 4

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        return data

    def event_fields(self) -> dict:
        names = (
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "organiser",
            "description",
            "participants",
        )
        return {name: self.cleaned_data[name] for name in names}


class EventEditForm(EventForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class MonthForm(forms.Form):
    month = OfficeDateField(input_formats=["%Y-%m"], required=False)

    def first_day(self) -> datetime.date:
        if self.is_valid() and self.cleaned_data["month"]:
            return self.cleaned_data["month"].replace(day=1)
        return timezone.localdate().replace(day=1)
