"""The building blocks of official documents in Word (DOCX): the page, the styles, runs and
lines of text in Times New Roman, and the borderless layout tables the blocks of a document are
set in. The frame every official document shares (its heading, title, signature and page
headers) is built from them in `thidua.documents.frame`.

Every renderer follows the same conventions: mass organisations' documents (the Party's format,
close to the state format of Nghị định 30/2020), as in the seed plan 115-KH/HNDH. What differs
between them is the page, passed in as a `Page` (`PORTRAIT`, or `LANDSCAPE` for wide tables).
"""

import unicodedata
from dataclasses import dataclass
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, Twips

from thidua.core.text import CONTROL
from thidua.documents.official import ISSUER_SIZE

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
SMALL_SIZE = ISSUER_SIZE  # the issuer block and the national title
RECIPIENTS_SIZE = Pt(12)
TYPE_SIZE = Pt(16)
BODY_STYLE = "Body Text"

CENTRE = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT

# Word's default left and right margin inside a table cell (0.19 cm), which the text of a
# layout table's cell does not use.
CELL_MARGIN = Twips(108)

# The children of w:tblPr that must follow w:tblInd, in the schema's order: an element added
# out of order makes Word call the file corrupt. w:tblBorders comes first of them.
_AFTER_TBL_IND = (
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)


# --- the page -------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A page's size and margins, and the widths of the two-column blocks that fit on it."""

    width: Length
    height: Length
    top: Length
    bottom: Length
    left: Length
    right: Length
    heading_widths: tuple[Length, Length]  # issuer | national title
    heading_indent: int  # negative: the heading reaches into the left margin
    footing_widths: tuple[Length, Length]  # recipients | signature

    @property
    def text_width(self) -> Length:
        """The width between the margins."""
        return Length(self.width - self.left - self.right)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def _split(total: int, share: float) -> tuple[Length, Length]:
    first = int(total * share)
    return Length(first), Length(total - first)


# A4 with 30 mm on the binding side. The heading table reaches 10 mm into the left margin, as
# the usual templates do: at 13 pt bold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" needs about 95 mm
# and "HỘI NÔNG DÂN TỈNH PHÚ YÊN" about 65 mm, more than the 165 mm of text width leaves them on
# one line each. The signature takes the right 55 % of the text width.
PORTRAIT = Page(
    width=Mm(210),
    height=Mm(297),
    top=Mm(20),
    bottom=Mm(20),
    left=Mm(30),
    right=Mm(15),
    heading_widths=(Length(Mm(72)), Length(Mm(103))),
    heading_indent=-Mm(10),
    footing_widths=_split(Mm(210) - Mm(30) - Mm(15), 0.45),
)

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


def new_document(page: Page) -> DocxDocument:
    """An empty document with the page set up and the base styles in Times New Roman."""
    document = Document()
    set_up_page(document, page)
    set_up_styles(document, page.text_width)
    return document


def to_bytes(document: DocxDocument) -> bytes:
    """The document as the bytes of a .docx file."""
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_up_page(document: DocxDocument, page: Page) -> None:
    """Size, orientation and margins of the (only) section; headers 10 mm from the edge."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = page.width, page.height
    section.top_margin, section.bottom_margin = page.top, page.bottom
    section.left_margin, section.right_margin = page.left, page.right
    section.header_distance = section.footer_distance = Mm(10)


# --- styles and runs ------------------------------------------------------------------


def use_font(rpr) -> None:
    """Times New Roman for every script in a w:rPr: Word picks the eastAsia or cs font for some
    characters and LibreOffice reads other attributes than Word, so all four are set, and the
    theme fonts of python-docx's template (which would win over them) are removed."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)


