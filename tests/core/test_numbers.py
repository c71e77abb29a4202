"""The one number policy: what a Vietnamese office types is stored as meant, what can be
read two ways is refused, and what is written back reads the same."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.numbers import format_number, parse_decimal, parse_integer


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("1500000", 1500000),
        ("1.500.000", 1500000),
        ("1 500 000", 1500000),
        ("1\u00a0500\u00a0000", 1500000),
        (" 120.000.000 ", 120000000),
        ("0", 0),
    ],
)
def test_parse_integer_vietnamese_forms(typed, meant):
    assert parse_integer(typed) == meant


@pytest.mark.parametrize("typed", ["1,5", "1.5", "30,50"])
def test_parse_integer_refuses_a_decimal_part(typed):
    with pytest.raises(ValidationError) as refused:
        parse_integer(typed)
    assert refused.value.code == "not_whole"


@pytest.mark.parametrize("typed", ["abc", "1.50.000", "1..5", "--1", "1e5", ""])
def test_parse_integer_refuses_what_is_not_a_number(typed):
    with pytest.raises(ValidationError):
        parse_integer(typed)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("30,5", Decimal("30.5")),
        ("30.5", Decimal("30.5")),
        ("0,25", Decimal("0.25")),
        ("1.234,5", Decimal("1234.5")),
        ("1 234,5", Decimal("1234.5")),
        ("1.500.000", Decimal(1500000)),
        ("12", Decimal(12)),
        ("2.25", Decimal("2.25")),
    ],
)
def test_parse_decimal_vietnamese_forms(typed, meant):
    assert parse_decimal(typed) == meant


@pytest.mark.parametrize("typed", ["1.500", "30.000"])
def test_parse_decimal_refuses_the_ambiguous_and_shows_both_readings(typed):
    with pytest.raises(ValidationError) as refused:
        parse_decimal(typed)
    assert refused.value.code == "ambiguous"
    message = refused.value.messages[0]
    assert typed.replace(".", "") in message
    assert typed.replace(".", ",") in message


@pytest.mark.parametrize("typed", ["30,5,1", "1,2.3", "abc", "1.2.3,4", ",5"])
def test_parse_decimal_refuses_what_is_not_a_number(typed):
    with pytest.raises(ValidationError):
        parse_decimal(typed)


@pytest.mark.parametrize(
    ("value", "places", "written"),
    [
        (120000000, None, "120.000.000"),
        (Decimal("30.50"), None, "30,5"),
        (Decimal("30.5"), 2, "30,50"),
        (Decimal("1234.5"), None, "1.234,5"),
        (0, None, "0"),
        (None, None, ""),
        (Decimal("-1500.25"), None, "-1.500,25"),
    ],
)
def test_format_number(value, places, written):
    assert format_number(value, places) == written


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_a_whole_number_is_written_as_its_decimal_is(value):
    # whole numbers take a short cut (no Decimal): the same text
    assert format_number(value) == format_number(Decimal(value))
    assert format_number(value, 2) == format_number(Decimal(value), 2)


@given(st.integers(min_value=0, max_value=10**15))
def test_integers_written_are_read_back(value):
    assert parse_integer(format_number(value)) == value


@given(
    st.decimals(
        min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False
    ).filter(lambda d: d != d.to_integral_value())
)
def test_decimals_written_are_read_back(value):
    assert parse_decimal(format_number(value)) == value
