"""The DOCX renderer of official lists, on the registrations the seed plan 115-KH/HNDH asks for:
"danh sách đăng ký xây dựng mô hình, sáng kiến, ý tưởng mới" of the communes of Sông Hinh."""

import random
import unicodedata
import zipfile
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell

from tests.documents.reading import (
    PDFTOTEXT,
    SOFFICE,
    all_paragraphs,
    bordered,
    find,
    font_of,
    lines,
    printed_pages,
    repeats_heading,
)
from thidua.core.text import CONTROL
from thidua.documents.lists import ListPart, OfficialList, render_list_docx
from thidua.documents.official import Signature
from thidua.documents.tables import Column

FONT = "Times New Roman"
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
INITIATIVES = [
    ("Mô hình", "Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ"),
    ("Sáng kiến", "Sổ tay điện tử ghi chép chi phí sản xuất của hộ hội viên"),
    ("Ý tưởng mới", "Nhóm Zalo “Chợ nông sản” kết nối người bán, người mua"),
    ("Mô hình", "Chi hội nông dân nuôi bò vỗ béo giúp nhau giảm nghèo"),
    ("Sáng kiến", "Ủ phân hữu cơ vi sinh từ phụ phẩm mì, bã mía"),
    ("Ý tưởng mới", "Tủ sách khuyến nông tại nhà văn hóa buôn"),
]
HEADERS = [
    "TT",
    "Tên mô hình, sáng kiến, ý tưởng mới",
    "Loại",
    "Người chủ trì",
    "Người thực hiện",
    "Thời gian, địa điểm áp dụng",
    "Dự kiến kết quả",
]
COLUMNS = [
    Column("TT", 12, "center"),
    Column(HEADERS[1], 68),
    Column(HEADERS[2], 24, "center"),
    Column(HEADERS[3], 38),
    Column(HEADERS[4], 45),
    Column(HEADERS[5], 35),
    Column(HEADERS[6], 35),
]
PEOPLE = ["Y Đức Niê", "Nguyễn Văn Hùng", "H'Hen Ksơr", "Trần Thị Mỹ Lệ", "Lê Quang Vũ"]
RECIPIENTS = ["Hội ND tỉnh (b/c);", "Thường trực Hội ND huyện;", "Lưu VT, VP."]
MOVEMENT = "Phong trào thi đua “Sông Hinh đoàn kết sáng tạo” năm 2022"


def registrations() -> tuple[list[list[str]], list[tuple[int, str]]]:
    """25 registrations, by unit: two or three for each of the 11 units of the district."""
    rows, groups = [], []
    for unit_index, unit in enumerate(UNITS):
        groups.append((len(rows), f"Hội Nông dân {unit[0].lower()}{unit[1:]}"))
        for k in range(3 if unit_index < 3 else 2):
            number = len(rows) + 1
            kind, name = INITIATIVES[number % len(INITIATIVES)]
            lead = PEOPLE[number % len(PEOPLE)]
            team = f"{PEOPLE[(number + 1) % len(PEOPLE)]}\n{PEOPLE[(number + 2) % len(PEOPLE)]}"
            place = unit.removeprefix("Xã ").removeprefix("Thị trấn ")
            rows.append(
                [
                    str(number),
                    name,
                    kind,
                    lead,
                    team,
                    f"Từ tháng {4 + k}/2022, {place}",
                    "Tăng thu nhập 10% cho hộ tham gia",
                ]
            )
    return rows, groups


def sample_list(**changes) -> OfficialList:
    rows, groups = registrations()
    fields = {
        "superior": "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "issuer": "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "number": "Số      -DS/HNDH",
        "place": "Sông Hinh",
        "date": date(2022, 4, 15),
        "subject_lines": ["Đăng ký xây dựng mô hình, sáng kiến, ý tưởng mới", MOVEMENT],
        "intro": ["Kèm theo Kế hoạch số 115-KH/HNDH ngày 08/3/2022 của Ban Thường vụ."],
        "columns": COLUMNS,
        "rows": rows,
        "groups": groups,
        "totals": ["", "Tổng cộng: 25", "", "", "", "", ""],
        "closing": ["Danh sách gồm 25 mô hình, sáng kiến, ý tưởng mới của 11 đơn vị./."],
        "recipients": RECIPIENTS,
        "signature": Signature(
            authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="Bá Minh Hiếu"
        ),
    }
    return OfficialList(**{**fields, **changes})


