"""Render an `OfficialDocument` as a DOCX file in the official format.

The layout is that of mass organisations' documents (the Party's format, close to the state
format of Nghị định 30/2020), as in the seed plan 115-KH/HNDH: A4 portrait, Times New Roman, the
issuer and the national title side by side at the top, recipients and signature side by side at
the end, page numbers from page 2, "DỰ THẢO" on a document that is not final (see
`OfficialFrame.mark`). The frame is `thidua.documents.frame`'s; this module adds the plan's
body: its basis, preamble, sections and points.
"""

from thidua.documents.frame import render_official
from thidua.documents.official import OfficialDocument
from thidua.documents.word import PORTRAIT, add_body


def render_docx(doc: OfficialDocument) -> bytes:
    """The document as the bytes of a .docx file."""
    return render_official(doc, PORTRAIT, lambda document: _add_content(document, doc))


def _add_content(document, doc: OfficialDocument) -> None:
    for text in [*doc.basis, *doc.preamble]:
        _add_body(document, text)
    _add_sections(document, doc)
    for text in doc.closing:
        _add_body(document, text)


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
