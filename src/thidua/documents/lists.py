"""An official list ("DANH SÁCH") as plain data, and its DOCX rendering.

A list is the document the seed plan 115-KH/HNDH asks each commune for: "danh sách đăng ký
xây dựng mô hình, sáng kiến, ý tưởng mới". It has the heading of any official document (issuer
and national title side by side, number, place and date), a title, then a bordered table, and
ends with the recipients and the signature as the plan does.

The page, font and signature conventions are those of `thidua.documents.docx`; the few helpers
of that module this one needs are private there, so their small pieces are copied here (and
adapted to a landscape page, whose text width differs) rather than imported.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date  # noqa: N812 (the field below is called `date`)
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, Twips
from docx.table import _Cell

from thidua.documents.dates import place_and_date
from thidua.documents.docx import (
    BODY_SIZE,
    BODY_STYLE,
    CENTRE,
    FONT,
    LEFT,
    RECIPIENTS_SIZE,
    SMALL_SIZE,
    TYPE_SIZE,
)
from thidua.documents.official import MOTTO, NATION, RECIPIENTS_LABEL, Signature

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
class OfficialList:
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
        if self.date is None and self.year is None:
            raise ValueError("an undated (draft) document needs its year")
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

    @property
    def date_line(self) -> str:
        return place_and_date(self.place, self.date, self.year)

    @property
    def title(self) -> str:
        return " ".join([self.doc_type, *self.subject_lines])

    @property
    def recipient_lines(self) -> list[str]:
        return [f"- {recipient.strip().removeprefix('-').strip()}" for recipient in self.recipients]

    @property
    def nation(self) -> str:
        return NATION

    @property
    def motto(self) -> str:
        return MOTTO

    @property
    def recipients_label(self) -> str:
        return RECIPIENTS_LABEL


# --- the page -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    width: Length
    height: Length
    top: Length
    bottom: Length
    left: Length
    right: Length
    heading_widths: tuple[Length, Length]
    heading_indent: int
    footing_widths: tuple[Length, Length]

    @property
    def text_width(self) -> Length:
        return Length(self.width - self.left - self.right)


def _portrait() -> _Page:
    # The plan's page (see thidua.documents.docx): 30 mm on the binding side.
    text = Mm(210) - Mm(30) - Mm(15)
    return _Page(
        width=Mm(210),
        height=Mm(297),
        top=Mm(20),
        bottom=Mm(20),
        left=Mm(30),
        right=Mm(15),
        heading_widths=(Length(Mm(72)), Length(Mm(103))),
        heading_indent=-Mm(10),
        footing_widths=(Length(int(text * 0.45)), Length(text - int(text * 0.45))),
    )


def _landscape() -> _Page:
    # A landscape page still binds on its left edge, but a list is rarely bound in a thick
    # file, and its wide table needs the room: 25 mm left (the plan's 30 less 5), 15 mm right,
    # 20 mm top and bottom, as the usual landscape templates have.
    text = Mm(297) - Mm(25) - Mm(15)  # 257 mm
    # The heading over the left and right parts of the page, without reaching into the margin
    # (there is room enough); the signature over the right 110 mm, as in portrait.
    return _Page(
        width=Mm(297),
        height=Mm(210),
        top=Mm(20),
        bottom=Mm(20),
        left=Mm(25),
        right=Mm(15),
        heading_widths=(Length(Mm(100)), Length(text - Mm(100))),
        heading_indent=0,
        footing_widths=(Length(text - Mm(110)), Length(Mm(110))),
    )


def render_list_docx(doc: OfficialList) -> bytes:
    """The list as the bytes of a .docx file."""
    page = _landscape() if doc.landscape else _portrait()
    document = Document()
    _set_up_page(document, page, landscape=doc.landscape)
    _set_up_styles(document, page)
    _add_heading_block(document, doc, page)
    _add_title(document, doc)
    for text in doc.intro:
        _add_body(document, text)
    _add_table(document, doc)
    for text in doc.closing:
        _add_body(document, text)
    _add_signature_block(document, doc, page)
    _add_page_numbers(document)
    _set_properties(document, doc)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_up_page(document, page: _Page, *, landscape: bool) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = page.width, page.height
    section.top_margin, section.bottom_margin = page.top, page.bottom
    section.left_margin, section.right_margin = page.left, page.right
    section.header_distance = section.footer_distance = Mm(10)


# --- copied from thidua.documents.docx (private there) ---------------------------------


def _use_font(rpr) -> None:
    """Times New Roman for every script, and none of the template's theme fonts."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)


