"""The nomination dossier for the award "Người Việt đoàn kết sáng tạo", as plain data, and its
DOCX rendering: the cover letter (the submission, "TỜ TRÌNH", of `thidua.documents.nomination`)
in the official frame, then the dossier in a section of its own, starting a page and numbered
from 1 again: the issuer's block, "HỒ SƠ ĐỀ NGHỊ XÉT TẶNG" and the award, the entry's name,
its parts (the entry, the five criteria, results, scores, replication, photos), each with its
paragraphs, table and photos, and at the end the registering unit's endorsement, signed.

The texts are the document's own Vietnamese: they are never translated. It is on the plan's A4
portrait page (`thidua.documents.word`).
"""

import io
from dataclasses import dataclass, field

from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from thidua.documents.frame import render_official
from thidua.documents.nomination import Nomination, render_nomination_docx
from thidua.documents.nomination import _add_content as add_cover_content
from thidua.documents.tables import NARROW_MARGIN, Column, add_table
from thidua.documents.word import (
    LEFT,
    PORTRAIT,
    RIGHT,
    SMALL_SIZE,
    TYPE_SIZE,
    add_body,
    add_line,
    two_columns,
)

PHOTO_WIDTH = Mm(110)
TABLE_SIZE = Pt(12)


@dataclass(frozen=True, kw_only=True)
class Photo:
    content: bytes  # JPEG or PNG, as stored (re-encoded on upload: no location data)
    caption: str


@dataclass(frozen=True, kw_only=True)
class Table:
    columns: list[Column]
    rows: list[list[str]]

    def labelled_rows(self) -> list[list[tuple[str, str]]]:
        """Each row's cells with their column's title (a page labels each cell on a phone)."""
        return [
            [(c.title, cell) for c, cell in zip(self.columns, row, strict=True)]
            for row in self.rows
        ]


@dataclass(frozen=True, kw_only=True)
class Part:
    """A part of the dossier; `heading` is complete with its number: "I. THÔNG TIN CHUNG"."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None
    after_table: list[str] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Endorsement:
    """The registering unit's endorsement (xác nhận của đơn vị), signed at the end."""

    heading: str  # "XÁC NHẬN CỦA HỘI NÔNG DÂN XÃ EA BÁ"
    text: str
    signer: str  # "Chủ tịch Hội Nông dân xã Ea Bá, Nguyễn Văn A"


@dataclass(frozen=True, kw_only=True)
class Dossier:
    cover: Nomination  # the cover letter: the submission proposing this one entry
    title: str = "HỒ SƠ ĐỀ NGHỊ XÉT TẶNG"
    subject_lines: list[str]  # the award, then the entry's name
    parts: list[Part]
    endorsement: Endorsement

    def __post_init__(self):
        if not self.parts:
            raise ValueError("a dossier has parts")
        if not self.endorsement.text.strip():
            raise ValueError("a dossier carries its unit's endorsement")


def render_cover_docx(d: Dossier) -> bytes:
    """The cover letter alone, as the bytes of a .docx file."""
    return render_nomination_docx(d.cover)


def render_dossier_docx(d: Dossier) -> bytes:
    """The cover letter and the dossier, as the bytes of one .docx file."""
    return render_official(
        d.cover,
        PORTRAIT,
        lambda document: add_cover_content(document, d.cover),
        add_annex=lambda document: _add_dossier(document, d),
    )


def _add_dossier(document, d: Dossier) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.insert_element_before(
        numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg"
    )
    section.different_first_page_header_footer = True
    issuer, _right = two_columns(document, PORTRAIT.heading_widths, PORTRAIT.heading_indent)
    if d.cover.superior:
        add_line(issuer, d.cover.superior, size=SMALL_SIZE)
    add_line(issuer, d.cover.issuer, size=SMALL_SIZE, bold=True)
    add_line(issuer, "*")
    add_line(document, d.title, size=TYPE_SIZE, bold=True, space_before=Pt(18))
    for line in d.subject_lines:
        add_line(document, line, bold=True)
    add_line(document, "-----").paragraph_format.space_after = Pt(12)
    for part in d.parts:
        heading = add_line(document, part.heading, align=LEFT, bold=True, space_before=Pt(6))
        heading.paragraph_format.keep_with_next = True
        for text in part.paragraphs:
            add_body(document, text)
        if part.table is not None and part.table.rows:
            add_table(
                document,
                part.table.columns,
                part.table.rows,
                size=TABLE_SIZE,
                cell_margin=NARROW_MARGIN,
            )
        for text in part.after_table:
            add_body(document, text)
        for photo in part.photos:
            picture = add_line(document, "", space_before=Pt(6))
            picture.paragraph_format.keep_with_next = True
            picture.add_run().add_picture(io.BytesIO(photo.content), width=PHOTO_WIDTH)
            add_line(document, photo.caption, italic=True, size=TABLE_SIZE)
    _add_endorsement(document, d.endorsement)


def _add_endorsement(document, e: Endorsement) -> None:
    heading = add_line(document, e.heading, bold=True, space_before=Pt(12))
    heading.paragraph_format.keep_with_next = True
    for text in e.text.strip().split("\n"):
        paragraph = add_body(document, text.strip())
        paragraph.paragraph_format.keep_with_next = True
    add_line(document, e.signer, align=RIGHT, bold=True, space_before=Pt(12))
