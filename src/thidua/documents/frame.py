"""The frame every official document shares, in Word (DOCX): the issuer and the national
title side by side at the top, the document's type and subject, the recipients and the signature
side by side at the end, page numbers from page 2 and the mark of a draft, and the file's
properties. `render_official` sets a document's own content in that frame.
"""

import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.text.paragraph import Paragraph

from thidua.documents.official import OfficialFrame, Signature, balanced_lines
from thidua.documents.word import (
    CELL_MARGIN,
    LEFT,
    RECIPIENTS_SIZE,
    RIGHT,
    SMALL_SIZE,
    TYPE_SIZE,
    Page,
    add_line,
    add_lines,
    add_run,
    new_document,
    set_row_properties,
    to_bytes,
    two_columns,
)

TITLE_SPACE = Pt(18)  # above the document's type, under the heading block


def render_official(
    doc: OfficialFrame,
    page: Page,
    add_content: Callable[[DocxDocument], None],
    *,
    title_space: Length = TITLE_SPACE,
    add_annex: Callable[[DocxDocument], None] | None = None,
) -> bytes:
    """The document as the bytes of a .docx file: ``add_content(document)`` between the title
    (``title_space`` above it) and the signature, in the frame; ``add_annex(document)``, if
    given, after the page headers are set (an annex in a section of its own)."""
    document = new_document(page)
    add_heading_block(document, doc, page.heading_widths, page.heading_indent)
    add_title(document, doc, space_before=title_space)
    add_content(document)
    add_signature_block(document, doc, page.footing_widths)
    add_page_headers(document, doc.mark)
    if add_annex is not None:
        add_annex(document)
    set_core_properties(document, doc)
    return to_bytes(document)


def add_heading_block(
    document: DocxDocument, doc: OfficialFrame, widths: tuple[Length, Length], indent: int = 0
) -> None:
    """The issuer, "*" and the number (if any) on the left; the national title, the motto and
    the italic place-and-date line on the right."""
    issuer, nation = two_columns(document, widths, indent)
    # A little less than the cell holds: a line thought to fit just must not wrap in Word.
    room = Length(int((widths[0] - 2 * CELL_MARGIN) * 0.98))
    if doc.superior:
        add_lines(issuer, balanced_lines(doc.superior, room, size=SMALL_SIZE), size=SMALL_SIZE)
    issuer_lines = balanced_lines(doc.issuer, room, size=SMALL_SIZE, bold=True)
    add_lines(issuer, issuer_lines, size=SMALL_SIZE, bold=True)
    add_line(issuer, "*")
    if doc.number:
        add_line(issuer, doc.number)
    add_line(nation, doc.nation, size=SMALL_SIZE, bold=True)
    add_line(nation, doc.motto, bold=True, underline=True)
    add_line(nation, "")
    add_line(nation, doc.date_line, italic=True)


def add_title(document: DocxDocument, doc: OfficialFrame, *, space_before: Length) -> None:
    """The document type, its subject lines (bold, centred) and the short rule below them."""
    add_line(document, doc.doc_type, size=TYPE_SIZE, bold=True, space_before=space_before)
    for line in doc.subject_lines:
        add_line(document, line, bold=True)
    add_line(document, "-----", space_before=Pt(0)).paragraph_format.space_after = Pt(12)


def add_signature_block(
    document: DocxDocument, doc: OfficialFrame, widths: tuple[Length, Length]
) -> None:
    """The recipients under "Nơi nhận:" on the left; the authority, the signer's title, room to
    sign (or the note of a signed copy) and the signer's name on the right. The block never
    starts a page alone: what comes last before it moves with it."""
    keep_with_what_follows(document)
    recipients, signature = two_columns(document, widths)
    # The signature must not be parted from the recipients and the authority above it.
    set_row_properties(recipients._tc.getparent(), "cantSplit")
    label = {"size": RECIPIENTS_SIZE, "bold": True, "italic": True, "underline": True}
    add_line(recipients, doc.recipients_label, align=LEFT, space_before=Pt(6), **label)
    for line in doc.recipient_lines:
        add_line(recipients, line, align=LEFT, size=RECIPIENTS_SIZE)
    add_signer(signature, doc.signature, space_before=Pt(6))


