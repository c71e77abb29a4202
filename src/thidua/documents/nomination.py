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

from thidua.documents.decision import Honour, add_honours_table
from thidua.documents.frame import render_official
from thidua.documents.official import OfficialFrame, Signature
from thidua.documents.tables import add_table_style
from thidua.documents.word import PORTRAIT, add_body, add_line


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


WIDTHS = [9, 55, 32, 32, 15, 22]  # of the table's columns, in mm (see `HONOUR_COLUMNS`)


def render_nomination_docx(n: Nomination) -> bytes:
    """The submission as the bytes of a .docx file."""
    return render_official(n, PORTRAIT, lambda document: _add_content(document, n))


def _add_content(document, n: Nomination) -> None:
    """ "Kính gửi:" the body above, the grounds, the table of the entries, what goes with it."""
    add_table_style(document)
    to = add_line(document, f"Kính gửi: {n.addressee}", space_before=Pt(0))
    to.paragraph_format.space_after = Pt(12)
    for text in n.grounds:
        add_body(document, text)
    add_honours_table(document, n.honours, WIDTHS)
    for text in n.closing:
        add_body(document, text)
