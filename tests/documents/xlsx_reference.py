"""The XLSX renderer as it was before the data rows were written as XML text
(``documents/xlsx_rows.py``): every data cell an openpyxl cell, styled (each look once, then
copied) and written by openpyxl. The tests hold the two side by side: the parts written must
be the same, byte for byte. The dataclasses are the renderer's own, so that one table feeds
both."""

import re
import unicodedata
from collections.abc import Sequence
from copy import copy
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from thidua.core.numbers import XLSX_DECIMAL, XLSX_INTEGER
from thidua.documents.xlsx import Cell, SumOf, XlsxColumn

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
BOLD_FONT = Font(name=FONT_NAME, size=12, bold=True)
TOTALS_LABEL = "Cộng"

# Row heights, in points: one line of 12 pt Times New Roman, and of the 14 pt title.
LINE_HEIGHT = 15.75
TITLE_LINE_HEIGHT = 18.75
MAX_ROW_HEIGHT = 409  # Excel's limit
# How many characters of 12 pt Times New Roman fit in one unit of column width (the width
# of a "0" in the workbook's default font), kept low so that a row is never too short:
# capitals, bold and letters with two marks are wider than the average.
CHARS_PER_WIDTH = 0.85
BOLD_CHARS_PER_WIDTH = 0.75


def render_xlsx(
    *,
    title: str,
    columns: list[XlsxColumn],
    rows: list[list],
    sheet_name: str = "Danh sách",
    subtitle_lines: Sequence[str] = (),
    totals_label: str = TOTALS_LABEL,
) -> bytes:
    """The table as the bytes of an .xlsx file.

    `rows` hold one value per column: str, int, float, Decimal, bool, date, datetime (an aware
    one is shown at Vietnam's time), time, None for an empty cell, a `SumOf` other rows, or any
    of these in a `Cell` (bold, indented); anything else is written as its str(). A str may
    hold "\\n" line breaks. When a column has `total`, a row labelled `totals_label` sums it
    under the data (outside the filter, so that sorting never moves it).
    """
    if not columns:
        raise ValueError("a table needs at least one column")
    width = len(columns)
    indices = range(len(rows))
    for index, row in enumerate(rows):
        if len(row) != width:
            raise ValueError(f"row {index} has {len(row)} values for {width} columns")
        for value in row:
            value = value.value if isinstance(value, Cell) else value
            if isinstance(value, SumOf) and (
                not value.rows
                or index in value.rows
                or not all(other in indices for other in value.rows)
            ):
                raise ValueError(f"row {index} sums rows {value.rows}")
    data_rows = len(rows)
    if rows and any(column.total for column in columns):
        everything = SumOf(tuple(range(data_rows)))
        totals = [Cell(everything if column.total else None, bold=True) for column in columns]
        if not columns[0].total:
            totals[0] = Cell(totals_label, bold=True)
        rows = [*rows, totals]

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_name(sheet_name)
    last_column = get_column_letter(width)

    # The title lines, each merged across the table, then an empty line.
    titles = [(title, TITLE_FONT)] if title else []
    titles += [(line, SUBTITLE_FONT) for line in subtitle_lines]
    table_width = sum(column.width for column in columns)
    for row_number, (text, font) in enumerate(titles, start=1):
        cell = sheet.cell(row=row_number, column=1, value=_text(text))
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.merge_cells(f"A{row_number}:{last_column}{row_number}")
        line = TITLE_LINE_HEIGHT if font is TITLE_FONT else LINE_HEIGHT
        sheet.row_dimensions[row_number].height = _height(
            _lines(_text(text), table_width, BOLD_CHARS_PER_WIDTH), line
        )
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
    sheet.row_dimensions[header_row].height = _height(
        max(_lines(_text(c.title), c.width, BOLD_CHARS_PER_WIDTH) for c in columns)
    )

    first_row = header_row + 1
    looks = _Looks()
    for row_number, row in enumerate(rows, start=first_row):
        lines = 1
        for column_number, (value, column) in enumerate(zip(row, columns, strict=True), start=1):
            shown = value if isinstance(value, Cell) else Cell(value)
            cell = sheet.cell(row=row_number, column=column_number)
            if isinstance(shown.value, SumOf):
                _set_sum(cell, shown.value, first_row, rows, column_number - 1)
            else:
                _set_value(cell, shown.value)
            if column.number_format:
                cell.number_format = column.number_format
            looks.style(cell, shown.bold, column.wrap, shown.indent)
            if column.wrap and isinstance(cell.value, str) and cell.data_type == "s":
                per_width = BOLD_CHARS_PER_WIDTH if shown.bold else CHARS_PER_WIDTH
                # An indent takes about three characters' room.
                room = max(column.width - 3 * shown.indent, 1)
                lines = max(lines, _lines(cell.value, room, per_width))
        sheet.row_dimensions[row_number].height = _height(lines)

    last_row = header_row + data_rows
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{last_row}"
    _set_up_printing(sheet, header_row)
    # Excel computes the totals when it opens the file (openpyxl stores no computed values).
    workbook.calculation.fullCalcOnLoad = True

    properties = workbook.properties
    properties.title = _text(title) or None
    properties.creator = properties.lastModifiedBy = "Thi Đua"
    properties.language = "vi-VN"

    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _Looks:
    """The data cells' font, alignment and border, each combination made once per workbook.

    Setting a style object on an openpyxl cell hashes it, field by field, to find its index in
    the workbook's list of such objects: for every cell of a large sheet, that was most of the
    time spent. A cell's style is an array of those indices (``cell._style``, with the number
    format's and the quote prefix), so the first cell of each look is styled the ordinary way
    and every later one gets a copy of its array: the file written is the same, byte for byte.
    """

    def __init__(self):
        self._arrays: dict[tuple, object] = {}

    def style(self, cell, bold: bool, wrap: bool, indent: int) -> None:
        """Style a data cell whose value (and so its number format and quote prefix) is set."""
        # The array so far holds what the value set; None when it set nothing.
        so_far = cell._style
        key = (None if so_far is None else tuple(so_far), bold, wrap, indent)
        array = self._arrays.get(key)
        if array is not None:
            cell._style = copy(array)
            return
        cell.font = BOLD_FONT if bold else BODY_FONT
        cell.alignment = Alignment(vertical="top", wrap_text=wrap, indent=indent)
        cell.border = BORDER
        self._arrays[key] = copy(cell._style)


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
    if isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int | float | Decimal):
        cell.value = value
        cell.number_format = XLSX_INTEGER if isinstance(value, int) else XLSX_DECIMAL
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


