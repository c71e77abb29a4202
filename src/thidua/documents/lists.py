"""An official list ("DANH SÁCH") as plain data, and its DOCX rendering.

A list is the document the seed plan 115-KH/HNDH asks each commune for: "danh sách đăng ký
xây dựng mô hình, sáng kiến, ý tưởng mới". It has the heading of any official document (issuer
and national title side by side, number, place and date), a title, then a bordered table, and
ends with the recipients and the signature as the plan does.

The page, font, heading and signature conventions are those of the plan: both renderers build
on `thidua.documents.word`. A list is set on a landscape page by default, for its wide table.
"""

from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812 (the field below is called `date`)

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, Twips
from docx.table import Table, _Cell

from thidua.documents.official import OfficialFrame, Signature
from thidua.documents.word import (
    CENTRE,
    LEFT,
    PORTRAIT,
    Page,
    add_body,
    add_heading_block,
    add_line,
    add_page_headers,
    add_signature_block,
    add_title,
    fix_table_width,
    new_document,
    set_core_properties,
    set_row_properties,
    set_table_borders,
    to_bytes,
)

TABLE_SIZE = Pt(12)  # tables in official lists are set in 12–13 pt
TABLE_STYLE = "Table Text"
HEADER_FILL = "D9D9D9"  # light grey, "White, Background 1, Darker 15%" in Word
BORDER = "4"  # eighths of a point: single 0.5 pt lines

ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "centre": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass(frozen=True)
class Column:
    """A column of the list's table: its heading, its width, how its cells are aligned
    ("left", "center", "right" or "justify"). The "TT" (row number) column is "center"."""

    title: str
    width_mm: float
    align: str = "left"

    def __post_init__(self):
        if self.align not in ALIGNMENTS:
            raise ValueError(f"unknown alignment {self.align!r}")
        if self.width_mm <= 0:
            raise ValueError(f"column {self.title!r} needs a positive width")


@dataclass(frozen=True, kw_only=True)
class OfficialList(OfficialFrame):
    superior: str = ""  # "HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    issuer: str  # "BCH HỘI NÔNG DÂN XÃ EA BÁ"
    number: str  # "Số      -DS/HNDX", or "" for a list without a number
    place: str  # "Ea Bá"
    date: Date | None = None  # None for a draft
    year: int | None = None  # printed on the blank date line of a draft (date None)
    doc_type: str = "DANH SÁCH"
    subject_lines: list[str] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)  # paragraphs before the table
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)  # "\n" in a cell separates its lines
    # (index of the row it comes before, heading): a bold row across the whole table, such as
    # "Hội Nông dân xã Ea Bá" before that unit's rows. An index of len(rows) puts it last.
    groups: list[tuple[int, str]] = field(default_factory=list)
    totals: list[str] | None = None  # a bold last row, one text per column
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature
    landscape: bool = True

    def __post_init__(self):
        super().__post_init__()  # the date or, for a draft, the year
        if not self.columns:
            raise ValueError("a list needs at least one column")
        width = len(self.columns)
        for index, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(f"row {index} has {len(row)} cells for {width} columns")
        if self.totals is not None and len(self.totals) != width:
            raise ValueError(f"the totals row has {len(self.totals)} cells for {width} columns")
        for index, _heading in self.groups:
            if not 0 <= index <= len(self.rows):
                raise ValueError(f"group heading before row {index}, out of range")


# --- the page -------------------------------------------------------------------------

# A landscape page still binds on its left edge, but a list is rarely bound in a thick file,
# and its wide table needs the room: 25 mm left (the plan's 30 less 5), 15 mm right, 20 mm top
# and bottom, as the usual landscape templates have. The heading spans the page without
# reaching into the margin (there is room enough); the signature takes the right 110 mm.
_LANDSCAPE_TEXT = Mm(297) - Mm(25) - Mm(15)  # 257 mm
LANDSCAPE = Page(
    width=Mm(297),
    height=Mm(210),
    top=Mm(20),
    bottom=Mm(20),
    left=Mm(25),
    right=Mm(15),
    heading_widths=(Length(Mm(100)), Length(_LANDSCAPE_TEXT - Mm(100))),
    heading_indent=0,
    footing_widths=(Length(_LANDSCAPE_TEXT - Mm(110)), Length(Mm(110))),
)


