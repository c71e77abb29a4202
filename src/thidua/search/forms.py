from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import PlainTextField
from thidua.search.enums import Kind


class SearchForm(forms.Form):
    q = PlainTextField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Only"), choices=[("", _("Everything")), *Kind.choices], required=False
    )
