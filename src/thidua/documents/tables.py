"""The bordered tables of official documents: a list's table, the council's score table and
the decision's annex.

A table is described by its `Column`s (heading, width, alignment) and rows of texts. It is
drawn bordered, centred and of fixed width, in the paragraph style `TABLE_STYLE`; its heading
row is bold, shaded and repeated at the top of every page, and no row splits across pages.
`add_table` draws such a table in one go; a renderer with rows of its own (a list's group
headings and totals) builds on `new_table`, `add_heading_row`, `add_text_row`, `add_row` and
`fill`.
"""

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, Twips
from docx.table import Table, _Cell

from thidua.documents.word import (
    CENTRE,
    add_line,
    fix_table_width,
    set_row_properties,
    set_table_borders,
)

TABLE_STYLE = "Table Text"
HEADER_FILL = "D9D9D9"  # light grey, "White, Background 1, Darker 15%" in Word
BORDER = "4"  # eighths of a point: single 0.5 pt lines
NARROW_MARGIN = Mm(1)  # left and right in each cell, for tables of narrow columns

ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "centre": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass(frozen=True)
class Column:
    """A column of a table: its heading ("\\n" separates its lines), its width, how its cells
    are aligned ("left", "center", "right" or "justify"). The "TT" (row number) column is
    "center"."""

    title: str
    width_mm: float
    align: str = "left"

    def __post_init__(self):
        if self.align not in ALIGNMENTS:
            raise ValueError(f"unknown alignment {self.align!r}")
        if self.width_mm <= 0:
            raise ValueError(f"column {self.title!r} needs a positive width")


def add_table_style(document, size: Length | None = None) -> None:
    """The tables' own paragraph style: no indent, a little air above and below each line;
    `size` gives it a font size, else each run says its own."""
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    if size is not None:
        style.font.size = size
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(2), Pt(2), 1.0
    # …but none between the lines of one cell ("\n" in its text makes separate paragraphs),
    # which then look like one wrapped text.
    style.element.get_or_add_pPr().insert_element_before(
        OxmlElement("w:contextualSpacing"), "w:mirrorIndents", "w:jc", "w:rPr"
    )


def new_table(
    document, columns: list[Column], *, cell_margin: Length | None = None
) -> tuple[Table, Twips]:
    """A bordered, centred, fixed-width table without rows, and its total width;
    `cell_margin` narrows the cells' left and right margins, for narrow columns."""
    # In whole twips, as the file holds them, so that the total is the sum of the columns.
    widths = [Twips(Length(Mm(column.width_mm)).twips) for column in columns]
    total = Twips(sum(width.twips for width in widths))
    table = document.add_table(rows=0, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_table_width(table, total)
    set_table_borders(table, "single", BORDER)
    if cell_margin is not None:
        set_cell_margins(table, cell_margin)
    # Word and LibreOffice read the grid; Word also reads each cell's width, so both are set.
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width
    return table, total


def set_cell_margins(table: Table, margin: Length) -> None:
    """The left and right margin inside every cell of the table."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(Length(margin).twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def add_row(table: Table, *properties: str) -> list[_Cell]:
    """A new row that never splits across pages, with more row `properties` if given, and its
    cells."""
    # Table.add_row gives each new cell the width of its grid column. The cells are wrapped
    # directly: Row.cells walks the whole table each time.
    row = table.add_row()
    set_row_properties(row._tr, "cantSplit", *properties)
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def fill(cell: _Cell, text, align, *, style, size, bold=False, keep_with_next=False) -> None:
    """Write a text in a cell, vertically centred, one paragraph for each of its lines."""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for line in str(text).splitlines() or [""]:
        paragraph = add_line(cell, line, align=align, style=style, size=size, bold=bold)
        paragraph.paragraph_format.keep_together = True
        # A row whose paragraphs all keep with the next stays on the next row's page.
        paragraph.paragraph_format.keep_with_next = keep_with_next or None


def add_heading_row(table: Table, columns: list[Column], *, style, size) -> list[_Cell]:
    """The columns' headings, bold, centred and shaded, repeated at the top of each page
    (w:tblHeader)."""
    cells = add_row(table, "tblHeader")
    for cell, column in zip(cells, columns, strict=True):
        fill(cell, column.title, CENTRE, style=style, size=size, bold=True)
        shade(cell)
    return cells


def add_text_row(table: Table, texts: list, columns: list[Column], *, style, size, bold=False):
    """A row of texts, each aligned as its column says."""
    cells = add_row(table)
    for cell, text, column in zip(cells, texts, columns, strict=True):
        fill(cell, text, ALIGNMENTS[column.align], style=style, size=size, bold=bold)
    return cells


def add_space_after(document) -> None:
    """Some room between a table and what follows it."""
    document.add_paragraph().paragraph_format.space_after = Pt(6)


def add_table(
    document,
    columns: list[Column],
    rows: list[list[str]],
    *,
    size: Length,
    cell_margin: Length | None = None,
) -> Table:
    """A whole table: the heading row, then one row for each of `rows`, in `size` type.
    The document needs `add_table_style` first."""
    table, _total = new_table(document, columns, cell_margin=cell_margin)
    style = document.styles[TABLE_STYLE]
    add_heading_row(table, columns, style=style, size=size)
    for row in rows:
        add_text_row(table, row, columns, style=style, size=size)
    add_space_after(document)
    return table


def shade(cell: _Cell) -> None:
    """The light grey of a heading row."""
    shd = OxmlElement("w:shd")
    for name, value in (("val", "clear"), ("color", "auto"), ("fill", HEADER_FILL)):
        shd.set(qn(f"w:{name}"), value)
    cell._tc.get_or_add_tcPr().insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )
