"""Form fields every app's forms share: plain text that is stored NFC and never markup,
and numbers read the Vietnamese way."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core import numbers, text

MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")


def no_markup(value: str) -> None:
    """Text is shown as text everywhere; markup in it is a mistake or an attack."""
    if value and MARKUP.search(value):
        raise forms.ValidationError(
            _("Do not use HTML tags or scripts (text between < and >) in the text.")
        )


class PlainTextField(forms.CharField):
    """One line of text: NFC, blanks collapsed, no markup."""

    default_validators = [no_markup]

    def to_python(self, value):
        return text.nfc(super().to_python(value) or "")


class LongTextField(PlainTextField):
    widget = forms.Textarea

    def to_python(self, value):
        """Several paragraphs: each line NFC, the line breaks kept."""
        value = forms.CharField.to_python(self, value) or ""
        return "\n".join(text.nfc(line) for line in value.strip().splitlines())


class VietnameseIntegerField(forms.IntegerField):
    """A whole number as Vietnamese write it (``core.numbers.parse_integer``)."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            return numbers.parse_integer(value)
        return super().to_python(value)


class VietnameseDecimalField(forms.DecimalField):
    """A decimal as Vietnamese write it (``core.numbers.parse_decimal``)."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            return numbers.parse_decimal(value)
        return super().to_python(value)
