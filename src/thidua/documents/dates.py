"""Dates as Vietnamese official documents write them.

Nghị định 30/2020 (and the Party's format) pad days below 10 and the months 1 and 2 with a
zero ("ngày 05 tháng 01 năm 2026") but not the other months ("ngày 08 tháng 3 năm 2022"):
"tháng 1" could be misread as the start of "tháng 10"–"tháng 12" once handwritten over.
"""

from datetime import date

# Room left for the number or the day and month a draft does not have yet.
BLANK = " " * 6


def _day(d: date) -> str:
    return f"{d.day:02d}"


def _month(d: date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def official_date(d: date) -> str:
    """`date(2022, 3, 8)` → "ngày 08 tháng 3 năm 2022"."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year}"


def blank_date(year: int) -> str:
    """The date line of a draft, to be filled in when signed: "ngày      tháng      năm 2026"."""
    return f"ngày{BLANK}tháng{BLANK}năm {year}"


def place_and_date(place: str, d: date | None, year: int | None = None) -> str:
    """ "Sông Hinh, ngày 08 tháng 3 năm 2022"; with no date, the blank line of a draft."""
    if d is not None:
        return f"{place}, {official_date(d)}"
    if year is None:
        raise ValueError("an undated document needs its year")
    return f"{place}, {blank_date(year)}"


def short_date(d: date) -> str:
    """The form used when citing a document or a deadline: "03/3/2022", "25/10/2022"."""
    return f"{_day(d)}/{_month(d)}/{d.year}"
