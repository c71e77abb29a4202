"""A table as an Excel workbook: the registrations, lists and reports that offices want to sort,
filter and total themselves.

One sheet: optional title lines at the top, a heading row (frozen, filtered, repeated on every
printed page), then the data, printed landscape on A4 one page wide. Values keep their types:
dates are date cells, numbers numbers; text is always text, never a formula, whatever it starts
with (a registration titled "=HYPERLINK(…)" must not run in the office's Excel).
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

LOCAL_TIME = ZoneInfo("Asia/Ho_Chi_Minh")
DATE_FORMAT = "dd/mm/yyyy"
FONT_NAME = "Times New Roman"
# Text starting with these is read as a formula by Excel or LibreOffice, when typed or when
# the sheet goes through CSV; such cells also get Excel's quote prefix ('), so that editing
# one keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel's limits on a sheet's name.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
SUBTITLE_FONT = Font(name=FONT_NAME, size=12, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=12, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=12)


@dataclass(frozen=True)
class XlsxColumn:
    title: str
    width: float  # in Excel's character units, as in its "Column width" dialog
    wrap: bool = True
    number_format: str | None = None  # "#,##0", "0.0%", "dd/mm/yyyy hh:mm"…


def render_xlsx(
    *,
    title: str,
    columns: list[XlsxColumn],
    rows: list[list],
    sheet_name: str = "Danh sách",
    subtitle_lines: Sequence[str] = (),
) -> bytes:
    """The table as the bytes of an .xlsx file.

    `rows` hold one value per column: str, int, float, Decimal, bool, date, datetime (an aware
    one is shown at Vietnam's time), time, or None for an empty cell; anything else is written
    as its str(). A str may hold "\\n" line breaks.
    """
    if not columns:
        raise ValueError("a table needs at least one column")
    width = len(columns)
    for index, row in enumerate(rows):
        if len(row) != width:
            raise ValueError(f"row {index} has {len(row)} values for {width} columns")

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_name(sheet_name)
    last_column = get_column_letter(width)

    # The title lines, each merged across the table, then an empty line.
    titles = [(title, TITLE_FONT)] if title else []
    titles += [(line, SUBTITLE_FONT) for line in subtitle_lines]
    for row_number, (text, font) in enumerate(titles, start=1):
        cell = sheet.cell(row=row_number, column=1, value=_text(text))
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.merge_cells(f"A{row_number}:{last_column}{row_number}")
    header_row = len(titles) + 2 if titles else 1

    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for column_number, column in enumerate(columns, start=1):
        cell = sheet.cell(row=header_row, column=column_number)
        _set_text(cell, column.title)
        cell.font = HEADER_FONT
        cell.alignment = header_alignment
        cell.fill = HEADER_FILL
        cell.border = BORDER
        letter = get_column_letter(column_number)
        sheet.column_dimensions[letter].width = column.width

    alignments = [
        Alignment(vertical="top", wrap_text=True) if column.wrap else Alignment(vertical="top")
        for column in columns
    ]
    for row_number, row in enumerate(rows, start=header_row + 1):
        for column_number, (value, column) in enumerate(zip(row, columns, strict=True), start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            _set_value(cell, value)
            if column.number_format:
                cell.number_format = column.number_format
            cell.font = BODY_FONT
            cell.alignment = alignments[column_number - 1]
            cell.border = BORDER

    last_row = header_row + len(rows)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{last_row}"
    _set_up_printing(sheet, header_row)

    properties = workbook.properties
    properties.title = _text(title) or None
    properties.creator = properties.lastModifiedBy = "Thi Đua"
    properties.language = "vi-VN"

    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(name: str) -> str:
    """A name Excel accepts: none of []:*?/\\, at most 31 characters, not empty."""
    cleaned = _SHEET_NAME_FORBIDDEN.sub("-", unicodedata.normalize("NFC", name)).strip("' ")
    return cleaned[:SHEET_NAME_LENGTH] or "Sheet1"


def _text(value: str) -> str:
    """NFC, Windows line ends as "\\n", and no control characters (which the file format
    cannot hold: openpyxl refuses them)."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n")
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _set_text(cell, value: str) -> None:
    text = _text(value)
    cell.value = text
    # openpyxl reads any text starting with "=" as a formula: say it is a string.
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _set_value(cell, value) -> None:
    if value is None:
        return
    if isinstance(value, bool | int | float | Decimal):
        cell.value = value
    elif isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(LOCAL_TIME).replace(tzinfo=None)
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, time):
        cell.value = value.replace(tzinfo=None)
    else:
        _set_text(cell, str(value))


def _set_up_printing(sheet, header_row: int) -> None:
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    # One page wide, as many pages tall as it takes.
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins  # inches
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.6
    margins.header = margins.footer = 0.3
    sheet.oddFooter.center.text = "Trang &P/&N"
