"""The XLSX renderer, on the communes' registrations of mô hình, sáng kiến, ý tưởng mới."""

import math
import random
import re
import unicodedata
import zipfile
from datetime import UTC, date, datetime, time
from decimal import Decimal
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from tests.documents import xlsx_reference
from tests.helpers import recalculated
from thidua.core.numbers import XLSX_DECIMAL, XLSX_INTEGER
from thidua.documents import xlsx
from thidua.documents.xlsx import LINE_HEIGHT, MAX_ROW_HEIGHT, Cell, SumOf, XlsxColumn, render_xlsx

UNITS = [
    "Thị trấn Hai Riêng",
    "Xã Ea Bá",
    "Xã Ea Bar",
    "Xã Ea Bia",
    "Xã Ea Lâm",
    "Xã Ea Ly",
    "Xã Ea Trol",
    "Xã Đức Bình Đông",
    "Xã Đức Bình Tây",
    "Xã Sơn Giang",
    "Xã Sông Hinh",
]
KINDS = ["Mô hình", "Sáng kiến", "Ý tưởng mới"]
NAMES = [
    "Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ",
    "Sổ tay điện tử ghi chép chi phí sản xuất",
    "Nhóm Zalo “Chợ nông sản” kết nối người bán, người mua",
    "Chi hội nông dân nuôi bò vỗ béo giúp nhau giảm nghèo",
    "Ủ phân hữu cơ vi sinh từ phụ phẩm mì",
]
PEOPLE = ["Y Đức Niê", "Nguyễn Văn Hùng", "H'Hen Ksơr", "Trần Thị Mỹ Lệ", "Lê Quang Vũ"]
COLUMNS = [
    XlsxColumn("TT", 5, wrap=False),
    XlsxColumn("Đơn vị", 20),
    XlsxColumn("Tên mô hình, sáng kiến, ý tưởng mới", 45),
    XlsxColumn("Loại", 12),
    XlsxColumn("Người chủ trì", 22),
    XlsxColumn("Ngày đăng ký", 13, wrap=False),
    XlsxColumn("Số hộ tham gia", 10, wrap=False, number_format="#,##0"),
    XlsxColumn("Ghi chú", 20),
]
TITLE = "DANH SÁCH ĐĂNG KÝ XÂY DỰNG MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI"
SUBTITLES = ["Phong trào thi đua “Sông Hinh đoàn kết sáng tạo” năm 2022"]
HEADER_ROW = 4  # title, one subtitle, an empty line, then the heading row


def sample_rows() -> list[list]:
    rows = []
    for number in range(1, 26):
        rows.append(
            [
                number,
                UNITS[number % len(UNITS)],
                NAMES[number % len(NAMES)],
                KINDS[number % len(KINDS)],
                PEOPLE[number % len(PEOPLE)],
                date(2022, 4, 1 + number % 10),
                10 * number,
                None,
            ]
        )
    rows[0][7] = "=1+1"
    rows[1][7] = "-5 hộ"
    rows[2][7] = "@SUM(A1)"
    rows[3][7] = "Thành viên:\nY Đức Niê\nLê Quang Vũ"
    rows[4][5] = datetime(2022, 4, 9, 20, 30, tzinfo=UTC)  # 10/4/2022 03:30 in Vietnam
    rows[5][6] = Decimal("12.5")
    return rows


def render(tmp_path, **changes):
    fields = {
        "title": TITLE,
        "subtitle_lines": SUBTITLES,
        "columns": COLUMNS,
        "rows": sample_rows(),
    }
    path = tmp_path / "list.xlsx"
    path.write_bytes(render_xlsx(**{**fields, **changes}))
    return path


@pytest.fixture
def path(tmp_path):
    return render(tmp_path)


@pytest.fixture
def sheet(path):
    return load_workbook(path).active


def test_sheet_name_and_titles(sheet):
    assert sheet.title == "Danh sách"
    assert sheet["A1"].value == TITLE
    assert sheet["A1"].font.bold
    assert sheet["A2"].value == SUBTITLES[0]
    assert sheet["A2"].font.bold
    assert sheet["A3"].value is None
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    assert merged == {"A1:H1", "A2:H2"}


