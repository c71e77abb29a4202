"""The submission ("TỜ TRÌNH") in which a unit proposes entries to the body above it for an
award that is not its own to give (the national award "Người Việt đoàn kết sáng tạo"), as plain
data, and its DOCX rendering: the heading, "Kính gửi:" the body above, the grounds, the table of
the entries proposed, what the dossier holds, the recipients and the signature.

The texts are the document's own Vietnamese: they are never translated. It is on the plan's A4
portrait page (`thidua.documents.word`).
"""

from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812 (the field below is called `date`)

from docx.shared import Pt

from thidua.documents.decision import Honour
from thidua.documents.formatting import ENTRIES, points
from thidua.documents.official import OfficialFrame, Signature
from thidua.documents.tables import NARROW_MARGIN, Column, add_table, add_table_style
from thidua.documents.word import (
    PORTRAIT,
    add_body,
    add_heading_block,
    add_line,
    add_page_headers,
    add_signature_block,
    add_title,
    new_document,
    set_core_properties,
    to_bytes,
)


@dataclass(frozen=True, kw_only=True)
class Nomination(OfficialFrame):
    superior: str = ""  # "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    issuer: str  # "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    number: str  # number_line(None, "TTr/HNDH") → "Số      -TTr/HNDH" until it is registered
    place: str
    date: Date | None = None  # None for a draft
    year: int | None = None
    doc_type: str = "TỜ TRÌNH"
    subject_lines: list[str]  # "Về việc đề nghị xét tặng Giải thưởng “…”"
    addressee: str  # "Ban Thường vụ Hội Nông dân tỉnh Phú Yên", after "Kính gửi:"
    grounds: list[str] = field(default_factory=list)  # paragraphs before the table
    honours: list[Honour]  # the entries proposed, in the table
    closing: list[str] = field(default_factory=list)  # paragraphs after the table
    recipients: list[str] = field(default_factory=list)
    signature: Signature
    watermark: str = ""  # "DỰ THẢO"

    def __post_init__(self):
        super().__post_init__()
        if not self.honours:
            raise ValueError("a nomination proposes at least one entry")
        if not self.addressee.strip():
            raise ValueError("a nomination is addressed to someone")


COLUMNS = [
    Column("TT", 9, "center"),
    Column(f"Tên {ENTRIES}", 55),
    Column("Đơn vị", 32),
    Column("Người chủ trì", 32),
    Column("Điểm", 15, "center"),
    Column("Xếp loại", 22, "center"),
]


def render_nomination_docx(n: Nomination) -> bytes:
    """The submission as the bytes of a .docx file."""
    page = PORTRAIT
    document = new_document(page)
    add_table_style(document)
    add_heading_block(document, n, page.heading_widths, page.heading_indent)
    add_title(document, n, space_before=Pt(18))
    to = add_line(document, f"Kính gửi: {n.addressee}", space_before=Pt(0))
    to.paragraph_format.space_after = Pt(12)
    for text in n.grounds:
        add_body(document, text)
    rows = [
        [str(index), h.name, h.unit, h.lead, points(h.total), h.grade]
        for index, h in enumerate(n.honours, start=1)
    ]
    add_table(document, COLUMNS, rows, size=Pt(12), cell_margin=NARROW_MARGIN)
    for text in n.closing:
        add_body(document, text)
    add_signature_block(document, n, page.footing_widths)
    add_page_headers(document, n.mark)
    set_core_properties(document, n)
    return to_bytes(document)