def reopen(doc: OfficialList, tmp_path):
    path = tmp_path / "list.docx"
    path.write_bytes(render_list_docx(doc))
    return Document(str(path))


@pytest.fixture
def listing(tmp_path):
    return reopen(sample_list(), tmp_path)


@pytest.fixture
def table(listing):
    (table,) = [t for t in listing.tables if len(t.columns) == len(COLUMNS)]
    return table


def body_rows(table) -> list:
    """The rows below the heading row that are neither group headings nor the totals."""
    return [row for row in table.rows[1:-1] if len(row._tr.tc_lst) == len(COLUMNS)]


# --- page and fonts -------------------------------------------------------------------


def test_page_is_a4_landscape_with_the_margins(listing):
    section = listing.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    measured = {
        "width": section.page_width.mm,
        "height": section.page_height.mm,
        "top": section.top_margin.mm,
        "bottom": section.bottom_margin.mm,
        "left": section.left_margin.mm,
        "right": section.right_margin.mm,
    }
    expected = {"width": 297, "height": 210, "top": 20, "bottom": 20, "left": 25, "right": 15}
    assert measured == pytest.approx(expected, abs=0.1)


def test_portrait_keeps_the_plans_page(tmp_path):
    section = reopen(sample_list(landscape=False), tmp_path).sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert section.left_margin.mm == pytest.approx(30, abs=0.1)


def test_times_new_roman_everywhere(listing):
    runs = [run for paragraph in all_paragraphs(listing) for run in paragraph.runs if run.text]
    assert runs
    assert {font_of(run) for run in runs} == {FONT}
    fonts = listing.styles["Normal"].element.rPr.rFonts
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(qn(f"w:{attribute}")) == FONT, attribute


# --- heading and title ----------------------------------------------------------------


def test_heading_block(listing):
    issuer, nation = listing.tables[0].rows[0].cells
    assert lines(issuer) == [
        "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "*",
        "Số      -DS/HNDH",
    ]
    assert lines(nation) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "Sông Hinh, ngày 15 tháng 4 năm 2022",
    ]
    motto, date_line = nation.paragraphs[1], nation.paragraphs[3]
    assert motto.runs[0].font.bold
    assert motto.runs[0].font.underline
    assert date_line.runs[0].font.italic
    assert issuer.paragraphs[1].runs[0].font.bold
    borders = listing.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_a_list_without_number_or_date(tmp_path):
    draft = reopen(sample_list(number="", date=None, year=2022), tmp_path)
    issuer, nation = draft.tables[0].rows[0].cells
    assert lines(issuer)[-1] == "*"
    assert lines(nation)[-1] == "Sông Hinh, ngày      tháng      năm 2022"


def test_document_type_and_subject(listing):
    doc_type = find(listing, "DANH SÁCH")
    assert doc_type.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert doc_type.runs[0].font.bold
    assert doc_type.runs[0].font.size == Pt(16)
    for line in sample_list().subject_lines:
        subject = find(listing, line)
        assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert subject.runs[0].font.bold
        assert subject.runs[0].font.size == Pt(14)


def test_intro_and_closing_around_the_table(listing):
    body = listing.element.body
    texts = [p.text for p in listing.paragraphs]
    intro, closing = sample_list().intro[0], sample_list().closing[0]
    assert texts.index(intro) < texts.index(closing)
    children = list(body)
    table_at = children.index(listing.tables[1]._tbl)
    assert children.index(find(listing, intro)._p) < table_at
    assert children.index(find(listing, closing)._p) > table_at


# --- the table ------------------------------------------------------------------------