def test_heading_row(sheet):
    header = sheet[HEADER_ROW]
    assert [cell.value for cell in header] == [column.title for column in COLUMNS]
    for cell in header:
        assert cell.font.bold
        assert cell.alignment.wrap_text
        assert cell.alignment.horizontal == "center"
        assert cell.fill.fgColor.rgb.endswith("D9D9D9")
        assert cell.border.left.style == cell.border.bottom.style == "thin"


def test_frozen_below_the_heading_row(sheet):
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"


def test_column_widths(sheet):
    for letter, column in zip("ABCDEFGH", COLUMNS, strict=True):
        assert sheet.column_dimensions[letter].width == pytest.approx(column.width)


def test_autofilter_over_heading_and_data(sheet):
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:H{HEADER_ROW + 25}"


def test_values_round_trip(sheet):
    rows = sample_rows()
    read = [
        [cell.value for cell in row]
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + 25)
    ]
    assert len(read) == 25
    for expected, got in zip(rows, read, strict=True):
        assert got[0] == expected[0]
        assert isinstance(got[0], int)
        assert got[1:5] == expected[1:5]
        assert got[6] == expected[6]
    assert read[10][7] is None
    assert sheet.max_row == HEADER_ROW + 25


def test_dates_are_date_cells(sheet):
    cell = sheet.cell(row=HEADER_ROW + 1, column=6)
    assert cell.is_date
    assert cell.data_type == "d" or isinstance(cell.value, datetime)
    assert cell.value == datetime(2022, 4, 2)
    assert cell.number_format == "dd/mm/yyyy"


def test_aware_datetimes_are_shown_at_vietnams_time(sheet):
    cell = sheet.cell(row=HEADER_ROW + 5, column=6)
    assert cell.value == datetime(2022, 4, 10, 3, 30)
    assert cell.number_format == "dd/mm/yyyy"


def test_numbers_are_numbers_with_the_columns_format(sheet):
    cell = sheet.cell(row=HEADER_ROW + 2, column=7)
    assert cell.value == 20
    assert cell.data_type == "n"
    assert cell.number_format == "#,##0"
    assert sheet.cell(row=HEADER_ROW + 6, column=7).value == pytest.approx(12.5)


def test_text_that_looks_like_a_formula_stays_text(sheet, path):
    formula, minus, at = (sheet.cell(row=HEADER_ROW + n, column=8) for n in (1, 2, 3))
    assert formula.value == "=1+1"
    assert minus.value == "-5 hộ"
    assert at.value == "@SUM(A1)"
    for cell in (formula, minus, at):
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert not sheet.cell(row=HEADER_ROW + 1, column=3).quotePrefix
    with zipfile.ZipFile(path) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    assert "<f " not in xml


def test_wrapped_columns_wrap_and_align_top(sheet):
    note = sheet.cell(row=HEADER_ROW + 4, column=8)
    assert note.value == "Thành viên:\nY Đức Niê\nLê Quang Vũ"
    assert note.alignment.wrap_text
    assert note.alignment.vertical == "top"
    number = sheet.cell(row=HEADER_ROW + 4, column=1)
    assert not number.alignment.wrap_text
    assert note.border.top.style == "thin"


def test_print_setup(sheet):
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_text_is_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Nuôi bò vỗ béo")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    columns = [XlsxColumn(unicodedata.normalize("NFD", "Tên"), 20)]
    path = render(tmp_path, title="", subtitle_lines=[], columns=columns, rows=[[decomposed]])
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "Tên"
    assert sheet["A2"].value == unicodedata.normalize("NFC", decomposed)


def test_without_titles_the_heading_is_the_first_row(tmp_path):
    path = render(tmp_path, title="", subtitle_lines=[], rows=[])
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "TT"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H1"
    assert sheet.print_title_rows == "$1:$1"


