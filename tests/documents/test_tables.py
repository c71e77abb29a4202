"""The bordered tables of official documents, read back from the DOCX file as XML; the rows
`Rows` writes as XML against the same rows built cell by cell through python-docx."""

import functools

import pytest
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tests import strategies
from tests.documents import docx_reference
from tests.documents.reading import bordered, lines, reopen, repeats_heading
from thidua.documents.tables import (
    NARROW_MARGIN,
    TABLE_STYLE,
    Column,
    Rows,
    add_heading_row,
    add_table,
    add_table_style,
    add_text_row,
    new_table,
)
from thidua.documents.word import PORTRAIT, new_document, to_bytes

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
    rows = Rows(table, COLUMNS, style=style, size=Pt(12))
    rows.across("Xã Ea Bá")
    rows.add()
    add_text_row(table, ["", "Cộng", "34,5"], COLUMNS, style=style, size=Pt(12), bold=True)
    (table,) = bordered(reopen(to_bytes(document), tmp_path, "list.docx"))
    assert table._tbl.tblPr.find(qn("w:tblCellMar")) is None
    assert repeats_heading(table)
    assert table.rows[1]._tr.trPr.find(qn("w:cantSplit")) is not None
    (across,) = table.rows[1]._tr.tc_lst
    assert across.grid_span == len(COLUMNS)
    assert across.tcPr.find(qn("w:tcW")).get(qn("w:w")) == str(total.twips)
    (heading,) = table.rows[1].cells[0].paragraphs
    assert heading.text == "Xã Ea Bá"
    assert heading.paragraph_format.keep_with_next
    assert heading.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert {run.font.bold for run in heading.runs} == {True}
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


# --- the rows' XML against python-docx's, over generated texts --------------------------

# What a cell may hold beside words: line ends of every kind (and the other characters
# str.splitlines breaks at), tabs, characters the file cannot hold or a viewer would hide,
# markup and quotes to escape, formula-like starts, blanks to keep.
ODD = [
    "\n", "\r\n", "\r", "\n\n", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
    "\x00", "\x07", "\x7f", "\u200b", "\ufeff", "\u202e", "<b>", "&amp;", '"', "'", "]]>",
    "=SUM(A1)", "+84", "-5", "@x", "  ", " ", "ﬁ", "\U0001f33e",
]  # fmt: skip


@st.composite
def cell_text(draw) -> str:
    """A cell's text: words (NFC or decomposed) with odd characters among them."""
    parts = draw(
        st.lists(st.one_of(strategies.line(), st.sampled_from(ODD)), min_size=0, max_size=6)
    )
    return "".join(parts)


ALIGNED = [Column(f"Cột {align}", width, align) for align, width in (
    ("center", 12), ("left", 70), ("right", 22.5), ("justify", 55), ("centre", 9.9),
)]  # fmt: skip


@functools.cache
def _document():
    """One document for every example (a new one takes longer than the example's rows)."""
    document = new_document(PORTRAIT)
    add_table_style(document)
    return document


def _tables():
    """Two new tables of the same columns: one to fill each way."""
    document = _document()
    (ours, _), (theirs, total) = (new_table(document, ALIGNED) for _ in range(2))
    return document.styles[TABLE_STYLE], ours, theirs, total


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["text", "bold", "across"]),
            st.lists(cell_text(), min_size=len(ALIGNED), max_size=len(ALIGNED)),
        ),
        max_size=5,
    ),
    size=st.sampled_from([Pt(12), Pt(11), Pt(10.5), None]),
)
def test_rows_written_as_xml_are_those_python_docx_builds(rows, size):
    style, ours, theirs, total = _tables()
    written = Rows(ours, ALIGNED, style=style, size=size)
    written.heading()
    docx_reference.heading_row(theirs, ALIGNED, style=style, size=size)
    for kind, texts in rows:
        if kind == "across":
            written.across(texts[1])
            docx_reference.across_row(theirs, texts[1], total, style=style, size=size)
        else:
            written.text(texts, bold=kind == "bold")
            docx_reference.text_row(theirs, texts, ALIGNED, style=style, size=size,
                                    bold=kind == "bold")  # fmt: skip
    written.add()
    assert etree.tostring(ours._tbl) == etree.tostring(theirs._tbl)


def test_rows_are_added_where_they_are_written(tmp_path):
    """Rows written after an `add` follow the rows added before: the table ends with them."""
    document = new_document(PORTRAIT)
    add_table_style(document, Pt(12))
    table, _total = new_table(document, COLUMNS)
    rows = Rows(table, COLUMNS, style=document.styles[TABLE_STYLE], size=Pt(12))
    rows.heading()
    rows.add()
    rows.add()  # nothing written: nothing added
    for number in range(1, 4):
        rows.text([str(number), f"Mô hình {number}", ""])
        if number == 2:
            rows.add()
    rows.add()
    (table,) = bordered(reopen(to_bytes(document), tmp_path, "rows.docx"))
    assert [row.cells[0].text for row in table.rows] == ["TT", "1", "2", "3"]
    assert [lines(cell) for cell in table.rows[3].cells] == [["3"], ["Mô hình 3"], [""]]