def test_table_columns_and_heading_row(table):
    assert len(table.columns) == len(COLUMNS)
    header = table.rows[0]
    assert [cell.text for cell in header.cells] == HEADERS
    for cell in header.cells:
        (paragraph,) = cell.paragraphs
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert {run.font.bold for run in paragraph.runs} == {True}
        assert {run.font.size for run in paragraph.runs} == {Pt(12)}
        shading = cell._tc.tcPr.find(qn("w:shd"))
        assert shading.get(qn("w:fill")) == "D9D9D9"


def test_heading_row_repeats_and_rows_do_not_split(table):
    rows = table.rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    for row in rows[1:]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is None
    for row in rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_table_is_bordered_with_fixed_widths(table):
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    edges = {edge.tag.split("}")[1]: edge for edge in borders}
    assert set(edges) == {"top", "left", "bottom", "right", "insideH", "insideV"}
    for edge in edges.values():
        assert edge.get(qn("w:val")) == "single"
        assert edge.get(qn("w:sz")) == "4"  # eighths of a point
    assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [col.w.mm for col in table._tbl.tblGrid.gridCol_lst]
    assert grid == pytest.approx([c.width_mm for c in COLUMNS], abs=0.1)
    for row in body_rows(table):
        widths = [cell.width.mm for cell in row.cells]
        assert widths == pytest.approx([c.width_mm for c in COLUMNS], abs=0.1)
    total = int(tbl_pr.find(qn("w:tblW")).get(qn("w:w")))
    assert total == sum(col.w.twips for col in table._tbl.tblGrid.gridCol_lst)
    assert total == pytest.approx(sum(c.width_mm for c in COLUMNS) / 25.4 * 1440, abs=4)
    group = next(row for row in table.rows if len(row._tr.tc_lst) == 1)
    assert group._tr.tc_lst[0].width.twips == total


def test_group_rows_span_the_whole_table(table):
    _rows, groups = registrations()
    group_rows = [row for row in table.rows if len(row._tr.tc_lst) == 1]
    assert [row.cells[0].text for row in group_rows] == [heading for _index, heading in groups]
    for row in group_rows:
        (tc,) = row._tr.tc_lst
        assert tc.grid_span == len(COLUMNS)
        paragraph = row.cells[0].paragraphs[0]
        assert {run.font.bold for run in paragraph.runs} == {True}
    # Each heading comes right before the first row of its unit.
    texts = [row.cells[0].text for row in table.rows]
    assert texts.index("Hội Nông dân xã Ea Bá") == texts.index("4") - 1
    assert texts[1] == "Hội Nông dân thị trấn Hai Riêng"


def test_body_rows(table):
    rows, _groups = registrations()
    body = body_rows(table)
    assert len(rows) == 25
    assert [[cell.text for cell in row.cells] for row in body] == rows
    for row in body:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                assert {run.font.size for run in paragraph.runs} <= {Pt(12)}
                assert not any(run.font.bold for run in paragraph.runs)
        tt, name, *_ = row.cells
        assert tt.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert name.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_line_breaks_in_a_cell_are_separate_lines(table):
    first = body_rows(table)[0]
    team = first.cells[4]
    assert lines(team) == registrations()[0][0][4].split("\n")
    assert len(lines(team)) == 2


def test_totals_row_is_last_and_bold(table):
    last = table.rows[-1]
    assert [cell.text for cell in last.cells] == sample_list().totals
    assert last.cells[1].paragraphs[0].runs[0].font.bold


def test_text_is_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Nuôi bò vỗ béo")
    rows = [["1", decomposed, "Mô hình", "", "", "", ""]]
    document = reopen(sample_list(rows=rows, groups=[], totals=None), tmp_path)
    table = document.tables[1]
    assert table.rows[1].cells[1].text == unicodedata.normalize("NFC", decomposed)


# --- recipients, signature, page numbers ----------------------------------------------