def test_control_characters_and_odd_sheet_names(tmp_path):
    path = render(
        tmp_path,
        sheet_name="Đăng ký: 2022/2023 [Sông Hinh] của các xã, thị trấn",
        rows=[[1, "A\x0bB", "x", "y", "z", None, None, "c\r\nd"]],
    )
    sheet = load_workbook(path).active
    assert len(sheet.title) <= 31
    assert not set("[]:*?/\\") & set(sheet.title)
    assert sheet.cell(row=HEADER_ROW + 1, column=2).value == "AB"
    assert sheet.cell(row=HEADER_ROW + 1, column=8).value == "c\nd"


def test_rows_must_match_the_columns():
    with pytest.raises(ValueError, match="row 0 has 1 values"):
        render_xlsx(title="", columns=COLUMNS, rows=[[1]])


def test_output_is_a_workbook():
    data = render_xlsx(title=TITLE, columns=COLUMNS, rows=sample_rows())
    workbook = load_workbook(BytesIO(data))
    assert workbook.properties.title == TITLE
    assert workbook.sheetnames == ["Danh sách"]


# --- numbers, totals, row heights, printing ----------------------------------------------

TOTALLED = [
    *COLUMNS[:6],
    XlsxColumn("Số hộ tham gia", 10, wrap=False, number_format="#,##0", total=True),
    COLUMNS[7],
]
TOTALS_ROW = HEADER_ROW + 26


def test_numbers_get_a_thousands_format_unless_the_column_has_its_own(tmp_path):
    columns = [
        XlsxColumn("Kinh phí", 14),
        XlsxColumn("Diện tích", 10),
        XlsxColumn("Mã", 8, number_format="0"),
    ]
    rows = [[1_500_000, Decimal("2.5"), 22216], [3, 0.25, 22237]]
    sheet = load_workbook(render(tmp_path, columns=columns, rows=rows)).active
    for row in (HEADER_ROW + 1, HEADER_ROW + 2):
        assert sheet.cell(row, 1).number_format == XLSX_INTEGER
        assert sheet.cell(row, 2).number_format == XLSX_DECIMAL
        assert sheet.cell(row, 3).number_format == "0"
    assert sheet.cell(HEADER_ROW + 1, 1).value == 1_500_000


def test_totalled_columns_get_a_totals_row_of_formulas(tmp_path):
    sheet = load_workbook(render(tmp_path, columns=TOTALLED)).active
    assert sheet.max_row == TOTALS_ROW
    assert sheet.cell(TOTALS_ROW, 1).value == "Cộng"
    total = sheet.cell(TOTALS_ROW, 7)
    assert total.value == f"=SUM(G{HEADER_ROW + 1}:G{HEADER_ROW + 25})"
    assert total.number_format == XLSX_INTEGER
    assert total.font.bold
    assert total.border.top.style == "thin"
    assert [sheet.cell(TOTALS_ROW, c).value for c in (2, 3, 4, 5, 6, 8)] == [None] * 6
    # The totals row stays out of the filter, so sorting never moves it among the data.
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:H{HEADER_ROW + 25}"


def test_libreoffice_computes_the_totals(tmp_path):
    path = render(tmp_path, columns=TOTALLED)
    computed = recalculated(path.read_bytes(), tmp_path).active
    expected = sum(float(row[6]) for row in sample_rows())
    assert computed.cell(TOTALS_ROW, 7).value == pytest.approx(expected)