def add_signer(cell, sign: Signature, *, space_before=None, room=4, room_on_copy=2) -> None:
    """The authority and the signer's title (bold), the note of a copy of a signed document
    (italic), room for the handwritten signature and the stamp (``room`` empty lines, or
    ``room_on_copy`` under the note), and the signer's name (bold)."""
    add_line(cell, sign.authority, bold=True, space_before=space_before)
    add_line(cell, sign.title, bold=True)
    if sign.note:
        add_line(cell, sign.note, italic=True)
    for _ in range(room_on_copy if sign.note else room):
        add_line(cell, "")
    add_line(cell, sign.signer, bold=True)


def keep_with_what_follows(document: DocxDocument) -> None:
    """Keep the end of the body with whatever is added next (the signature block): the last
    paragraph is kept whole and with the next (w:keepLines, w:keepNext); an empty paragraph
    (the room left after a table) passes the duty on to what is above it; a table keeps its
    last row with the next (every paragraph of the row keeps with the next)."""
    for element in reversed(document.element.body):
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document._body)
            fmt = paragraph.paragraph_format
            fmt.keep_with_next = True
            if paragraph.text.strip():
                fmt.keep_together = True
                return
        elif element.tag == qn("w:tbl"):
            last_row = element.tr_lst[-1] if element.tr_lst else None
            for p in last_row.iter(qn("w:p")) if last_row is not None else ():
                Paragraph(p, document._body).paragraph_format.keep_with_next = True
            return


def add_page_headers(document: DocxDocument, watermark: str = "") -> None:
    """Page numbers from page 2, centred at the top (the first page has its own header,
    without one); a watermark such as "DỰ THẢO" at the top right of every page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True

    first = section.first_page_header
    first.is_linked_to_previous = False
    if watermark:
        _add_watermark(add_line(first, "", align=RIGHT), watermark)

    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    add_run(paragraph, "\t")
    add_page_field(paragraph)
    if watermark:
        add_run(paragraph, "\t")
        _add_watermark(paragraph, watermark)


def _add_watermark(paragraph, text: str) -> None:
    run = add_run(paragraph, f" {text} ", size=RECIPIENTS_SIZE, bold=True)
    border = OxmlElement("w:bdr")  # a box around it, as drafts are stamped
    for name, value in (("val", "single"), ("sz", "8"), ("space", "0"), ("color", "auto")):
        border.set(qn(f"w:{name}"), value)
    run._r.rPr.insert_element_before(
        border, "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang"
    )


def add_page_field(paragraph) -> None:
    """A PAGE field, as Word writes it: begin, instruction, separate, a shown value, end."""
    parts = (("fldChar", "begin"), ("instrText", " PAGE "), ("fldChar", "separate"))
    for tag, value in parts:
        run = add_run(paragraph, "")
        element = OxmlElement(f"w:{tag}")
        if tag == "fldChar":
            element.set(qn("w:fldCharType"), value)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = value
        run._r.append(element)
    add_run(paragraph, "2")  # shown until the viewer updates the field
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    add_run(paragraph, "")._r.append(end)


def set_core_properties(document: DocxDocument, doc: OfficialFrame) -> None:
    """Title, number, author and language of the file, dated now."""
    properties = document.core_properties
    properties.title = unicodedata.normalize("NFC", doc.title)
    properties.subject = doc.number.strip()
    properties.author = properties.last_modified_by = doc.issuer
    properties.language = "vi-VN"
    properties.keywords = properties.comments = ""
    # python-docx's template carries its own 2013 dates.
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    properties.revision = 1
