"""The XLSX renderer, on the communes' registrations of mô hình, sáng kiến, ý tưởng mới."""

import unicodedata
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from thidua.documents.xlsx import XlsxColumn, render_xlsx

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
