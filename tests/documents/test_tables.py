"""The bordered tables of official documents, read back from the DOCX file as XML."""

import pytest
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.documents.reading import bordered, lines, reopen, repeats_heading
from thidua.documents.tables import (
    NARROW_MARGIN,
    TABLE_STYLE,
    Column,
    add_heading_row,
    add_row,
    add_table,
    add_table_style,
    add_text_row,
    fill,
    new_table,
)
from thidua.documents.word import LEFT, PORTRAIT, new_document, to_bytes

COLUMNS = [
    Column("TT", 8, "center"),
    Column("Tên mô hình", 60),
    Column("Điểm\n(20)", 15.5, "right"),
]
ROWS = [
    ["1", "Tổ hợp tác trồng mì\n(sắn) an toàn", "18,5"],
    ["2", "Tủ sách khuyến nông", "16"],
]


def attributes(element, *names: str) -> tuple:
    return tuple(element.get(qn(f"w:{name}")) for name in names)


@pytest.fixture
def scores(tmp_path):
    """A table as the minutes draw theirs: 11 pt, narrow cell margins."""
    document = new_document(PORTRAIT)
    add_table_style(document)
    add_table(document, COLUMNS, ROWS, size=Pt(11), cell_margin=NARROW_MARGIN)
    (table,) = bordered(reopen(to_bytes(document), tmp_path, "table.docx"))
    return table


def test_widths_are_fixed_in_whole_twips(scores):
    tbl_pr = scores._tbl.tblPr
    # 8, 60 and 15.5 mm, rounded to twips; the table's width is their sum.
    assert [col.get(qn("w:w")) for col in scores._tbl.tblGrid.gridCol_lst] == ["454", "3402", "879"]
    assert attributes(tbl_pr.find(qn("w:tblW")), "w", "type") == ("4735", "dxa")
    assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert tbl_pr.find(qn("w:jc")).get(qn("w:val")) == "center"
    for row in scores.rows:
        widths = [tc.tcPr.find(qn("w:tcW")).get(qn("w:w")) for tc in row._tr.tc_lst]
        assert widths == ["454", "3402", "879"]
    margins = tbl_pr.find(qn("w:tblCellMar"))
    assert [(edge.tag, *attributes(edge, "w", "type")) for edge in margins] == [
        (qn("w:left"), "57", "dxa"),
        (qn("w:right"), "57", "dxa"),
    ]


def test_borders_are_single_half_point_lines(scores):
    borders = scores._tbl.tblPr.find(qn("w:tblBorders"))
    edges = ["top", "left", "bottom", "right", "insideH", "insideV"]
    assert [edge.tag for edge in borders] == [qn(f"w:{name}") for name in edges]
    for edge in borders:
        assert attributes(edge, "val", "sz", "space", "color") == ("single", "4", "0", "000000")


def test_heading_row_is_bold_shaded_and_repeated(scores):
    heading = scores.rows[0]
    assert [lines(cell) for cell in heading.cells] == [["TT"], ["Tên mô hình"], ["Điểm", "(20)"]]
    for cell in heading.cells:
        shading = cell._tc.tcPr.find(qn("w:shd"))
        assert attributes(shading, "val", "color", "fill") == ("clear", "auto", "D9D9D9")
        assert {p.alignment for p in cell.paragraphs} == {WD_ALIGN_PARAGRAPH.CENTER}
        assert {run.font.bold for p in cell.paragraphs for run in p.runs} == {True}
    assert repeats_heading(scores)
    for row in scores.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_body_rows_follow_their_columns(scores):
    first, second = scores.rows[1:]
    assert [lines(cell) for cell in first.cells] == [
        ["1"],
        ["Tổ hợp tác trồng mì", "(sắn) an toàn"],
        ["18,5"],
    ]
    assert [cell.text for cell in second.cells] == ROWS[1]
    aligns = [cell.paragraphs[0].alignment for cell in first.cells]
    assert aligns == [WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT]
    for cell in first.cells:
        assert cell._tc.tcPr.find(qn("w:shd")) is None
        assert cell.vertical_alignment == WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for paragraph in cell.paragraphs:
            assert paragraph.style.name == TABLE_STYLE
            assert paragraph.paragraph_format.keep_together
            assert not paragraph.paragraph_format.keep_with_next
            assert {run.font.size for run in paragraph.runs} == {Pt(11)}
            assert {run.font.bold for run in paragraph.runs} == {None}


def test_table_style_with_and_without_its_own_size(tmp_path):
    sized, plain = new_document(PORTRAIT), new_document(PORTRAIT)
    add_table_style(sized, Pt(12))
    add_table_style(plain)
    for document, size in ((sized, Pt(12)), (plain, None)):
        style = reopen(to_bytes(document), tmp_path, "style.docx").styles[TABLE_STYLE]
        assert style.base_style.name == "Normal"
        assert style.font.size == size
        fmt = style.paragraph_format
        assert (fmt.space_before, fmt.space_after, fmt.line_spacing) == (Pt(2), Pt(2), 1.0)
        assert style.element.pPr.find(qn("w:contextualSpacing")) is not None


def test_building_blocks_for_rows_of_ones_own(tmp_path):
    """A list's table: no narrow margins, a heading row across the table, a bold totals row."""
    document = new_document(PORTRAIT)
    add_table_style(document, Pt(12))
    table, total = new_table(document, COLUMNS)
    assert total.twips == 454 + 3402 + 879
    style = document.styles[TABLE_STYLE]
    add_heading_row(table, COLUMNS, style=style, size=Pt(12))
    group, *_rest = add_row(table)
    fill(group, "Xã Ea Bá", LEFT, style=style, size=Pt(12), bold=True, keep_with_next=True)
    add_text_row(table, ["", "Cộng", "34,5"], COLUMNS, style=style, size=Pt(12), bold=True)
    (table,) = bordered(reopen(to_bytes(document), tmp_path, "list.docx"))
    assert table._tbl.tblPr.find(qn("w:tblCellMar")) is None
    assert repeats_heading(table)
    assert table.rows[1]._tr.trPr.find(qn("w:cantSplit")) is not None
    (heading,) = table.rows[1].cells[0].paragraphs
    assert heading.text == "Xã Ea Bá"
    assert heading.paragraph_format.keep_with_next
    totals = table.rows[2].cells
    assert [cell.text for cell in totals] == ["", "Cộng", "34,5"]
    assert totals[2].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT  # not centred
    assert {run.font.bold for cell in totals for p in cell.paragraphs for run in p.runs} == {True}


def test_columns_need_a_known_alignment_and_a_width():
    with pytest.raises(ValueError, match="unknown alignment 'middle'"):
        Column("TT", 8, "middle")
    with pytest.raises(ValueError, match="positive width"):
        Column("TT", 0)
    assert Column("Ghi chú", 20, "centre").align == "centre"