def test_recipients_and_signature(listing):
    recipients, signature = listing.tables[-1].rows[0].cells
    label, *items = recipients.paragraphs
    assert label.text == "Nơi nhận:"
    (run,) = label.runs
    assert run.font.underline
    assert run.font.bold
    assert run.font.italic
    assert run.font.size == Pt(12)
    assert [p.text for p in items] == [f"- {name}" for name in RECIPIENTS]
    assert [text for text in lines(signature) if text] == [
        "T/M BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Bá Minh Hiếu",
    ]
    assert listing.tables[-1].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_page_numbers_from_page_two(listing):
    section = listing.sections[0]
    assert section._sectPr.find(qn("w:titlePg")) is not None
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_core_properties(listing):
    properties = listing.core_properties
    assert properties.title.startswith("DANH SÁCH Đăng ký xây dựng mô hình")
    assert properties.author == "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"


def test_output_is_a_plain_docx_package():
    with zipfile.ZipFile(BytesIO(render_list_docx(sample_list()))) as package:
        assert "word/document.xml" in package.namelist()
        assert package.testzip() is None


# --- validation -----------------------------------------------------------------------


def test_rows_must_match_the_columns():
    with pytest.raises(ValueError, match="row 0 has 2 cells"):
        sample_list(rows=[["1", "x"]], groups=[])
    with pytest.raises(ValueError, match="totals"):
        sample_list(totals=["x"])
    with pytest.raises(ValueError, match="group"):
        sample_list(groups=[(99, "x")])
    with pytest.raises(ValueError, match="year"):
        sample_list(date=None)
    with pytest.raises(ValueError, match="alignment"):
        Column("TT", 12, "middle")


# --- what the list does not count, and drafts -----------------------------------------

OTHER_COLUMNS = [
    Column("TT", 12, "center"),
    Column("Đơn vị", 45),
    Column("Tên mô hình, sáng kiến, ý tưởng mới", 80),
    Column("Trạng thái", 60),
]
OTHERS = [
    ["1", "Hội Nông dân xã Ea Ly", "Máy tách hạt điều", "Đã gửi, chưa tiếp nhận"],
    ["2", "Hội Nông dân xã Sông Hinh", "Nuôi bò vỗ béo", "Trả lại để bổ sung: thiếu số hộ"],
]


def test_what_the_list_does_not_count_follows_apart_under_its_heading(tmp_path):
    heading = "Các mô hình đã gửi chưa tiếp nhận hoặc trả lại (không tính trong danh sách trên):"
    listing = reopen(
        sample_list(parts=[ListPart(heading=heading, columns=OTHER_COLUMNS, rows=OTHERS)]),
        tmp_path,
    )
    main, other = bordered(listing)
    assert [cell.text for cell in other.rows[0].cells] == [c.title for c in OTHER_COLUMNS]
    assert [[cell.text for cell in row.cells] for row in other.rows[1:]] == OTHERS
    assert repeats_heading(other)
    title = find(listing, heading)
    assert title.runs[0].font.bold
    assert title.paragraph_format.keep_with_next
    children = list(listing.element.body)
    closing = find(listing, sample_list().closing[0])._p
    assert (
        children.index(main._tbl)
        < children.index(title._p)
        < children.index(other._tbl)
        < children.index(closing)
    )


def test_a_list_that_names_no_signer_prints_as_a_draft(tmp_path):
    unsigned = Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="")
    section = reopen(sample_list(signature=unsigned, date=None, year=2022), tmp_path).sections[0]
    assert "DỰ THẢO" in section.first_page_header.paragraphs[0].text
    assert "DỰ THẢO" in section.header.paragraphs[0].text
    marked = reopen(sample_list(watermark="DỰ THẢO"), tmp_path).sections[0]
    assert "DỰ THẢO" in marked.header.paragraphs[0].text
    final = reopen(sample_list(), tmp_path).sections[0]
    assert "DỰ THẢO" not in final.header._element.xml
    assert "DỰ THẢO" not in final.first_page_header._element.xml


def test_a_parts_rows_must_match_its_columns():
    with pytest.raises(ValueError, match="row 0 has 1 cells"):
        ListPart(heading="x", columns=OTHER_COLUMNS, rows=[["1"]])