def test_a_sum_of_rows_and_emphasised_cells(tmp_path):
    columns = [XlsxColumn("Đơn vị", 30), XlsxColumn("Số hộ", 10)]
    rows = [
        [Cell("Huyện A", bold=True), 7],
        [Cell("Xã B", indent=1), 3],
        [Cell("Xã C", indent=1), None],
        [Cell("Xã D", indent=1), 4],
        [Cell("Cộng", bold=True), SumOf((0, 1, 3))],
    ]
    data = render(tmp_path, title="", subtitle_lines=[], columns=columns, rows=rows).read_bytes()
    sheet = load_workbook(BytesIO(data)).active
    assert sheet["B6"].value == "=SUM(B2:B3,B5)"
    assert sheet["B6"].number_format == XLSX_INTEGER
    assert sheet["A2"].font.bold
    assert sheet["A3"].alignment.indent == 1
    assert sheet["A3"].value == "Xã B"
    assert recalculated(data, tmp_path).active["B6"].value == 14


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=40), min_size=1, max_size=41))
def test_a_sum_names_exactly_its_rows(indices):
    rows = [[f"Xã {i}", i] for i in range(41)] + [["Cộng", SumOf(tuple(sorted(indices)))]]
    columns = [XlsxColumn("Đơn vị", 20), XlsxColumn("Số", 10)]
    sheet = load_workbook(BytesIO(render_xlsx(title="", columns=columns, rows=rows))).active
    formula = sheet.cell(43, 2).value
    assert formula.startswith("=SUM(")
    assert formula.endswith(")")
    named = []
    for part in formula[5:-1].split(","):
        first, _, last = part.partition(":")
        first_row, last_row = int(first[1:]), int((last or first)[1:])
        assert first[0] == (last or first)[0] == "B"
        named += range(first_row, last_row + 1)
    assert sorted(named) == [i + 2 for i in sorted(indices)]  # heading in row 1
    assert len(formula) < 8192  # Excel's limit on a formula


def test_every_row_is_as_tall_as_its_wrapped_text(sheet):
    header = sheet.row_dimensions[HEADER_ROW].height
    # "Số hộ tham gia" wraps in its 10 characters: two lines.
    assert header >= 2 * LINE_HEIGHT
    for row in range(HEADER_ROW + 1, HEADER_ROW + 26):
        assert sheet.row_dimensions[row].height >= LINE_HEIGHT
    # The note of three lines, and a long name in its column of 45.
    assert sheet.row_dimensions[HEADER_ROW + 4].height >= 3 * LINE_HEIGHT


def test_a_row_of_short_values_is_one_line_high():
    columns = [XlsxColumn("TT", 5, wrap=False), XlsxColumn("Đơn vị", 20)]
    data = render_xlsx(title="", columns=columns, rows=[[1, "Xã Ea Bá"]])
    assert load_workbook(BytesIO(data)).active.row_dimensions[2].height == LINE_HEIGHT


def test_a_long_title_gets_the_lines_it_needs(tmp_path):
    subtitle = "Kế hoạch số 115-KH/HNDH: " + "thực hiện phong trào thi đua " * 12
    sheet = load_workbook(render(tmp_path, subtitle_lines=[subtitle])).active
    width = sum(column.width for column in COLUMNS)
    assert sheet.row_dimensions[2].height >= math.ceil(len(subtitle) / width) * LINE_HEIGHT


TEXT = st.text(alphabet="aăâbcdđeêoôơuư ÁÀẢẠẾỆ\n.,", max_size=600)


@settings(max_examples=80, deadline=None)
@given(text=TEXT, width=st.integers(min_value=4, max_value=60))
def test_the_row_height_fits_any_text(text, width):
    data = render_xlsx(title="", columns=[XlsxColumn("Ghi chú", width)], rows=[[text]])
    height = load_workbook(BytesIO(data)).active.row_dimensions[2].height
    lines = text.split("\n")
    needed = max(len(lines), *(math.ceil(len(line) / width) for line in lines))
    assert height >= min(needed * LINE_HEIGHT, MAX_ROW_HEIGHT)
    assert height <= MAX_ROW_HEIGHT


def test_libreoffice_reads_the_print_setup(path, tmp_path):
    """A4 landscape, one page wide, the heading row on every page: as LibreOffice saves the
    file again after reading it."""
    sheet = recalculated(path.read_bytes(), tmp_path).active
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.row_dimensions[HEADER_ROW + 4].height >= 3 * LINE_HEIGHT


def test_formulas_are_only_ours(tmp_path):
    """Totals are formulas; text that looks like one stays text, even in a totals table."""
    path = render(tmp_path, columns=TOTALLED)
    with zipfile.ZipFile(path) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert re.findall(r"<f>(.*?)</f>", xml) == [f"SUM(G{HEADER_ROW + 1}:G{HEADER_ROW + 25})"]
    assert column_index_from_string("G") == 7


# --- many cells, few looks: each cell as if styled alone -----------------------------------

