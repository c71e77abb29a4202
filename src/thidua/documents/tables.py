"""The bordered tables of official documents: a list's table, the council's score table and
the decision's annex.

A table is described by its `Column`s (heading, width, alignment) and rows of texts. It is
drawn bordered, centred and of fixed width, in the paragraph style `TABLE_STYLE`; its heading
row is bold, shaded and repeated at the top of every page, and no row splits across pages.
`add_table` draws such a table in one go; a renderer with rows of its own (a list's group
headings and totals) builds on `new_table` and `Rows`, which writes the rows' XML itself (for
speed: see its docstring).
"""

import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Length, Mm, Pt, Twips
from docx.table import Table

from thidua.core.text import CONTROL
from thidua.documents.word import FONT, fix_table_width, set_table_borders

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


CHUNK = 200  # rows parsed at a time: a large list's XML text is never held whole


class Rows:
    """The rows of a table, written as the file's XML text and added to the table in chunks.

    Building a row the python-docx way (a row, its cells, a paragraph and a run in each, each
    property set through its proxy) cost about 6 ms for a list's row, most of it python-docx
    looking the paragraph style up again for every line: 40 s for a district's list of 5,000
    registrations (bench/bench_docx.py). The XML of a row is the same every time but for its
    texts, so it is written as text and parsed `CHUNK` rows at a time (`add`): the document is
    the same, element for element, as the proxies built it (tests/documents/test_tables.py
    holds them side by side over generated texts).

    No row splits across pages; every cell is vertically centred and holds one paragraph in
    `style` for each line of its text (leading empty lines dropped), kept whole. Call `add`
    after the last row.
    """

    def __init__(self, table: Table, columns: list[Column], *, style, size: Length | None):
        self._table = table
        self._columns = columns
        self._widths = [gridCol.w.twips for gridCol in table._tbl.tblGrid.gridCol_lst]
        self._style_id = _attribute(style.style_id)
        self._size = None if size is None else str(int(Length(size).pt * 2))
        self._xml: list[str] = []

    def heading(self) -> None:
        """The columns' headings, bold, centred and shaded, repeated at the top of each page
        (w:tblHeader)."""
        cells = [
            self._cell(width, column.title, "center", bold=True, shaded=True)
            for width, column in zip(self._widths, self._columns, strict=True)
        ]
        self._xml.append(_row(cells, header=True))

    def text(self, texts: list, *, bold: bool = False) -> None:
        """A row of texts, each aligned as its column says."""
        cells = [
            self._cell(width, text, _JC[column.align], bold=bold)
            for width, text, column in zip(self._widths, texts, self._columns, strict=True)
        ]
        self._xml.append(_row(cells))
        if len(self._xml) >= CHUNK:
            self.add()

    def across(self, text: str) -> None:
        """One bold cell across the whole table, left-aligned, kept on the page of the row
        that follows (a unit's heading never ends a page apart from its first row)."""
        cell = self._cell(
            sum(self._widths), text, "left", bold=True, keep_with_next=True,
            span=len(self._widths),
        )  # fmt: skip
        self._xml.append(_row([cell]))

    def add(self) -> None:
        """Add the rows written so far to the end of the table."""
        if self._xml:
            rows = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(self._xml)}</w:tbl>")
            self._table._tbl.extend(list(rows))
            self._xml = []

    def _cell(self, width, text, jc, *, bold=False, shaded=False, keep_with_next=False, span=0):
        lines = str(text).splitlines() or [""]
        # A new cell's empty paragraph takes the lines until one has a run: a text's leading
        # empty lines add nothing, as when the cell was filled line by line.
        while len(lines) > 1 and not lines[0]:
            del lines[0]
        keep = "<w:keepNext/>" if keep_with_next else ""
        p_pr = (
            f'<w:pPr><w:pStyle w:val="{self._style_id}"/>{keep}<w:keepLines/>'
            f'<w:jc w:val="{jc}"/></w:pPr>'
        )
        r_pr = f"<w:rPr>{_FONTS}{'<w:b/>' if bold else ''}{self._sized}</w:rPr>"
        paragraphs = "".join(
            f"<w:p>{p_pr}<w:r>{r_pr}{_run_text(line)}</w:r></w:p>" if line else f"<w:p>{p_pr}</w:p>"
            for line in lines
        )
        spans = f'<w:gridSpan w:val="{span}"/>' if span else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{spans}'
            f'{_SHADING if shaded else ""}<w:vAlign w:val="center"/></w:tcPr>{paragraphs}</w:tc>'
        )

    @property
    def _sized(self) -> str:
        return "" if self._size is None else f'<w:sz w:val="{self._size}"/>'


# The paragraphs' alignment in the file (w:jc), by a column's `align`.
_JC = {name: WD_ALIGN_PARAGRAPH.to_xml(value) for name, value in ALIGNMENTS.items()}
_FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
_SHADING = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'


def _attribute(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _row(cells: list[str], *, header: bool = False) -> str:
    properties = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
    return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cells)}</w:tr>"


def _run_text(line: str) -> str:
    """A line's text as a run's content, as `word.add_run` writes it: NFC without control
    characters, blanks kept, each tab a w:tab."""
    pieces = CONTROL.sub("", unicodedata.normalize("NFC", line)).split("\t")
    return "<w:tab/>".join(
        f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else "" for piece in pieces
    )


def add_heading_row(table: Table, columns: list[Column], *, style, size) -> None:
    """The columns' headings, bold, centred and shaded, repeated at the top of each page."""
    rows = Rows(table, columns, style=style, size=size)
    rows.heading()
    rows.add()


def add_text_row(table: Table, texts: list, columns: list[Column], *, style, size, bold=False):
    """A row of texts, each aligned as its column says."""
    rows = Rows(table, columns, style=style, size=size)
    rows.text(texts, bold=bold)
    rows.add()


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
    written = Rows(table, columns, style=document.styles[TABLE_STYLE], size=size)
    written.heading()
    for row in rows:
        written.text(row)
    written.add()
    add_space_after(document)
    return table
