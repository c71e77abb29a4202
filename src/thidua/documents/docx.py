"""Render an `OfficialDocument` as a DOCX file in the official format.

The layout is that of mass organisations' documents (the Party's format, close to the state
format of Nghị định 30/2020), as in the seed plan 115-KH/HNDH: A4 portrait, Times New Roman, the
issuer and the national title side by side at the top, recipients and signature side by side at
the end, page numbers from page 2, "DỰ THẢO" on a document that is not final (see
`OfficialFrame.mark`). The building blocks are in `thidua.documents.word`; this
module adds the plan's body: its basis, preamble, sections and points.
"""

from docx.shared import Pt

from thidua.documents.official import OfficialDocument
from thidua.documents.word import (
    PORTRAIT,
    add_body,
    add_heading_block,
    add_page_headers,
    add_signature_block,
    add_title,
    new_document,
    set_core_properties,
    to_bytes,
)


def render_docx(doc: OfficialDocument) -> bytes:
    """The document as the bytes of a .docx file."""
    page = PORTRAIT
    document = new_document(page)
    add_heading_block(document, doc, page.heading_widths, page.heading_indent)
    add_title(document, doc, space_before=Pt(18))
    for text in [*doc.basis, *doc.preamble]:
        _add_body(document, text)
    _add_sections(document, doc)
    for text in doc.closing:
        _add_body(document, text)
    add_signature_block(document, doc, page.footing_widths)
    add_page_headers(document, doc.mark)
    set_core_properties(document, doc)
    return to_bytes(document)


def _add_body(document, text: str, *, bold=False) -> None:
    # A heading never ends a page apart from its text.
    add_body(document, text, bold=bold).paragraph_format.keep_with_next = bold


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
