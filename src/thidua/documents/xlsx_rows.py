"""The data rows of an XLSX sheet (``xlsx.render_xlsx``), written as the sheet's XML text.

openpyxl makes a ``Cell`` object for every cell, checks and styles it, and writes it through
lxml element by element: about 20 µs a cell, 2.6 s for a district's list of 5,000
registrations × 23 columns (bench/bench_xlsx.py), half of it in the writing. The XML of a data
cell is short and its look is one of a few, so this module writes the rows itself, as openpyxl
would write them, character for character: the workbook's styles are still openpyxl's (each
look's index is found once, on a cell openpyxl styles the ordinary way: ``Looks``), and the
rows go into the sheet openpyxl wrote for the rest (``xlsx.render_xlsx``). The numbers, dates
and sums are converted by openpyxl's own functions; strings are written inline as openpyxl
writes them (``<is><t>``), in ASCII with character references. tests/documents/test_xlsx.py
holds the workbook side by side with the cell-by-cell renderer (xlsx_reference.py there), byte
for byte: an openpyxl that writes a cell otherwise shows there first.
"""

import unicodedata
from datetime import date, datetime, time
from decimal import Decimal
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from thidua.core.numbers import XLSX_DECIMAL, XLSX_INTEGER

LOCAL_TIME = ZoneInfo("Asia/Ho_Chi_Minh")
DATE_FORMAT = "dd/mm/yyyy"
FONT_NAME = "Times New Roman"
# Text starting with these is read as a formula by Excel or LibreOffice, when typed or when
# the sheet goes through CSV; such cells also get Excel's quote prefix ('), so that editing
# one keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_LENGTH = 32767  # Excel's longest cell text: openpyxl cuts a longer one there

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
BODY_FONT = Font(name=FONT_NAME, size=12)
BOLD_FONT = Font(name=FONT_NAME, size=12, bold=True)

# Row heights, in points: one line of 12 pt Times New Roman.
LINE_HEIGHT = 15.75
MAX_ROW_HEIGHT = 409  # Excel's limit
# How many characters of 12 pt Times New Roman fit in one unit of column width (the width
# of a "0" in the workbook's default font), kept low so that a row is never too short:
# capitals, bold and letters with two marks are wider than the average.
CHARS_PER_WIDTH = 0.85
BOLD_CHARS_PER_WIDTH = 0.75


def text(value: str) -> str:
    """NFC, Windows line ends as "\\n", and no control characters (which the file format
    cannot hold: openpyxl refuses them)."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n")
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def set_text(cell, value: str) -> None:
    """Text in an openpyxl cell, never read as a formula."""
    cleaned = text(value)
    cell.value = cleaned
    # openpyxl reads any text starting with "=" as a formula: say it is a string.
    cell.data_type = "s"
    if cleaned.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def set_value(cell, value) -> None:
    """A value in an openpyxl cell, with its number format (the title and heading rows', and
    the first cell of each look: ``Looks``)."""
    if value is None:
        return
    if isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int | float | Decimal):
        cell.value = value
        cell.number_format = XLSX_INTEGER if isinstance(value, int) else XLSX_DECIMAL
    elif isinstance(value, datetime):
        cell.value = _local(value)
        cell.number_format = DATE_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, time):
        cell.value = value.replace(tzinfo=None)
    else:
        set_text(cell, str(value))


def _local(value: datetime) -> datetime:
    """An aware time as Vietnam's wall clock, without its zone (which the format cannot hold)."""
    if value.tzinfo is not None:
        return value.astimezone(LOCAL_TIME).replace(tzinfo=None)
    return value


def lines(value: str, width: float, per_width: float = CHARS_PER_WIDTH) -> int:
    """How many lines ``value`` takes in a column ``width`` wide, wrapped at the spaces (a word
    longer than a line is cut, as spreadsheets do)."""
    per_line = max(1, int(width * per_width))
    count = 0
    for paragraph in value.split("\n"):
        count += 1
        if len(paragraph) <= per_line:
            continue  # it fits whatever its words: most cells' lines
        length = 0  # characters on the current line
        for word in paragraph.split(" "):
            needed = len(word) + (1 if length else 0)
            if length and length + needed > per_line:
                count, length, needed = count + 1, 0, len(word)
            length += needed
            while length > per_line:
                count, length = count + 1, length - per_line
    return count


def height(count: int, line: float = LINE_HEIGHT) -> float:
    return min(count * line, MAX_ROW_HEIGHT)


class Looks:
    """The index in the workbook's cell styles of each look a data cell has: its value's kind
    (which sets its number format and quote prefix), its column's number format, bold, wrapped,
    indented. The first cell of each look is an openpyxl cell, off the sheet, given the value
    and styled the ordinary way; openpyxl adds its style to the workbook, as it would have for
    the cell on the sheet, in the same order, so the styles written are the same."""

    def __init__(self, sheet):
        self._sheet = sheet
        self._indices: dict[tuple, int] = {}

    def index(self, key: tuple, fill, column, bold: bool, indent: int) -> int:
        """The style index of the look `key`; `fill(cell)` gives a first cell its value."""
        found = self._indices.get(key)
        if found is None:
            cell = SheetCell(self._sheet, row=1, column=1)
            fill(cell)
            if column.number_format:
                cell.number_format = column.number_format
            cell.font = BOLD_FONT if bold else BODY_FONT
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap, indent=indent)
            cell.border = BORDER
            found = self._indices[key] = cell.style_id
        return found


def rows_xml(sheet, columns, rows, first_row: int, *, cell_type, sum_type, sum_formula) -> str:
    """The ``<row>`` elements of the data rows, from ``first_row`` on. ``cell_type`` is
    ``xlsx.Cell`` (a value with emphasis), ``sum_type`` ``xlsx.SumOf``, and
    ``sum_formula(total, column_index)`` gives a sum's formula and whether it is whole."""
    looks = Looks(sheet)
    epoch = sheet.parent.epoch
    letters = [get_column_letter(number) for number in range(1, len(columns) + 1)]
    out: list[str] = []
    for row_index, row in enumerate(rows):
        number = first_row + row_index
        count = 1
        cells: list[str] = []
        for column_index, (value, column) in enumerate(zip(row, columns, strict=True)):
            bold, indent = False, 0
            if isinstance(value, cell_type):
                value, bold, indent = value.value, value.bold, value.indent
            reference = f"{letters[column_index]}{number}"
            style = (column_index, bold, column.wrap, indent)
            if value is None:
                s = looks.index(("none", *style), _nothing, column, bold, indent)
                cells.append(f'<c r="{reference}" s="{s}" t="n"></c>')
            elif isinstance(value, bool):
                s = looks.index(("bool", *style), _put(value), column, bold, indent)
                cells.append(f'<c r="{reference}" s="{s}" t="b"><v>{safe_string(value)}</v></c>')
            elif isinstance(value, int | float | Decimal):
                kind = "int" if isinstance(value, int) else "decimal"
                s = looks.index((kind, *style), _put(value), column, bold, indent)
                cells.append(f'<c r="{reference}" s="{s}" t="n"><v>{safe_string(value)}</v></c>')
            elif isinstance(value, date | time):
                # openpyxl gives a datetime, a date and a time other formats first.
                s = looks.index((type(value), *style), _put(value), column, bold, indent)
                cells.append(f'<c r="{reference}" s="{s}" t="n"><v>{_serial(value, epoch)}</v></c>')
            elif isinstance(value, sum_type):
                formula, whole = sum_formula(value, column_index)
                s = looks.index(
                    ("sum", whole, *style), _formula(formula, whole), column, bold, indent
                )
                cells.append(f'<c r="{reference}" s="{s}"><f>{formula}</f><v></v></c>')
            else:
                shown = text(str(value))[:TEXT_LENGTH]
                quoted = shown.startswith(FORMULA_STARTS)
                s = looks.index(("text", quoted, *style), _put(shown), column, bold, indent)
                cells.append(_text_cell(reference, s, shown))
                if column.wrap:
                    per_width = BOLD_CHARS_PER_WIDTH if bold else CHARS_PER_WIDTH
                    # An indent takes about three characters' room.
                    room = max(column.width - 3 * indent, 1)
                    count = max(count, lines(shown, room, per_width))
        rows_height = safe_string(float(height(count)))
        out.append(f'<row r="{number}" ht="{rows_height}" customHeight="1">{"".join(cells)}</row>')
    return "".join(out)


def _serial(value: date | time, epoch) -> str:
    """A date or time as the spreadsheet's number (days since the epoch)."""
    if isinstance(value, datetime):
        value = _local(value)
    elif isinstance(value, time):
        value = value.replace(tzinfo=None)
    return safe_string(to_excel(value, epoch))


def _text_cell(reference: str, s: int, shown: str) -> str:
    if not shown:
        return f'<c r="{reference}" s="{s}" t="inlineStr"></c>'
    space = ' xml:space="preserve"' if shown != shown.strip() else ""
    escaped = escape(shown).replace("\r", "&#13;")
    return f'<c r="{reference}" s="{s}" t="inlineStr"><is><t{space}>{escaped}</t></is></c>'


def _nothing(cell) -> None:
    return None


def _put(value):
    return lambda cell: set_value(cell, value)


def _formula(formula: str, whole: bool):
    def fill(cell):
        cell.value = f"={formula}"
        cell.number_format = XLSX_INTEGER if whole else XLSX_DECIMAL

    return fill
