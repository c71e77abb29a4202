"""The rows of a bordered table as python-docx builds them, cell by cell through its proxies:
how `thidua.documents.tables` drew them before `Rows` wrote their XML itself. The tests hold
the two side by side: the XML must be the same, element for element."""

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell

from thidua.documents.tables import ALIGNMENTS, HEADER_FILL
from thidua.documents.word import CENTRE, LEFT, add_line, set_row_properties


def add_row(table, *properties: str) -> list[_Cell]:
    row = table.add_row()
    set_row_properties(row._tr, "cantSplit", *properties)
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def fill(cell, text, align, *, style, size, bold=False, keep_with_next=False) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for line in str(text).splitlines() or [""]:
        paragraph = add_line(cell, line, align=align, style=style, size=size, bold=bold)
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = keep_with_next or None


def shade(cell) -> None:
    shd = OxmlElement("w:shd")
    for name, value in (("val", "clear"), ("color", "auto"), ("fill", HEADER_FILL)):
        shd.set(qn(f"w:{name}"), value)
    cell._tc.get_or_add_tcPr().insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def heading_row(table, columns, *, style, size) -> None:
    for cell, column in zip(add_row(table, "tblHeader"), columns, strict=True):
        fill(cell, column.title, CENTRE, style=style, size=size, bold=True)
        shade(cell)


def text_row(table, texts, columns, *, style, size, bold=False) -> None:
    for cell, text, column in zip(add_row(table), texts, columns, strict=True):
        fill(cell, text, ALIGNMENTS[column.align], style=style, size=size, bold=bold)


def across_row(table, text, total, *, style, size) -> None:
    first, *rest = add_row(table)
    for cell in rest:
        cell._tc.getparent().remove(cell._tc)
    first._tc.grid_span = len(table._tbl.tblGrid.gridCol_lst)
    first.width = total
    fill(first, text, LEFT, style=style, size=size, bold=True, keep_with_next=True)