def set_up_styles(document: DocxDocument, text_width: Length) -> None:
    """The document defaults, "Normal" (14 pt, tight), `BODY_STYLE` (justified, indented) and
    "Header" (tab stops at the centre and the right edge of the text width)."""
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    default_rpr = defaults.find(qn("w:rPr"))
    use_font(default_rpr)
    # Vietnamese proofing instead of the template's English.
    default_rpr.find(qn("w:lang")).set(qn("w:val"), "vi-VN")

    normal = document.styles["Normal"]
    use_font(normal.element.get_or_add_rPr())
    normal.font.size = BODY_SIZE
    # The template's default spacing (10 pt after, 1.15 lines) would loosen the header blocks.
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0

    body = document.styles[BODY_STYLE].paragraph_format
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.first_line_indent = Cm(1)
    body.space_before, body.space_after, body.line_spacing = Pt(0), Pt(6), 1.1

    header = document.styles["Header"].paragraph_format
    header.tab_stops.clear_all()
    header.tab_stops.add_tab_stop(Length(text_width // 2), WD_TAB_ALIGNMENT.CENTER)
    header.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)


def add_run(paragraph, text: str, *, size=BODY_SIZE, bold=False, italic=False, underline=False):
    """A run of NFC text in Times New Roman; blanks are kept as typed."""
    run = paragraph.add_run(CONTROL.sub("", unicodedata.normalize("NFC", text)))
    use_font(run._r.get_or_add_rPr())
    run.font.size = size
    # None rather than False: say nothing where the style already says it.
    run.font.bold, run.font.italic = bold or None, italic or None
    run.font.underline = underline or None
    # Blanks left in a draft's number and date must survive as typed.
    for element in run._r.findall(qn("w:t")):
        element.set(qn("xml:space"), "preserve")
    return run


def add_line(container, text: str, *, align=CENTRE, space_before=None, style=None, **font):
    """A one-line paragraph (centred by default) in the document, a table cell or a header;
    `font` goes to `add_run`. An empty text gives an empty line."""
    paragraphs = container.paragraphs
    # A new cell or header holds one empty paragraph: fill it rather than leave a blank line.
    fresh = len(paragraphs) == 1 and not paragraphs[0].runs
    reuse = fresh and not isinstance(container, DocxDocument)
    paragraph = paragraphs[0] if reuse else container.add_paragraph()
    if style is not None:
        paragraph.style = style
    paragraph.alignment = align
    if space_before is not None:
        paragraph.paragraph_format.space_before = space_before
    if text:
        add_run(paragraph, text, **font)
    return paragraph


def add_lines(container, lines: list[str], **font):
    """One centred paragraph of several lines, each ended by a line break (w:br): a name that
    is broken where it should be, not where the column happens to end."""
    paragraph = add_line(container, lines[0] if lines else "", **font)
    for line in lines[1:]:
        paragraph.runs[-1].add_break()
        add_run(paragraph, line, **font)
    return paragraph


def add_body(document: DocxDocument, text: str, *, bold=False):
    """A paragraph of running text in `BODY_STYLE`."""
    paragraph = document.add_paragraph(style=BODY_STYLE)
    add_run(paragraph, text, bold=bold)
    return paragraph


# --- tables ---------------------------------------------------------------------------


def set_twips(element, length: int):
    """Give a width element (w:tblW, w:tblInd) a length in twips."""
    element.set(qn("w:type"), "dxa")
    element.set(qn("w:w"), str(Length(length).twips))
    return element


def fix_table_width(table, width: int) -> None:
    """A fixed layout (the widths are kept, not recomputed) of the given total width."""
    table.autofit = False
    set_twips(table._tbl.tblPr.find(qn("w:tblW")), width)


def set_table_borders(table, value: str = "nil", size: str = "4") -> None:
    """Explicit borders on every edge: "nil" for a layout table (a viewer's default table
    style must not draw lines there), or a black line such as "single", `size` eighths of a
    point wide."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), value)
        if value != "nil":
            for name, setting in (("sz", size), ("space", "0"), ("color", "000000")):
                line.set(qn(f"w:{name}"), setting)
        borders.append(line)
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_TBL_IND[1:])


def set_row_properties(tr, *names: str) -> None:
    """Switch on row properties such as "cantSplit" or "tblHeader" (once each)."""
    tr_pr = tr.get_or_add_trPr()
    for name in names:
        if tr_pr.find(qn(f"w:{name}")) is None:
            tr_pr.append(OxmlElement(f"w:{name}"))


def two_columns(document: DocxDocument, widths: tuple[Length, Length], indent: int = 0):
    """The two cells of a one-row, borderless, fixed-width table; a negative indent moves it
    into the left margin."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    fix_table_width(table, sum(widths))
    if indent:
        indentation = set_twips(OxmlElement("w:tblInd"), indent)
        table._tbl.tblPr.insert_element_before(indentation, *_AFTER_TBL_IND)
    set_table_borders(table, "nil")
    cells = table.rows[0].cells
    for column, cell, width in zip(table.columns, cells, widths, strict=True):
        column.width = cell.width = width
    return cells
