"""Form fields every app's forms share: plain text that is stored NFC and never markup,
and numbers read the Vietnamese way."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core import numbers, text

MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
MAX_LONG_TEXT = 20_000  # characters: about eight typed pages


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
    """Several paragraphs, at most ``MAX_LONG_TEXT`` characters unless a field says less:
    a description is a few pages, never megabytes an autosave would accept."""

    widget = forms.Textarea

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_LONG_TEXT)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        """Several paragraphs: each line NFC, the line breaks kept."""
        value = forms.CharField.to_python(self, value) or ""
        return "\n".join(text.nfc(line) for line in value.strip().splitlines())


class VietnameseNumberInput(forms.TextInput):
    """A text box for a number: a phone's <input type=number> takes neither "1.500.000" nor
    "30,5" and sends nothing for them. Stored numbers are shown the Vietnamese way."""

    def __init__(self, attrs=None, *, decimal=False):
        super().__init__({"inputmode": "decimal" if decimal else "numeric", **(attrs or {})})
        self.decimal = decimal

    def format_value(self, value):
        if value is None or isinstance(value, str):  # nothing yet, or what was typed
            return super().format_value(value)
        shown = numbers.format_number(value)
        if self.decimal and shown.count(".") == 1 and "," not in shown:
            return shown.replace(".", "")  # "1.500" could be read back as one and a half
        return shown


class VietnameseIntegerField(forms.IntegerField):
    """A whole number as Vietnamese write it (``core.numbers.parse_integer``)."""

    widget = VietnameseNumberInput

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            return numbers.parse_integer(value)
        return super().to_python(value)


class VietnameseDecimalField(forms.DecimalField):
    """A decimal as Vietnamese write it (``core.numbers.parse_decimal``)."""

    widget = VietnameseNumberInput(decimal=True)

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            return numbers.parse_decimal(value)
        return super().to_python(value)


class OfficeDateField(forms.DateField):
    """A date an office would write: from 1990 to ten years ahead, not year 1 or 9999
    (a typo in the year would otherwise be stored and printed on an official document)."""

    EARLIEST = datetime.date(1990, 1, 1)
    YEARS_AHEAD = 10

    def validate(self, value):
        super().validate(value)
        latest_year = timezone.localdate().year + self.YEARS_AHEAD
        if value and not self.EARLIEST <= value <= datetime.date(latest_year, 12, 31):
            raise forms.ValidationError(
                _("The date must be between %(first)d and %(last)d.")
                % {"first": self.EARLIEST.year, "last": latest_year},
                code="date_range",
            )
