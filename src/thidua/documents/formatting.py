"""The texts shared by the council's documents (minutes, decision, certificates): scores,
times of day, sums of money, lists of items, how a document is cited, quotations.

Numbers follow the one policy of `thidua.core.numbers`: "18,5", "1.500.000".
"""

from datetime import date, time
from decimal import Decimal

from thidua.core.numbers import format_number
from thidua.documents.dates import blank_date, short_date

Number = int | float | Decimal

ENTRIES = "mô hình, sáng kiến, ý tưởng mới"
DOTS = "……"  # a blank to be filled in by hand in running text
_SCORE_STEP = Decimal("0.01")  # scores are rounded to two decimals


def points(value: Number | str | None) -> str:
    """A score as Vietnamese writes it: 18.5 → "18,5", 85.333 → "85,33", 20.00 → "20";
    None (not scored) → ""; a text is kept as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    # Through its shortest text, so that a float rounds as it reads: 2.675 → "2,68".
    return format_number(Decimal(str(value)).quantize(_SCORE_STEP))


def clock(value: time | None) -> str:
    """`time(14, 0)` → "14 giờ 00"; None leaves the blanks of a draft."""
    if value is None:
        return f"{DOTS} giờ {DOTS}"
    return f"{value.hour:02d} giờ {value.minute:02d}"


def money(amount: int) -> str:
    """A sum in đồng as documents write it: 500000 → "500.000 đồng"."""
    if amount < 0:
        raise ValueError("a sum of money cannot be negative")
    return f"{format_number(amount)} đồng"


def enumeration(items: list[str]) -> str:
    """Items as a sentence lists them: ["Điều 1", "Điều 2", "Điều 3"] → "Điều 1, Điều 2 và
    Điều 3"."""
    if not items:
        raise ValueError("nothing to list")
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} và {items[-1]}"


def citation(number: str, d: date | None, year: int | None = None) -> str:
    """How a document is cited: ("Số 25-QĐ/HNDH", 25/10/2022) → "số 25-QĐ/HNDH ngày 25/10/2022";
    a draft's blank number and date stay blank."""
    cited = number.strip()
    cited = f"số{cited.removeprefix('Số')}" if cited.startswith("Số") else cited
    if d is not None:
        return f"{cited} ngày {short_date(d)}"
    if year is None:
        raise ValueError("an undated document needs its year")
    return f"{cited} {blank_date(year)}"


def quoted(text: str) -> str:
    """An entry's name in quotes, unless it has them already."""
    text = text.strip()
    return text if text.startswith(("“", '"')) else f"“{text}”"
