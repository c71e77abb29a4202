"""The texts shared by the council's documents: scores, times, money, lists, citations,
quotations."""

from datetime import date, time
from decimal import Decimal

import pytest

from thidua.documents.formatting import citation, clock, enumeration, money, points, quoted


def test_points_clock_and_citation():
    assert points(Decimal("18.50")) == "18,5"
    assert points(85.333) == "85,33"
    assert points(Decimal("20.00")) == "20"
    assert points(None) == ""
    assert clock(time(8, 5)) == "08 giờ 05"
    assert clock(None) == "…… giờ ……"
    assert citation("Số 25-QĐ/HNDH", date(2022, 10, 25)) == "số 25-QĐ/HNDH ngày 25/10/2022"
    assert (
        citation("Số      -QĐ/HNDH", None, 2022) == "số      -QĐ/HNDH ngày      tháng      năm 2022"
    )


def test_points_round_as_written_and_keep_texts():
    assert points(2.675) == "2,68"  # the float as it reads, not its binary value (2.67499…)
    assert points(Decimal("0.005")) == "0"  # half to even, as Decimal rounds
    assert points(Decimal("7")) == "7"
    assert points(0) == "0"
    assert points("miễn") == "miễn"
    assert points("") == ""


def test_citation_needs_a_date_or_a_year_and_quotes_once():
    with pytest.raises(ValueError, match="needs its year"):
        citation("Số      -QĐ/HNDH", None)
    assert citation("25-QĐ/HNDH", date(2022, 3, 8)) == "25-QĐ/HNDH ngày 08/3/2022"
    assert quoted("  Tủ sách khuyến nông ") == "“Tủ sách khuyến nông”"
    assert quoted("“Tủ sách”") == "“Tủ sách”"
    assert quoted('"Tủ sách"') == '"Tủ sách"'


def test_money_and_enumeration():
    assert money(500_000) == "500.000 đồng"
    assert money(0) == "0 đồng"
    with pytest.raises(ValueError, match="negative"):
        money(-1)
    assert enumeration(["Điều 1"]) == "Điều 1"
    assert enumeration(["Điều 1", "Điều 2"]) == "Điều 1 và Điều 2"
    assert enumeration(["Điều 1", "Điều 2", "Điều 3"]) == "Điều 1, Điều 2 và Điều 3"
    with pytest.raises(ValueError, match="nothing"):
        enumeration([])
