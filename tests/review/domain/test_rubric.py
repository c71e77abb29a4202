"""The rubric as data (review/domain/rubric.py): bands and classes typed as text, and the hint
that shows how to type a band, computed from the criterion's maximum."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from thidua.review.domain.rubric import band_example, parse_bands

D = Decimal


def test_the_band_hint_is_the_top_tenth_of_the_criterions_maximum():
    assert band_example(30) == "27-30"
    assert band_example(20) == "18-20"
    assert band_example(10) == "9-10"
    assert band_example(5) == "4-5"
    assert band_example(1) == "0-1"


@given(st.integers(min_value=1, max_value=30_000))
def test_the_band_hint_is_a_band_the_rubric_accepts(maximum):
    example = band_example(maximum)
    low, high = (int(part) for part in example.split("-"))
    assert 0 <= low < high == maximum
    assert parse_bands(f"{example}: cao nhất", maximum) == [(D(low), D(high), "cao nhất")]


@pytest.mark.parametrize("maximum", [5, 10, 20, 30])
def test_a_badly_typed_band_is_answered_with_a_hint_within_the_maximum(maximum):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        parse_bands("cao nhất", maximum)
    (message,) = refused.value.messages
    assert message == f"Line 1: write “{band_example(maximum)}: meaning”."
    if maximum < 30:
        assert "27-30" not in message
