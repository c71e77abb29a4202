from datetime import date

import pytest

from thidua.documents.dates import official_date, place_and_date, short_date
from thidua.documents.official import number_line, roman


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2022, 3, 8), "ngày 08 tháng 3 năm 2022"),
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (date(2022, 10, 25), "ngày 25 tháng 10 năm 2022"),
        (date(2022, 12, 1), "ngày 01 tháng 12 năm 2022"),
    ],
)
def test_official_date_pads_days_and_only_the_first_two_months(day, expected):
    assert official_date(day) == expected


def test_place_and_date():
    assert place_and_date("Sông Hinh", date(2022, 3, 8)) == "Sông Hinh, ngày 08 tháng 3 năm 2022"


def test_place_and_date_of_a_draft_leaves_the_day_and_month_blank():
    assert place_and_date("Sông Hinh", None, 2026) == "Sông Hinh, ngày      tháng      năm 2026"
    with pytest.raises(ValueError, match="year"):
        place_and_date("Sông Hinh", None)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2022, 3, 3), "03/3/2022"),
        (date(2022, 4, 10), "10/4/2022"),
        (date(2022, 10, 25), "25/10/2022"),
        (date(2026, 1, 5), "05/01/2026"),
    ],
)
def test_short_date_as_the_seed_cites_documents_and_deadlines(day, expected):
    assert short_date(day) == expected


def test_number_line_joins_number_and_symbol_with_a_hyphen():
    assert number_line(115, "KH/HNDH") == "Số 115-KH/HNDH"
    assert number_line(None, "KH/HNDH") == "Số      -KH/HNDH"


def test_roman():
    assert [roman(n) for n in (1, 2, 3, 4, 5, 9, 14, 40, 1999)] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "IX",
        "XIV",
        "XL",
        "MCMXCIX",
    ]
    with pytest.raises(ValueError, match="Roman"):
        roman(0)