def _set_sum(cell, total: SumOf, first_row: int, rows: list[list], column: int) -> None:
    """ "=SUM(D5:D9,D12)": consecutive rows as one range; a whole number's format unless a
    summed figure has decimals."""
    letter = get_column_letter(column + 1)
    indices = sorted(set(total.rows))
    ranges: list[list[int]] = []
    for index in indices:
        if ranges and ranges[-1][1] == index - 1:
            ranges[-1][1] = index
        else:
            ranges.append([index, index])
    cell.value = "=SUM({})".format(
        ",".join(
            f"{letter}{first_row + first}"
            if first == last
            else f"{letter}{first_row + first}:{letter}{first_row + last}"
            for first, last in ranges
        )
    )
    cell.number_format = XLSX_INTEGER if _whole(rows, column, indices) else XLSX_DECIMAL


def _whole(rows: list[list], column: int, indices) -> bool:
    """Whether the figures these rows hold in ``column`` (summed ones included) are whole."""
    for index in indices:
        value = rows[index][column]
        value = value.value if isinstance(value, Cell) else value
        if isinstance(value, SumOf):
            if not _whole(rows, column, value.rows):
                return False
        elif isinstance(value, float | Decimal):
            return False
    return True


def _lines(text: str, width: float, per_width: float = CHARS_PER_WIDTH) -> int:
    """How many lines ``text`` takes in a column ``width`` wide, wrapped at the spaces (a word
    longer than a line is cut, as spreadsheets do)."""
    per_line = max(1, int(width * per_width))
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        length = 0  # characters on the current line
        for word in paragraph.split(" "):
            needed = len(word) + (1 if length else 0)
            if length and length + needed > per_line:
                count, length, needed = count + 1, 0, len(word)
            length += needed
            while length > per_line:
                count, length = count + 1, length - per_line
    return count


def _height(lines: int, line: float = LINE_HEIGHT) -> float:
    return min(lines * line, MAX_ROW_HEIGHT)


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