# --- a generated district's list, read back cell by cell and printed -------------------

ODD = ["=SUM(A1)", "-5 hộ", "+84 912 345 678", "<b>&amp;</b>", " Ea Bá ", "\tTab", "A\x01B",
       "\u200bẩn", "🌾 lúa", "\n\nSau hai dòng trống", "Hai\r\ndòng", "Cuối\n"]  # fmt: skip


def generated_list(seed: int, count: int) -> OfficialList:
    """A district's list of ``count`` registrations: Vietnamese text (some decomposed), cells
    of several lines, empty cells, formula-like and odd text, long text, a group heading
    before each commune's rows, a part of the rows it does not count."""
    rng = random.Random(seed)  # noqa: S311 (a replayable list, not a secret)

    def text() -> str:
        roll = rng.random()
        if roll < 0.1:
            return ""
        if roll < 0.25:
            return rng.choice(ODD)
        if roll < 0.3:
            return " ".join(rng.choice(INITIATIVES)[1] for _ in range(40))  # long
        if roll < 0.45:
            return "\n".join(rng.sample(PEOPLE, rng.randint(2, 4)))
        name = rng.choice(INITIATIVES)[1]
        return unicodedata.normalize(rng.choice(["NFC", "NFD"]), name)

    rows, groups = [], []
    for number in range(1, count + 1):
        if number % 40 == 1:
            groups.append((len(rows), f"Hội Nông dân {rng.choice(UNITS)}"))
        rows.append([str(number), *(text() for _ in COLUMNS[1:])])
    others = [[str(n), rng.choice(UNITS), text(), text(), text()] for n in range(1, count // 5)]
    part_columns = [Column("TT", 12, "center"), *(Column(f"Cột {i}", 60) for i in range(4))]
    part = ListPart(heading="Các mô hình chưa tiếp nhận:", columns=part_columns, rows=others)
    return sample_list(rows=rows, groups=groups, totals=None, parts=[part])


def shown_lines(text: str) -> list[str]:
    """The paragraphs a cell shows for a text: one for each line, NFC, without control
    characters, the leading empty lines dropped; one empty paragraph for an empty text."""
    found = [CONTROL.sub("", unicodedata.normalize("NFC", line)) for line in text.splitlines()]
    while len(found) > 1 and not found[0]:
        del found[0]
    return found or [""]


@pytest.mark.parametrize("seed", range(3))
def test_every_cell_of_a_generated_list_reads_back(seed, tmp_path):
    doc = generated_list(seed, 150)
    own, part = bordered(reopen(doc, tmp_path))
    headings = dict(doc.groups)
    expected = [[column.title for column in COLUMNS]]
    for index, row in enumerate(doc.rows):
        if index in headings:
            expected.append([headings[index]])
        expected.append(row)
    assert len(own.rows) == len(expected)
    for tr, texts in zip(own._tbl.tr_lst, expected, strict=True):
        cells = [_Cell(tc, own) for tc in tr.tc_lst]
        assert [lines(cell) for cell in cells] == [shown_lines(text) for text in texts]
    others = [[c.title for c in doc.parts[0].columns], *doc.parts[0].rows]
    assert [[lines(cell) for cell in row.cells] for row in part.rows] == [
        [shown_lines(text) for text in row] for row in others
    ]


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="needs LibreOffice and pdftotext")
def test_libreoffice_prints_a_generated_list(tmp_path):
    doc = generated_list(7, 300)
    path = tmp_path / "list.docx"
    path.write_bytes(render_list_docx(doc))
    (pages,) = printed_pages([path], tmp_path).values()
    printed = "\n".join(pages)
    assert len([page for page in pages if page.strip()]) > 5
    for _index, heading in doc.groups:
        assert heading in printed
    assert "Các mô hình chưa tiếp nhận:" in printed
    assert "Bá Minh Hiếu" in pages[-1] or "Bá Minh Hiếu" in pages[-2]
