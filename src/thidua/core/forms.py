"""Form fields every app's forms share: one text policy for everything people type, numbers
read the Vietnamese way, dates within a sane range, formsets with a bounded number of rows.

The text policy, in one place: every text is stored NFC, without control, direction or
invisible characters (``core.text.nfc``), and within a maximum length with a readable
message. Prose (``LongTextField``) keeps "<" and ">" as typed: "a < b and c > d" is
ordinary text, and every page, DOCX and XLSX writes it escaped as text. A one-line name or
title (``PlainTextField``: units, people, plans, councils, upload titles) refuses what looks
like an HTML tag: a name never needs one, and names travel further than pages (e-mail
subjects, file names, other offices' spreadsheets).
"""

import datetime
import re

from django import forms
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core import numbers, text
from thidua.core.once import SingleUseForm

TAG = re.compile(r"<\s*[a-zA-Z/!?]")
MAX_LINE = 500  # characters: a name or a title longer than this is a mistake
MAX_LONG_TEXT = 20_000  # characters: about eight typed pages
MAX_ROWS = 50  # rows of a formset (criteria, deadlines, implementers)


def no_tags(value: str) -> None:
    """A name or a title is shown in many places besides our pages: a tag in it is a mistake
    or an attack. A lone "<" or ">" ("năng suất > 5 tấn") is fine."""
    if value and TAG.search(value):
        raise forms.ValidationError(
            _("Do not use HTML tags or scripts (text between < and >) in the text."),
            code="tags",
        )


class PlainTextField(forms.CharField):
    """One line of text (a name, a title): NFC, blanks collapsed, no tags, at most
    ``MAX_LINE`` characters unless the field says less."""

    default_validators = [no_tags]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_LINE)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return text.nfc(super().to_python(value) or "")


class LongTextField(PlainTextField):
    """Prose: several paragraphs, at most ``MAX_LONG_TEXT`` characters unless a field says
    otherwise (a description is a few pages, never the megabytes an autosave would accept).
    "<" and ">" are kept: output is escaped."""

    widget = forms.Textarea
    default_validators = []

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


class _OfficeRange:
    """A date an office would write: from 1990 to ten years ahead, not year 1 or 9999
    (a typo in the year would otherwise be stored and printed on an official document)."""

    EARLIEST = datetime.date(1990, 1, 1)
    YEARS_AHEAD = 10

    def validate(self, value):
        super().validate(value)
        day = value.date() if isinstance(value, datetime.datetime) else value
        latest_year = timezone.localdate().year + self.YEARS_AHEAD
        if day and not self.EARLIEST <= day <= datetime.date(latest_year, 12, 31):
            raise forms.ValidationError(
                _("The date must be between %(first)d and %(last)d.")
                % {"first": self.EARLIEST.year, "last": latest_year},
                code="date_range",
            )


class OfficeDateField(_OfficeRange, forms.DateField):
    """A date within the office's range (``_OfficeRange``)."""


class OfficeDateTimeField(_OfficeRange, forms.DateTimeField):
    """A date and time within the office's range (``_OfficeRange``): an event's start."""


class PhotoForm(SingleUseForm):
    """A photo added to a page (an event, a story, a results report): its title is typed
    text like any other (no direction override makes it display as something else), and the
    upload is made once. The file is checked by its content and re-encoded by
    ``core.uploads.accept``; this form only says when none was chosen."""

    title = PlainTextField(label=_("Title"), max_length=200, required=False)
    photo = forms.FileField(
        label=_("Photo (JPEG, PNG or WebP)"),
        error_messages={"required": _("Choose a file to upload.")},
    )


class TooManyRows(SuspiciousOperation):
    """A formset posted with more rows than its page can add: no browser sends it, so the
    request is refused as a bad one (400) before a single row is built."""


class BoundedFormSet(forms.BaseFormSet):
    def total_form_count(self):
        if self.is_bound:
            posted = self.management_form.cleaned_data.get(forms.formsets.TOTAL_FORM_COUNT, 0)
            if posted > self.absolute_max:
                raise TooManyRows(f"{self.prefix}: {posted} rows, at most {self.absolute_max}")
        return super().total_form_count()


def bounded_formset(form, *, max_num: int = MAX_ROWS, **options):
    """``formset_factory`` with a hard ceiling: at most ``max_num`` rows are built, and a post
    that claims more is refused (``TooManyRows``, a 400) instead of costing seconds."""
    return forms.formset_factory(
        form,
        formset=BoundedFormSet,
        max_num=max_num,
        absolute_max=max_num,
        validate_max=True,
        **options,
    )
