from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import LongTextField, PlainTextField
from thidua.novelty.enums import Verdict


class DraftCheckForm(forms.Form):
    """What the registration form sends as the officer types (GET)."""

    name = PlainTextField(max_length=300, required=False)
    summary = LongTextField(max_length=5000, required=False)
    registration = forms.IntegerField(required=False, min_value=1)


class DecisionForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Decision"),
        choices=[(Verdict.DUPLICATE, Verdict.DUPLICATE.label), (Verdict.NEW, Verdict.NEW.label)],
        widget=forms.RadioSelect,
    )
    duplicate = forms.ChoiceField(label=_("It repeats"), required=False, choices=[])
    note = LongTextField(label=_("Note"), max_length=2000, required=False)

    def __init__(self, *args, findings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].choices = [("", "—")] + [
            (f.key, f"{f.title} ({f.unit}{', ' if f.unit and f.year else ''}{f.year or ''})")
            for f in findings
        ]