ODD_TEXT = ["=1+1", "-5 hộ", "+84 912 345 678", "@SUM(A1)", '=HYPERLINK("http://x")', "\tTab"]
# Text the file must escape, keep or drop: markup, blanks at either end, Windows and old Mac
# line ends, control characters, characters beyond the BMP, an empty text.
ESCAPED = ["<b>&amp;</b> > <", " Ea Bá", "Ea Bá ", "Hai\r\ndòng", "Một\rdòng", "A\x01\x1fB",
           "🌾 lúa", "", "\u200b", "Ea Bá\n"]  # fmt: skip
FORMATS = [None, None, None, "#,##0", "0.0%", "0"]


def draw(rng: random.Random) -> object:
    """A value as the exports hold them."""
    return rng.choice(
        [
            lambda: rng.choice(NAMES + UNITS + PEOPLE),
            lambda: unicodedata.normalize("NFD", rng.choice(NAMES)),
            lambda: "\n".join(rng.sample(PEOPLE, 2)),
            lambda: rng.randint(-(10**6), 10**9),
            lambda: Decimal(rng.randint(0, 10**6)) / 100,
            lambda: rng.random() * 100,
            lambda: date(2025, rng.randint(1, 12), rng.randint(1, 28)),
            lambda: datetime(2025, 4, rng.randint(1, 28), rng.randint(0, 23), tzinfo=UTC),
            lambda: time(8, 30),
            lambda: rng.choice(ODD_TEXT),
            lambda: rng.choice(ESCAPED),
            lambda: rng.choice(PEOPLE) * rng.choice([1, 30, 3000]),  # up to past Excel's limit
            lambda: rng.choice([10**20 + 1, -(2**53) - 1, 0.1 + 0.2, Decimal("-0.005")]),
            lambda: rng.random() < 0.5,
            lambda: None,
            lambda: None,
        ]
    )()


def generated_table(seed: int) -> dict:
    """A table drawn from ``seed``: columns wrapped or not, with their own number format or
    not, some totalled; rows of Vietnamese text (some on several lines, some decomposed),
    numbers, dates, text that looks like a formula and empty cells, some of them bold or
    indented, some sums of earlier rows."""
    rng = random.Random(seed)  # noqa: S311 (a replayable table, not a secret)
    columns = [
        XlsxColumn(
            rng.choice(NAMES + KINDS),
            rng.choice([5, 10, 20, 45]),
            wrap=rng.random() < 0.6,
            number_format=rng.choice(FORMATS),
            total=rng.random() < 0.2,
        )
        for _ in range(rng.randint(1, 9))
    ]
    rows = []
    for index in range(rng.randint(0, 60)):
        row = []
        for _column in columns:
            value = draw(rng)
            if index and rng.random() < 0.05:
                value = SumOf(tuple(rng.sample(range(index), rng.randint(1, min(index, 4)))))
            if rng.random() < 0.3:
                value = Cell(value, bold=rng.random() < 0.5, indent=rng.randint(0, 3))
            row.append(value)
        rows.append(row)
    subtitles = rng.sample(SUBTITLES + UNITS, rng.randint(0, 2))
    return {"title": rng.choice(["", TITLE]), "subtitle_lines": subtitles, "columns": columns,
            "rows": rows}  # fmt: skip


def described(data: bytes) -> dict:
    """Everything a reader of the workbook sees: each cell's value and look, the merged
    cells, the columns' widths, the rows' heights, the panes, filter and print settings."""
    sheet = load_workbook(BytesIO(data)).active
    cells = {
        cell.coordinate: (
            cell.value, cell.data_type, cell.number_format, cell.quotePrefix,
            repr(cell.font), repr(cell.alignment), repr(cell.border), repr(cell.fill),
        )
        for row in sheet.iter_rows() for cell in row
    }  # fmt: skip
    return {
        "cells": cells,
        "merged": sorted(str(cells) for cells in sheet.merged_cells.ranges),
        "widths": {key: d.width for key, d in sheet.column_dimensions.items()},
        "heights": {key: d.height for key, d in sheet.row_dimensions.items()},
        "panes": (sheet.freeze_panes, sheet.auto_filter.ref, sheet.print_title_rows),
        "print": (repr(sheet.page_setup), repr(sheet.page_margins), repr(sheet.print_options)),
    }


