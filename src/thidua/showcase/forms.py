from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import LongTextField, OfficeDateField, PlainTextField
from thidua.core.once import SingleUseForm
from thidua.initiatives.enums import Kind
from thidua.showcase.enums import Sector

ANY = [("", _("any"))]


class ShowcaseFilterForm(forms.Form):
    """The public list's search box and filters (GET); choices from what is published."""

    q = PlainTextField(label=_("Search (with or without diacritics)"), required=False)
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, empty_value=None, required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, empty_value=None, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    campaign = forms.ChoiceField(label=_("Linked campaign"), required=False)

    def __init__(self, *args, units, years, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = ANY + [
            (u.pk, "\u2003" * max(u.level - 1, 0) + u.full_name) for u in units
        ]
        self.fields["year"].choices = ANY + [(y, str(y)) for y in years]
        self.fields["kind"].choices = ANY + [
            (k, label) for k, label in Kind.choices if k != Kind.IDEA
        ]
        self.fields["sector"].choices = ANY + list(Sector.choices)
        self.fields["campaign"].choices = ANY + [(c, c) for c in campaigns]


class PublishForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)


class HighlightForm(forms.Form):
    month = OfficeDateField(
        label=_("Month"),
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
    )
    publication = forms.TypedChoiceField(label=_("Model"), coerce=int)
    note = LongTextField(label=_("Why it was chosen"), required=False)

    def __init__(self, *args, publications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publication"].choices = [(p.pk, str(p)) for p in publications]
        self.fields["note"].widget.attrs["rows"] = 3


class StoryForm(SingleUseForm):
    title = PlainTextField(label=_("Title"), max_length=300)
    summary = PlainTextField(label=_("Summary"), max_length=500, required=False)
    body = LongTextField(label=_("Text"))
    publish_on = OfficeDateField(
        label=_("Publish on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    models_linked = forms.TypedMultipleChoiceField(
        label=_("Models it tells about"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, publications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["models_linked"].choices = [(p.pk, str(p)) for p in publications]
        self.fields["body"].widget.attrs["rows"] = 12


class StoryEditForm(StoryForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReturnForm(forms.Form):
    reason = LongTextField(label=_("Why it is returned"))
