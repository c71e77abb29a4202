"""Every number field of every form reads what a Vietnamese office types as meant.

The fields are found on the real forms, so a new number field that bypasses the policy
(a plain IntegerField reading "1,5" as 15) fails here.
"""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.core.forms import (
    MAX_LONG_TEXT,
    LongTextField,
    OfficeDateField,
    VietnameseDecimalField,
    VietnameseIntegerField,
)
from thidua.core.numbers import format_number
from thidua.initiatives.forms import RegistrationForm
from thidua.results.forms import ReportForm, ResultForm


def number_fields():
    found = []
    for name, form in [
        ("registration", RegistrationForm(criteria=[], campaigns=[])),
        ("report", ReportForm()),
        ("result", ResultForm()),
    ]:
        for field_name, field in form.fields.items():
            if isinstance(field, forms.IntegerField | forms.DecimalField) and not isinstance(
                field.widget, forms.HiddenInput
            ):
                found.append(pytest.param(field, id=f"{name}.{field_name}"))
    return found


@pytest.mark.parametrize("field", number_fields())
def test_every_number_field_follows_the_policy(field):
    assert isinstance(field, VietnameseIntegerField | VietnameseDecimalField)


@pytest.mark.parametrize("field", number_fields())
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_numbers_typed_the_vietnamese_way_are_stored_as_meant(field, data):
    low = int(field.min_value or 0)
    high = int(min(field.max_value or 10**12, 10**12))
    if isinstance(field, VietnameseDecimalField):
        places = field.decimal_places or 2
        whole_digits = (field.max_digits or 12) - places
        high = min(high, 10**whole_digits - 1)
        value = data.draw(st.decimals(min_value=low, max_value=high, places=places))
        value = value.quantize(Decimal(1).scaleb(-places))
    else:
        value = data.draw(st.integers(min_value=low, max_value=high))
    typed = format_number(value)
    if typed.count(".") == 1 and "," not in typed and isinstance(field, VietnameseDecimalField):
        typed = typed.replace(".", "")  # "1.500" alone is ambiguous in a decimal field
    assert field.clean(typed) == value


def test_the_defects_seen_are_gone():
    form = RegistrationForm(criteria=[], campaigns=[])
    assert form.fields["area_ha"].clean("30,5") == Decimal("30.5")
    assert form.fields["cost_vnd"].clean("120.000.000") == 120_000_000
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        form.fields["households"].clean("1,5")
    assert "không phải số nguyên" in refused.value.messages[0]


def test_long_text_has_a_readable_limit_by_default():
    field = LongTextField()
    assert field.clean("Mô hình " * 100)
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        field.clean("a" * (MAX_LONG_TEXT + 1))
    assert str(MAX_LONG_TEXT) in refused.value.messages[0].replace(".", "")


@pytest.mark.parametrize("typed", ["01/01/0001", "31/12/9999", "15/03/1899"])
def test_office_dates_outside_a_sane_range_are_refused(typed):
    field = OfficeDateField(input_formats=["%d/%m/%Y"])
    with pytest.raises(ValidationError) as refused:
        field.clean(typed)
    assert refused.value.code == "date_range"


def test_office_date_of_the_seed_is_accepted():
    field = OfficeDateField(input_formats=["%d/%m/%Y"])
    assert field.clean("08/03/2022") == datetime.date(2022, 3, 8)
