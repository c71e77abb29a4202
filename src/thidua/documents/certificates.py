"""The certificates for the honoured entries, as plain data, and their DOCX rendering: one A4
landscape page each, in a red double border.

A certificate is of one of two kinds: a certificate of merit ("GIẤY KHEN") for an entry that is
commended, a certificate of recognition ("GIẤY CHỨNG NHẬN") for one that is recognised. Each
kind has its title, its verb ("Tặng", "Chứng nhận") and its own register ("Số 01/GK",
"Số 01/GCN"). An entry nominated for an award gets neither: the award is not the issuer's.

The texts are the certificate's own Vietnamese: they are never translated.
"""

import unicodedata
from dataclasses import dataclass
from datetime import date as Date  # noqa: N812 (the field below is called `date`)

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor

from thidua.documents.dates import BLANK, place_and_date
from thidua.documents.formatting import citation, quoted
from thidua.documents.frame import add_signer
from thidua.documents.official import MOTTO, NATION, Signature
from thidua.documents.word import (
    LEFT,
    RECIPIENTS_SIZE,
    SMALL_SIZE,
    Page,
    add_line,
    new_document,
    set_row_properties,
    to_bytes,
    two_columns,
)

CERTIFICATE_RED = RGBColor(0xB0, 0x1E, 0x23)  # the customary dark red of "GIẤY KHEN"


@dataclass(frozen=True)
class CertificateKind:
    title: str  # "GIẤY KHEN"
    verb: str  # the line above the recipient: "Tặng"
    register_symbol: str  # "GK" in "Số 01/GK"


COMMENDATION = "commendation"
RECOGNITION = "recognition"
KINDS = {
    COMMENDATION: CertificateKind("GIẤY KHEN", "Tặng", "GK"),
    RECOGNITION: CertificateKind("GIẤY CHỨNG NHẬN", "Chứng nhận", "GCN"),
}


@dataclass(frozen=True, kw_only=True)
class Certificate:
    """A certificate for one honoured entry: of merit (`COMMENDATION`, "GIẤY KHEN") or of
    recognition (`RECOGNITION`, "GIẤY CHỨNG NHẬN")."""

    kind: str = COMMENDATION
    superior: str = ""  # "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    issuer: str  # "HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    recipient: str  # the unit or person: "Hội Nông dân xã Ea Bá", "Ông Y Đức Niê"
    # The whole sentence, as printed: "Đã có thành tích xuất sắc trong Phong trào thi đua …
    # năm 2022 với mô hình:"; the entry's name follows it in quotes.
    achievement: str
    entry: str  # "Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ"
    place: str
    date: Date | None = None  # None for a draft
    year: int | None = None
    signature: Signature
    register_number: int | None = None  # "Số 12/GK"; None leaves it blank
    decision_number: str = ""  # "Số 25-QĐ/HNDH", the decision the certificate is given by
    decision_date: Date | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown certificate kind {self.kind!r}")
        if self.date is None and self.year is None:
            raise ValueError("an undated (draft) certificate needs its year")

    @property
    def title(self) -> str:
        return KINDS[self.kind].title

    @property
    def verb(self) -> str:
        return KINDS[self.kind].verb

    @property
    def register_symbol(self) -> str:
        return KINDS[self.kind].register_symbol

    @property
    def date_line(self) -> str:
        return place_and_date(self.place, self.date, self.year)

    @property
    def register_line(self) -> str:
        number = BLANK if self.register_number is None else f" {self.register_number:02d}"
        return f"Số{number}/{self.register_symbol}"

    @property
    def decision_line(self) -> str:
        if not self.decision_number:
            return ""
        year = self.year or (self.date.year if self.date else None)
        return f"Quyết định {citation(self.decision_number, self.decision_date, year)}"


# A4 landscape; the double rule of the page border 10 mm from the paper's edge, the text well
# inside it.
CERTIFICATE_PAGE = Page(
    width=Mm(297),
    height=Mm(210),
    top=Mm(20),
    bottom=Mm(16),
    left=Mm(25),
    right=Mm(25),
    heading_widths=(Length(Mm(100)), Length(Mm(147))),
    heading_indent=0,
    footing_widths=(Length(Mm(127)), Length(Mm(120))),
)
_BORDER_FROM_EDGE = 28  # points (at most 31): 9.9 mm
_BORDER_STYLE, _BORDER_WIDTH = "thinThickThinSmallGap", "24"  # eighths of a point


def render_certificates_docx(certs: list[Certificate]) -> bytes:
    """The certificates, one a page (one section each), as the bytes of a .docx file."""
    if not certs:
        raise ValueError("no certificates to render")
    page = CERTIFICATE_PAGE
    document = new_document(page)
    _add_page_border(document.sections[0]._sectPr)
    for index, cert in enumerate(certs):
        if index:
            document.add_section(WD_SECTION.NEW_PAGE)  # a clone: size and border included
        _add_certificate(document, cert, page)
    properties = document.core_properties
    first = certs[0]
    titles = ", ".join(dict.fromkeys(cert.title for cert in certs))
    properties.title = unicodedata.normalize("NFC", f"{titles} ({len(certs)})")
    properties.subject = first.decision_line
    properties.author = properties.last_modified_by = first.issuer
    properties.language = "vi-VN"
    properties.keywords = properties.comments = ""
    return to_bytes(document)


def _add_page_border(sect_pr) -> None:
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        for name, value in (
            ("val", _BORDER_STYLE),
            ("sz", _BORDER_WIDTH),
            ("space", str(_BORDER_FROM_EDGE)),
            ("color", str(CERTIFICATE_RED)),
        ):
            line.set(qn(f"w:{name}"), value)
        borders.append(line)
    sect_pr.insert_element_before(
        borders,
        "w:lnNumType",
        "w:pgNumType",
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    )


def _add_certificate(document, cert: Certificate, page: Page) -> None:
    issuer, nation = two_columns(document, page.heading_widths, page.heading_indent)
    if cert.superior:
        add_line(issuer, cert.superior, size=SMALL_SIZE)
    add_line(issuer, cert.issuer, size=SMALL_SIZE, bold=True)
    add_line(issuer, "*")
    add_line(nation, NATION, size=SMALL_SIZE, bold=True)
    add_line(nation, MOTTO, bold=True, underline=True)

    title = add_line(document, cert.title, space_before=Pt(36), size=Pt(40), bold=True)
    title.runs[0].font.color.rgb = CERTIFICATE_RED
    title.paragraph_format.space_after = Pt(12)
    add_line(document, cert.verb, size=Pt(16), italic=True).paragraph_format.space_after = Pt(6)
    recipient = add_line(document, cert.recipient, size=Pt(22), bold=True)
    recipient.paragraph_format.space_after = Pt(18)
    # The achievement as a narrower block, as certificates set it.
    achievement = add_line(document, cert.achievement, size=Pt(16), italic=True)
    fmt = achievement.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(20)
    fmt.line_spacing = 1.2
    entry = add_line(document, quoted(cert.entry), size=Pt(18), bold=True, space_before=Pt(12))
    entry.paragraph_format.left_indent = entry.paragraph_format.right_indent = Mm(20)

    register, signature = two_columns(document, page.footing_widths)
    set_row_properties(register._tc.getparent(), "cantSplit")
    register.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    add_line(register, cert.register_line, align=LEFT, size=SMALL_SIZE)
    if cert.decision_line:
        add_line(register, cert.decision_line, align=LEFT, size=RECIPIENTS_SIZE, italic=True)
    add_line(signature, cert.date_line, italic=True, space_before=Pt(30))
    add_signer(signature, cert.signature, room_on_copy=3)