def render_list_docx(doc: OfficialList) -> bytes:
    """The list as the bytes of a .docx file."""
    page = LANDSCAPE if doc.landscape else PORTRAIT
    document = new_document(page)
    _add_table_style(document)
    add_heading_block(document, doc, page.heading_widths, page.heading_indent)
    add_title(document, doc, space_before=Pt(12))
    for text in doc.intro:
        add_body(document, text)
    _add_table(document, doc)
    for text in doc.closing:
        add_body(document, text)
    add_signature_block(document, doc, page.footing_widths)
    add_page_headers(document)
    set_core_properties(document, doc)
    return to_bytes(document)


def _add_table_style(document) -> None:
    """The table's own paragraphs: 12 pt, a little air above and below each line."""
    table_text = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = document.styles["Normal"]
    table_text.font.size = TABLE_SIZE
    cell = table_text.paragraph_format
    cell.space_before, cell.space_after, cell.line_spacing = Pt(2), Pt(2), 1.0
    # …but not between the lines of one cell ("\n" in its text makes separate paragraphs),
    # which then look like one wrapped text.
    table_text.element.get_or_add_pPr().insert_element_before(
        OxmlElement("w:contextualSpacing"), "w:mirrorIndents", "w:jc", "w:rPr"
    )


# --- the parts of the document ---------------------------------------------------------


def _add_table(document, doc: OfficialList) -> None:
    table, total = _new_table(document, doc.columns)
    count = len(doc.columns)
    aligns = [ALIGNMENTS[column.align] for column in doc.columns]
    style = document.styles[TABLE_STYLE]

    def add_row(*properties: str) -> list[_Cell]:
        # Table.add_row gives each new cell the width of its grid column. The cells are
        # wrapped directly: Row.cells walks the whole table each time.
        row = table.add_row()
        set_row_properties(row._tr, "cantSplit", *properties)
        return [_Cell(tc, table) for tc in row._tr.tc_lst]

    def fill(cell: _Cell, text: str, align, *, bold=False, keep_with_next=False) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for line in text.splitlines() or [""]:
            paragraph = add_line(cell, line, align=align, style=style, size=TABLE_SIZE, bold=bold)
            paragraph.paragraph_format.keep_together = True
            # A row whose paragraphs all keep with the next stays on the next row's page.
            paragraph.paragraph_format.keep_with_next = keep_with_next or None

    # The heading row is repeated at the top of each page (w:tblHeader).
    for cell, column in zip(add_row("tblHeader"), doc.columns, strict=True):
        fill(cell, column.title, CENTRE, bold=True)
        _shade(cell)

    headings: dict[int, list[str]] = {}
    for index, heading in doc.groups:
        headings.setdefault(index, []).append(heading)

    def add_group(heading: str) -> None:
        first, *rest = add_row()
        for cell in rest:
            cell._tc.getparent().remove(cell._tc)
        first._tc.grid_span = count
        first.width = total
        # A unit's heading never ends a page apart from its first row.
        fill(first, heading, LEFT, bold=True, keep_with_next=True)

    for index, row in enumerate(doc.rows):
        for heading in headings.get(index, []):
            add_group(heading)
        for cell, text, align in zip(add_row(), row, aligns, strict=True):
            fill(cell, str(text), align)
    for heading in headings.get(len(doc.rows), []):
        add_group(heading)

    if doc.totals is not None:
        for cell, text, align in zip(add_row(), doc.totals, aligns, strict=True):
            fill(cell, str(text), align, bold=True)

    # Some room between the table and what follows it.
    document.add_paragraph().paragraph_format.space_after = Pt(6)


def _new_table(document, columns: list[Column]) -> tuple[Table, Twips]:
    """The list's bordered, centred, fixed-width table, without rows; and its total width."""
    # In whole twips, as the file holds them, so that the total is the sum of the columns.
    widths = [Twips(Length(Mm(column.width_mm)).twips) for column in columns]
    total = Twips(sum(width.twips for width in widths))
    table = document.add_table(rows=0, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_table_width(table, total)
    set_table_borders(table, "single", BORDER)
    # Word and LibreOffice read the grid; Word also reads each cell's width, so both are set.
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width
    return table, total


def _shade(cell: _Cell) -> None:
    """The light grey of the heading row."""
    shd = OxmlElement("w:shd")
    for name, value in (("val", "clear"), ("color", "auto"), ("fill", HEADER_FILL)):
        shd.set(qn(f"w:{name}"), value)
    cell._tc.get_or_add_tcPr().insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )
