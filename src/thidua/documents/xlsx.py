"""A table as an Excel workbook: the registrations, lists and reports that offices want to sort,
filter and total themselves.

One sheet: optional title lines at the top, a heading row (frozen, filtered, repeated on every
printed page), then the data, printed landscape on A4 one page wide. Values keep their types:
dates are date cells, numbers numbers with a thousands format (``core.numbers``: the reader's
spreadsheet shows its own separators); text is always text, never a formula, whatever it starts
with (a registration titled "=HYPERLINK(…)" must not run in the office's Excel).

The only formulas are the totals we write ourselves: a ``SumOf`` cell (the sum of some rows of
its column: subtotals of a roll-up), and the totals row added under the data when a column asks
for one (``XlsxColumn.total``). They stay formulas, so a figure corrected in the sheet changes
its totals. Every row is given the height its wrapped text needs: LibreOffice does not grow a
row for wrapped text by itself, and the lines would overlap the next row.

openpyxl writes the workbook but the data rows, which ``xlsx_rows`` writes as the sheet's XML
text, the way openpyxl would (making, styling and writing an openpyxl cell for each took 2.6 s
of a district's list of 5,000 registrations: bench/bench_xlsx.py); they are put into the sheet
openpyxl wrote, the only part that changes.
"""

import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from thidua.documents.xlsx_rows import (
    BOLD_CHARS_PER_WIDTH,
    BORDER,
    FONT_NAME,
    FORMULA_STARTS,
    LINE_HEIGHT,
    LOCAL_TIME,
    MAX_ROW_HEIGHT,
    height,
    lines,
    rows_xml,
    set_text,
    text,
)

__all__ = [  # the constants other modules and the tests read here
    "FORMULA_STARTS",
    "LINE_HEIGHT",
    "LOCAL_TIME",
    "MAX_ROW_HEIGHT",
    "Cell",
    "SumOf",
    "XlsxColumn",
    "render_xlsx",
]

# Excel's limits on a sheet's name.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31

HEADER_FILL = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
SUBTITLE_FONT = Font(name=FONT_NAME, size=12, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=12, bold=True)
TOTALS_LABEL = "Cộng"
TITLE_LINE_HEIGHT = 18.75  # one line of the 14 pt title, in points


@dataclass(frozen=True)
class XlsxColumn:
    title: str
    width: float  # in Excel's character units, as in its "Column width" dialog
    wrap: bool = True
    # "#,##0", "0.0%", "dd/mm/yyyy hh:mm"…; by default numbers get XLSX_INTEGER or XLSX_DECIMAL
    number_format: str | None = None
    total: bool = False  # summed in a totals row under the data


@dataclass(frozen=True)
class Cell:
    """A value shown with emphasis: bold (a subtotal), indented (a unit under another)."""

    value: object
    bold: bool = False
    indent: int = 0


@dataclass(frozen=True)
class SumOf:
    """The sum of this cell's column over some data rows (indices into ``rows``), written as
    a formula the spreadsheet computes: "=SUM(D5:D9,D12)"."""

    rows: tuple[int, ...]


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
    styled = []  # the cells openpyxl writes, in their order
    for row_number, (line_text, font) in enumerate(titles, start=1):
        cell = sheet.cell(row=row_number, column=1, value=text(line_text))
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.merge_cells(f"A{row_number}:{last_column}{row_number}")
        line = TITLE_LINE_HEIGHT if font is TITLE_FONT else LINE_HEIGHT
        sheet.row_dimensions[row_number].height = height(
            lines(text(line_text), table_width, BOLD_CHARS_PER_WIDTH), line
        )
        styled.append(cell)
    header_row = len(titles) + 2 if titles else 1

    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for column_number, column in enumerate(columns, start=1):
        cell = sheet.cell(row=header_row, column=column_number)
        set_text(cell, column.title)
        cell.font = HEADER_FONT
        cell.alignment = header_alignment
        cell.fill = HEADER_FILL
        cell.border = BORDER
        letter = get_column_letter(column_number)
        sheet.column_dimensions[letter].width = column.width
        styled.append(cell)
    sheet.row_dimensions[header_row].height = height(
        max(lines(text(c.title), c.width, BOLD_CHARS_PER_WIDTH) for c in columns)
    )
    # Their styles first, as openpyxl numbers the styles in the order it writes the cells.
    for cell in styled:
        _ = cell.style_id

    first_row = header_row + 1
    data = rows_xml(
        sheet, columns, rows, first_row, cell_type=Cell, sum_type=SumOf,
        sum_formula=lambda total, column: _sum(total, first_row, rows, column),
    )  # fmt: skip

    last_row = header_row + data_rows
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{last_row}"
    _set_up_printing(sheet, header_row)
    # Excel computes the totals when it opens the file (openpyxl stores no computed values).
    workbook.calculation.fullCalcOnLoad = True

    properties = workbook.properties
    properties.title = text(title) or None
    properties.creator = properties.lastModifiedBy = "Thi Đua"
    properties.language = "vi-VN"

    buffer = BytesIO()
    workbook.save(buffer)
    extent = f"A1:{last_column}{header_row + len(rows)}"
    return _with_rows(buffer.getvalue(), sheet.path.lstrip("/"), extent, data)


def _with_rows(package: bytes, part: str, extent: str, rows: str) -> bytes:
    """The package openpyxl wrote, its sheet given the data rows and their extent."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                sheet = content.decode("ascii")
                sheet = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{extent}"/>', sheet)
                head, tail = sheet.split("</sheetData>")
                written = rows.encode("ascii", "xmlcharrefreplace").decode("ascii")
                content = f"{head}{written}</sheetData>{tail}".encode("ascii")
            target.writestr(info, content)
    return out.getvalue()


def _sheet_name(name: str) -> str:
    """A name Excel accepts: none of []:*?/\\, at most 31 characters, not empty."""
    cleaned = _SHEET_NAME_FORBIDDEN.sub("-", unicodedata.normalize("NFC", name)).strip("' ")
    return cleaned[:SHEET_NAME_LENGTH] or "Sheet1"


def _sum(total: SumOf, first_row: int, rows: list[list], column: int) -> tuple[str, bool]:
    """ "SUM(D5:D9,D12)": consecutive rows as one range; and whether its figures are whole
    (a whole number's format unless a summed figure has decimals)."""
    letter = get_column_letter(column + 1)
    indices = sorted(set(total.rows))
    ranges: list[list[int]] = []
    for index in indices:
        if ranges and ranges[-1][1] == index - 1:
            ranges[-1][1] = index
        else:
            ranges.append([index, index])
    formula = "SUM({})".format(
        ",".join(
            f"{letter}{first_row + first}"
            if first == last
            else f"{letter}{first_row + first}:{letter}{first_row + last}"
            for first, last in ranges
        )
    )
    return formula, _whole(rows, column, indices)


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
