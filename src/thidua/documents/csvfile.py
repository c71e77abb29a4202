"""A table as CSV that Excel opens with its Vietnamese intact: UTF-8 with a byte-order mark
(without it Excel reads the bytes as the Windows code page and "Nguyễn" becomes "NguyÃ…n").

The same columns and rows as ``xlsx.render_xlsx`` (``XlsxColumn`` titles as the header row),
so one table builder serves both files. Values are written as a person reads them: dates as
dd/mm/yyyy (an aware datetime at Vietnam's time), numbers as Python writes them (a dot for
decimals: a CSV is for other programs, the XLSX for people), None as an empty cell; text
that a spreadsheet would run as a formula starts with an apostrophe.
"""

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from thidua.documents.xlsx import LOCAL_TIME, Cell, XlsxColumn

BOM = "\ufeff"
FORMULA_STARTS = frozenset("=+-@\t\r")


def render_csv(*, columns: Sequence[XlsxColumn], rows: Iterable[list]) -> bytes:
    """The header row and ``rows`` as the bytes of a .csv file (UTF-8 with its BOM)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_text(column.title) for column in columns])
    for row in rows:
        writer.writerow([_value(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def _value(value) -> str:
    if isinstance(value, Cell):
        value = value.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(LOCAL_TIME)
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float | Decimal):
        return str(value)
    text = _text(str(value))
    # A cell that starts like a formula is one to a spreadsheet (=HYPERLINK(…) typed into a
    # registration): a leading apostrophe keeps it text.
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value).replace("\r\n", "\n")
