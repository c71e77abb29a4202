"""Render an `OfficialDocument` as a DOCX file in the official format.

The layout is that of mass organisations' documents (the Party's format, close to the state
format of Nghị định 30/2020), as in the seed plan 115-KH/HNDH: A4, Times New Roman, the issuer
and the national title side by side at the top, recipients and signature side by side at the
end, page numbers from page 2.
"""

import unicodedata
from datetime import UTC, datetime
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt

from thidua.documents.official import OfficialDocument

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
SMALL_SIZE = Pt(13)  # the issuer block and the national title
RECIPIENTS_SIZE = Pt(12)
TYPE_SIZE = Pt(16)
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH = Length(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
# The heading table reaches 10 mm into the left margin, as the usual templates do: at 13 pt bold
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" needs about 95 mm and "HỘI NÔNG DÂN TỈNH PHÚ YÊN" about
# 65 mm, more than the 165 mm of text width leaves them on one line each.
HEADING_INDENT = -Mm(10)
HEADING_WIDTHS = (Length(Mm(72)), Length(Mm(103)))
FOOTING_WIDTHS = (Length(int(TEXT_WIDTH * 0.45)), Length(TEXT_WIDTH - int(TEXT_WIDTH * 0.45)))
BODY_STYLE = "Body Text"

CENTRE = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


def render_docx(doc: OfficialDocument) -> bytes:
    """The document as the bytes of a .docx file."""
    document = Document()
    _set_up_page(document)
    _set_up_styles(document)
    _add_heading_block(document, doc)
    _add_title(document, doc)
    for text in [*doc.basis, *doc.preamble]:
        _add_body(document, text)
    _add_sections(document, doc)
    for text in doc.closing:
        _add_body(document, text)
    _add_signature_block(document, doc)
    _add_page_headers(document, doc.watermark)
    _set_properties(document, doc)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- page and styles ----------------------------------------------------------------


def _set_up_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = Mm(10)


def _use_font(rpr) -> None:
    """Times New Roman for every script: Word picks the eastAsia or cs font for some
    characters and LibreOffice reads other attributes than Word, so all four are set, and the
    theme fonts of python-docx's template (which would win over them) are removed."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)


def _set_up_styles(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    default_rpr = defaults.find(qn("w:rPr"))
    _use_font(default_rpr)
    # Vietnamese proofing instead of the template's English.
    default_rpr.find(qn("w:lang")).set(qn("w:val"), "vi-VN")

    normal = document.styles["Normal"]
    _use_font(normal.element.get_or_add_rPr())
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
    header.tab_stops.add_tab_stop(Length(TEXT_WIDTH // 2), WD_TAB_ALIGNMENT.CENTER)
    header.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)


# --- runs and paragraphs ------------------------------------------------------------


def _add_run(paragraph, text: str, *, size=BODY_SIZE, bold=False, italic=False, underline=False):
    run = paragraph.add_run(unicodedata.normalize("NFC", text))
    _use_font(run._r.get_or_add_rPr())
    run.font.size = size
    # None rather than False: say nothing where the style already says it.
    run.font.bold, run.font.italic = bold or None, italic or None
    run.font.underline = underline or None
    # Blanks left in a draft's number and date must survive as typed.
    for element in run._r.findall(qn("w:t")):
        element.set(qn("xml:space"), "preserve")
    return run


def _add_line(container, text: str, *, align=CENTRE, space_before=None, **font):
    """A one-line paragraph (centred by default) in the document, a table cell or a header."""
    paragraphs = container.paragraphs
    # A new cell or header holds one empty paragraph: fill it rather than leave a blank line.
    fresh = len(paragraphs) == 1 and not paragraphs[0].runs
    reuse = fresh and not isinstance(container, DocxDocument)
    paragraph = paragraphs[0] if reuse else container.add_paragraph()
    paragraph.alignment = align
    if space_before is not None:
        paragraph.paragraph_format.space_before = space_before
    if text:
        _add_run(paragraph, text, **font)
    return paragraph


def _add_body(document, text: str, *, bold=False) -> None:
    paragraph = document.add_paragraph(style=BODY_STYLE)
    _add_run(paragraph, text, bold=bold)
    # A heading never ends a page apart from its text.
    paragraph.paragraph_format.keep_with_next = bold


# --- tables -------------------------------------------------------------------------


def _two_columns(document, widths: tuple[Length, Length], indent: int = 0):
    """The two cells of a one-row, borderless, fixed-width table; a negative indent moves it
    into the left margin."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    _set_twips(tbl_pr.find(qn("w:tblW")), sum(widths))
    later = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
    if indent:
        tbl_pr.insert_element_before(_set_twips(OxmlElement("w:tblInd"), indent), *later)
    tbl_pr.insert_element_before(_no_borders(), *later[1:])
    cells = table.rows[0].cells
    for column, cell, width in zip(table.columns, cells, widths, strict=True):
        column.width = cell.width = width
    return cells


def _set_twips(element, length: int):
    element.set(qn("w:type"), "dxa")
    element.set(qn("w:w"), str(Length(length).twips))
    return element


def _no_borders():
    # Explicit "nil" edges: a viewer's default table style must not draw lines here.
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    return borders


def _keep_row_on_one_page(cell) -> None:
    # The signature must not be parted from the recipients and the authority above it.
    tr_pr = cell._tc.getparent().get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


# --- the parts of the document ------------------------------------------------------


def _add_heading_block(document, doc: OfficialDocument) -> None:
    issuer, nation = _two_columns(document, HEADING_WIDTHS, HEADING_INDENT)
    if doc.superior:
        _add_line(issuer, doc.superior, size=SMALL_SIZE)
    _add_line(issuer, doc.issuer, size=SMALL_SIZE, bold=True)
    _add_line(issuer, "*")
    _add_line(issuer, doc.number)
    _add_line(nation, doc.nation, size=SMALL_SIZE, bold=True)
    _add_line(nation, doc.motto, bold=True, underline=True)
    _add_line(nation, "")
    _add_line(nation, doc.date_line, italic=True)


def _add_title(document, doc: OfficialDocument) -> None:
    _add_line(document, doc.doc_type, size=TYPE_SIZE, bold=True, space_before=Pt(18))
    for line in doc.subject_lines:
        _add_line(document, line, bold=True)
    _add_line(document, "-----", space_before=Pt(0)).paragraph_format.space_after = Pt(12)


def _add_sections(document, doc: OfficialDocument) -> None:
    for section in doc.sections:
        _add_body(document, section.heading, bold=True)
        for text in section.paragraphs:
            _add_body(document, text)
        for point in section.points:
            if point.title:
                _add_body(document, point.title, bold=True)
            for text in point.paragraphs:
                _add_body(document, text)


def _add_signature_block(document, doc: OfficialDocument) -> None:
    recipients, signature = _two_columns(document, FOOTING_WIDTHS)
    _keep_row_on_one_page(recipients)
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
    # Room for the handwritten signature and the stamp, unless this is a copy of a signed one.
    for _ in range(2 if sign.note else 4):
        _add_line(signature, "")
    _add_line(signature, sign.signer, bold=True)


def _add_page_headers(document, watermark: str) -> None:
    """Page numbers from page 2 (the first page has its own header, without one); a watermark
    such as "DỰ THẢO" at the top right of every page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True

    first = section.first_page_header
    first.is_linked_to_previous = False
    if watermark:
        _add_watermark(_add_line(first, "", align=RIGHT), watermark)

    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    _add_run(paragraph, "\t")
    _add_page_field(paragraph)
    if watermark:
        _add_run(paragraph, "\t")
        _add_watermark(paragraph, watermark)


def _add_watermark(paragraph, text: str) -> None:
    run = _add_run(paragraph, f" {text} ", size=RECIPIENTS_SIZE, bold=True)
    border = OxmlElement("w:bdr")  # a box around it, as drafts are stamped
    for name, value in (("val", "single"), ("sz", "8"), ("space", "0"), ("color", "auto")):
        border.set(qn(f"w:{name}"), value)
    run._r.rPr.insert_element_before(
        border, "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang"
    )


def _add_page_field(paragraph) -> None:
    """A PAGE field, as Word writes it: begin, instruction, separate, a shown value, end."""
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


def _set_properties(document, doc: OfficialDocument) -> None:
    properties = document.core_properties
    properties.title = doc.title
    properties.subject = doc.number
    properties.author = properties.last_modified_by = doc.issuer
    properties.language = "vi-VN"
    properties.keywords = properties.comments = ""
    # python-docx's template carries its own 2013 dates.
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    properties.revision = 1