def _set_up_styles(document, page: _Page) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    default_rpr = defaults.find(qn("w:rPr"))
    _use_font(default_rpr)
    default_rpr.find(qn("w:lang")).set(qn("w:val"), "vi-VN")

    normal = document.styles["Normal"]
    _use_font(normal.element.get_or_add_rPr())
    normal.font.size = BODY_SIZE
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0

    body = document.styles[BODY_STYLE].paragraph_format
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.first_line_indent = Cm(1)
    body.space_before, body.space_after, body.line_spacing = Pt(0), Pt(6), 1.1

    # The table's own paragraphs: 12 pt, a little air above and below each line.
    table_text = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = TABLE_SIZE
    cell = table_text.paragraph_format
    cell.space_before, cell.space_after, cell.line_spacing = Pt(2), Pt(2), 1.0
    # …but not between the lines of one cell ("\n" in its text makes separate paragraphs),
    # which then look like one wrapped text.
    table_text.element.get_or_add_pPr().insert_element_before(
        OxmlElement("w:contextualSpacing"), "w:mirrorIndents", "w:jc", "w:rPr"
    )

    header = document.styles["Header"].paragraph_format
    header.tab_stops.clear_all()
    header.tab_stops.add_tab_stop(Length(page.text_width // 2), WD_TAB_ALIGNMENT.CENTER)
    header.tab_stops.add_tab_stop(page.text_width, WD_TAB_ALIGNMENT.RIGHT)


def _add_run(paragraph, text: str, *, size=BODY_SIZE, bold=False, italic=False, underline=False):
    run = paragraph.add_run(unicodedata.normalize("NFC", text))
    _use_font(run._r.get_or_add_rPr())
    run.font.size = size
    run.font.bold, run.font.italic = bold or None, italic or None
    run.font.underline = underline or None
    for element in run._r.findall(qn("w:t")):
        element.set(qn("xml:space"), "preserve")
    return run


def _add_line(container, text: str, *, align=CENTRE, space_before=None, style=None, **font):
    """A one-line paragraph (centred by default) in the document, a table cell or a header."""
    paragraphs = container.paragraphs
    fresh = len(paragraphs) == 1 and not paragraphs[0].runs
    reuse = fresh and not isinstance(container, DocxDocument)
    paragraph = paragraphs[0] if reuse else container.add_paragraph()
    if style is not None:
        paragraph.style = style
    paragraph.alignment = align
    if space_before is not None:
        paragraph.paragraph_format.space_before = space_before
    if text:
        _add_run(paragraph, text, **font)
    return paragraph


def _add_body(document, text: str) -> None:
    paragraph = document.add_paragraph(style=BODY_STYLE)
    _add_run(paragraph, text)


def _set_twips(element, length: int):
    element.set(qn("w:type"), "dxa")
    element.set(qn("w:w"), str(Length(length).twips))
    return element


def _borders(value: str):
    """Explicit table borders: "nil" for a layout table (a viewer's default table style must
    not draw lines there), "single" for the list's own table."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), value)
        if value != "nil":
            for name, setting in (("sz", BORDER), ("space", "0"), ("color", "000000")):
                line.set(qn(f"w:{name}"), setting)
        borders.append(line)
    return borders


_TBLPR_AFTER_IND = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")


def _two_columns(document, widths: tuple[Length, Length], indent: int = 0):
    """The two cells of a one-row, borderless, fixed-width table; a negative indent moves it
    into the left margin."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    _set_twips(tbl_pr.find(qn("w:tblW")), sum(widths))
    if indent:
        tbl_pr.insert_element_before(_set_twips(OxmlElement("w:tblInd"), indent), *_TBLPR_AFTER_IND)
    tbl_pr.insert_element_before(_borders("nil"), *_TBLPR_AFTER_IND[1:])
    cells = table.rows[0].cells
    for column, cell, width in zip(table.columns, cells, widths, strict=True):
        column.width = cell.width = width
    return cells


def _row_properties(tr, *names: str) -> None:
    tr_pr = tr.get_or_add_trPr()
    for name in names:
        if tr_pr.find(qn(f"w:{name}")) is None:
            tr_pr.append(OxmlElement(f"w:{name}"))


# --- the parts of the document ---------------------------------------------------------


def _add_heading_block(document, doc: OfficialList, page: _Page) -> None:
    issuer, nation = _two_columns(document, page.heading_widths, page.heading_indent)
    if doc.superior:
        _add_line(issuer, doc.superior, size=SMALL_SIZE)
    _add_line(issuer, doc.issuer, size=SMALL_SIZE, bold=True)
    _add_line(issuer, "*")
    if doc.number:
        _add_line(issuer, doc.number)
    _add_line(nation, doc.nation, size=SMALL_SIZE, bold=True)
    _add_line(nation, doc.motto, bold=True, underline=True)
    _add_line(nation, "")
    _add_line(nation, doc.date_line, italic=True)


def _add_title(document, doc: OfficialList) -> None:
    _add_line(document, doc.doc_type, size=TYPE_SIZE, bold=True, space_before=Pt(12))
    for line in doc.subject_lines:
        _add_line(document, line, bold=True)
    _add_line(document, "-----", space_before=Pt(0)).paragraph_format.space_after = Pt(12)


def _add_table(document, doc: OfficialList) -> None:
    count = len(doc.columns)
    # In whole twips, as the file holds them, so that the total is the sum of the columns.
    widths = [Twips(Length(Mm(column.width_mm)).twips) for column in doc.columns]
    total = Twips(sum(width.twips for width in widths))
    aligns = [ALIGNMENTS[column.align] for column in doc.columns]
    style = document.styles[TABLE_STYLE]

    table = document.add_table(rows=0, cols=count)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout fixed: the widths below are kept, not recomputed
    tbl_pr = table._tbl.tblPr
    _set_twips(tbl_pr.find(qn("w:tblW")), total)
    tbl_pr.insert_element_before(_borders("single"), *_TBLPR_AFTER_IND[1:])
    # Word and LibreOffice read the grid; Word also reads each cell's width, so both are set.
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width

    def add_row(*properties: str) -> list[_Cell]:
        # Table.add_row gives each new cell the width of its grid column. The cells are
        # wrapped directly: Row.cells walks the whole table each time.
        row = table.add_row()
        _row_properties(row._tr, "cantSplit", *properties)
        return [_Cell(tc, table) for tc in row._tr.tc_lst]

    def fill(cell: _Cell, text: str, align, *, bold=False, keep_with_next=False) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for line in text.splitlines() or [""]:
            paragraph = _add_line(cell, line, align=align, style=style, size=TABLE_SIZE, bold=bold)
            paragraph.paragraph_format.keep_together = True
            # A row whose paragraphs all keep with the next stays on the next row's page.
            paragraph.paragraph_format.keep_with_next = keep_with_next or None

    def shade(cell: _Cell) -> None:
        shd = OxmlElement("w:shd")
        for name, value in (("val", "clear"), ("color", "auto"), ("fill", HEADER_FILL)):
            shd.set(qn(f"w:{name}"), value)
        cell._tc.get_or_add_tcPr().insert_element_before(
            shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
        )

    # The heading row is repeated at the top of each page (w:tblHeader).
    for cell, column in zip(add_row("tblHeader"), doc.columns, strict=True):
        fill(cell, column.title, CENTRE, bold=True)
        shade(cell)

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


def _add_signature_block(document, doc: OfficialList, page: _Page) -> None:
    recipients, signature = _two_columns(document, page.footing_widths)
    _row_properties(recipients._tc.getparent(), "cantSplit")
    _add_line(
        recipients,
        doc.recipients_label,
        align=LEFT,
        space_before=Pt(6),
        size=RECIPIENTS_SIZE,
        bold=True,
        italic=True,
        underline=True,
    )
    for line in doc.recipient_lines:
        _add_line(recipients, line, align=LEFT, size=RECIPIENTS_SIZE)

    sign = doc.signature
    _add_line(signature, sign.authority, bold=True, space_before=Pt(6))
    _add_line(signature, sign.title, bold=True)
    if sign.note:
        _add_line(signature, sign.note, italic=True)
    for _ in range(2 if sign.note else 4):
        _add_line(signature, "")
    _add_line(signature, sign.signer, bold=True)


def _add_page_numbers(document) -> None:
    """Page numbers from page 2, centred at the top; the first page's header is empty."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    _add_run(paragraph, "\t")
    parts = (("fldChar", "begin"), ("instrText", " PAGE "), ("fldChar", "separate"))
    for tag, value in parts:
        run = _add_run(paragraph, "")
        element = OxmlElement(f"w:{tag}")
        if tag == "fldChar":
            element.set(qn("w:fldCharType"), value)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = value
        run._r.append(element)
    _add_run(paragraph, "2")  # shown until the viewer updates the field
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    _add_run(paragraph, "")._r.append(end)


def _set_properties(document, doc: OfficialList) -> None:
    properties = document.core_properties
    properties.title = unicodedata.normalize("NFC", doc.title)
    properties.subject = doc.number.strip()
    properties.author = properties.last_modified_by = doc.issuer
    properties.language = "vi-VN"
    properties.keywords = properties.comments = ""
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    properties.revision = 1