def parts(data: bytes) -> dict[str, bytes]:
    """The package's parts but docProps/core.xml, which holds the time of writing."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        return {n: package.read(n) for n in package.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize("seed", range(24))
def test_rows_written_as_xml_are_those_openpyxl_writes_cell_by_cell(seed):
    """The data rows are written as XML text: the workbook is the one that making, styling
    and writing an openpyxl cell for each (as the renderer did before) writes, byte for byte."""
    table = generated_table(seed)
    ours, theirs = render_xlsx(**table), xlsx_reference.render_xlsx(**table)
    assert described(ours) == described(theirs)
    assert parts(ours) == parts(theirs)


def kept(value: str) -> str:
    """What a cell keeps of a text: NFC, Windows line ends as "\\n", no control characters,
    at most Excel's 32,767 characters."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n")
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)[:32767]


def value_formats(value) -> set[str]:
    """The number formats a value may be shown with when its column has none of its own."""
    if isinstance(value, SumOf):
        return {XLSX_INTEGER, XLSX_DECIMAL}  # by what it sums (test_a_sum_of_rows…)
    if isinstance(value, date):
        return {"dd/mm/yyyy"}
    if isinstance(value, time):
        return {"h:mm:ss"}  # openpyxl's
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return {"General"}
    return {XLSX_INTEGER if isinstance(value, int) else XLSX_DECIMAL}


@pytest.mark.parametrize("seed", range(12))
def test_every_data_cell_looks_as_its_column_and_its_cell_say(seed):
    table = generated_table(seed)
    columns, rows = table["columns"], table["rows"]
    sheet = load_workbook(BytesIO(render_xlsx(**table))).active
    titles = bool(table["title"]) + len(table["subtitle_lines"])
    first = titles + 3 if titles else 2
    for row_number, row in enumerate(rows, start=first):
        for column_number, (value, column) in enumerate(zip(row, columns, strict=True), start=1):
            shown = value if isinstance(value, Cell) else Cell(value)
            cell = sheet.cell(row_number, column_number)
            assert (cell.font.name, cell.font.size) == ("Times New Roman", 12)
            assert bool(cell.font.bold) == shown.bold
            assert cell.alignment.vertical == "top"
            assert bool(cell.alignment.wrap_text) == column.wrap
            assert cell.alignment.indent == shown.indent
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert {side.style for side in sides} == {"thin"}
            own = {column.number_format} if column.number_format else None
            assert cell.number_format in (own or value_formats(shown.value))
            text = isinstance(shown.value, str)
            assert cell.quotePrefix == (text and shown.value.startswith(xlsx.FORMULA_STARTS))
            if text and kept(shown.value):
                assert cell.data_type == "s"
                assert cell.value == kept(shown.value)
            elif text:
                assert cell.value is None  # an empty text reads as an empty cell
    if rows and any(column.total for column in columns):
        totals = sheet[first + len(rows)]
        assert all(cell.font.bold and cell.border.top.style == "thin" for cell in totals)


@pytest.mark.parametrize("seed", [3, 8])
def test_libreoffice_reads_every_cell_of_a_generated_table(seed, tmp_path):
    """LibreOffice opens the workbook and finds every value where it was written: texts,
    numbers, dates; the sums computed."""
    table = generated_table(seed)
    data = render_xlsx(**table)
    ours = load_workbook(BytesIO(data)).active
    theirs = recalculated(data, tmp_path).active
    checked = 0
    for row in ours.iter_rows():
        for cell in row:
            read = theirs[cell.coordinate].value
            if cell.data_type == "f":
                assert isinstance(read, int | float), cell.coordinate
            elif isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                # LibreOffice keeps 15 significant digits, as Excel does.
                assert read == pytest.approx(cell.value, rel=1e-14), cell.coordinate
            else:
                assert read == cell.value, cell.coordinate
            checked += 1
    assert checked > 50
