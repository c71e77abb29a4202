"""The decision of the standing committee ("QUYẾT ĐỊNH") on the entries the council proposed,
as plain data, and its DOCX rendering with the list of the entries as its annex.

A decision is a list of articles ("Điều 1.", "Điều 2." …). An article that honours entries
(recognises them, commends them, nominates them for an award) lists them in a part of the annex
of its own, numbered I, II, … in the order of the articles and headed with the article's number,
so that each article's entries are exactly those of its part.

The texts are the document's own Vietnamese: they are never translated. The decision is on the
plan's A4 portrait page (`thidua.documents.word`); its annex starts a page of its own, numbered
from 1 again.
"""

from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812 (the field below is called `date`)

from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from thidua.documents.formatting import ENTRIES, Number, citation, points
from thidua.documents.frame import render_official
from thidua.documents.official import OfficialFrame, Signature, roman
from thidua.documents.tables import NARROW_MARGIN, Column, add_table, add_table_style
from thidua.documents.word import (
    LEFT,
    PORTRAIT,
    SMALL_SIZE,
    TYPE_SIZE,
    Page,
    add_body,
    add_line,
    add_run,
    two_columns,
)


@dataclass(frozen=True, kw_only=True)
class Honour:
    """An entry in the decision's annex."""

    name: str
    unit: str
    lead: str = ""  # "Người chủ trì"
    total: Number | str | None = None
    grade: str = ""
    outcome: str  # what it is given: "Giấy khen", "Giấy chứng nhận", "Đề nghị giải thưởng"


@dataclass(frozen=True, kw_only=True)
class Article:
    """An article: its text after "Điều N." ("\n" starts another paragraph of it) and, when it
    honours entries, those entries, listed in the annex under `annex_title`."""

    text: str
    honours: list[Honour] = field(default_factory=list)
    annex_title: str = ""  # "Mô hình, sáng kiến, ý tưởng mới được công nhận"

    def __post_init__(self):
        if not self.text.strip():
            raise ValueError("an article needs its text")
        if self.honours and not self.annex_title.strip():
            raise ValueError("an article that lists entries needs the title of its annex part")


@dataclass(frozen=True)
class AnnexPart:
    """A part of the annex: "I", the number of the article it belongs to, that article."""

    numeral: str
    article_number: int
    article: Article

    @property
    def heading(self) -> str:
        """ "I. Mô hình, sáng kiến, ý tưởng mới được công nhận (Điều 1)"."""
        return f"{self.numeral}. {self.article.annex_title} (Điều {self.article_number})"


@dataclass(frozen=True, kw_only=True)
class Decision(OfficialFrame):
    superior: str = ""  # "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    issuer: str  # "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    number: str  # number_line(25, "QĐ/HNDH") → "Số 25-QĐ/HNDH"
    place: str
    date: Date | None = None  # None for a draft
    year: int | None = None
    doc_type: str = "QUYẾT ĐỊNH"
    subject_lines: list[str] = field(
        default_factory=lambda: [f"Về việc công nhận, khen thưởng {ENTRIES}"]
    )
    authority: str  # "BAN THƯỜNG VỤ HỘI NÔNG DÂN HUYỆN SÔNG HINH", under the subject
    bases: list[str] = field(default_factory=list)  # "- Căn cứ Điều lệ Hội Nông dân Việt Nam;"
    # The articles, numbered from 1 in this order; a plain text is an article listing no entry.
    articles: list[Article | str]
    recipients: list[str] = field(default_factory=list)
    signature: Signature
    # The annex, on a new page when an article lists entries: "DANH SÁCH", its subject,
    # "(Kèm theo Quyết định số … ngày … của <issued_by>)" and a part per such article.
    annex_title: str = "DANH SÁCH"
    annex_subject_lines: list[str] = field(
        default_factory=lambda: ["Mô hình, sáng kiến, ý tưởng mới được công nhận, khen thưởng"]
    )
    issued_by: str  # "Ban Thường vụ Hội Nông dân huyện Sông Hinh"
    watermark: str = ""

    def __post_init__(self):
        super().__post_init__()
        if not self.articles:
            raise ValueError("a decision needs at least one article")
        articles = [a if isinstance(a, Article) else Article(text=a) for a in self.articles]
        object.__setattr__(self, "articles", articles)

    @property
    def annex_parts(self) -> list[AnnexPart]:
        """The parts of the annex, one per article that lists entries, in the articles' order."""
        listing = [(n, a) for n, a in enumerate(self.articles, start=1) if a.honours]
        return [
            AnnexPart(roman(index), number, article)
            for index, (number, article) in enumerate(listing, start=1)
        ]

    @property
    def honours(self) -> list[Honour]:
        """Every entry the decision lists, part after part."""
        return [h for part in self.annex_parts for h in part.article.honours]

    @property
    def annex_reference(self) -> str:
        cited = citation(self.number, self.date, self.year)
        return f"(Kèm theo Quyết định {cited} của {self.issued_by})"


# The columns of a table of honoured entries, as the decision's annex and a nomination list
# them: (heading, alignment). Each document gives their widths; "Hình thức", what the entry is
# given, is the annex's alone.
HONOUR_COLUMNS = [
    ("TT", "center"),
    (f"Tên {ENTRIES}", "left"),
    ("Đơn vị", "left"),
    ("Người chủ trì", "left"),
    ("Điểm", "center"),
    ("Xếp loại", "center"),
    ("Hình thức", "center"),
]
ANNEX_WIDTHS = [9, 45, 25, 27, 13, 17, 29]


def add_honours_table(document, honours: list[Honour], widths: list[float]) -> None:
    """The entries in a bordered table, one column of `HONOUR_COLUMNS` for each of ``widths``
    (in mm): a nomination, which gives nothing, leaves out the last."""
    columns = [
        Column(title, width, align)
        for (title, align), width in zip(HONOUR_COLUMNS, widths, strict=False)
    ]
    rows = [
        [str(index), h.name, h.unit, h.lead, points(h.total), h.grade, h.outcome][: len(columns)]
        for index, h in enumerate(honours, start=1)
    ]
    add_table(document, columns, rows, size=Pt(12), cell_margin=NARROW_MARGIN)


def render_decision_docx(d: Decision) -> bytes:
    """The decision and its annex as the bytes of a .docx file."""
    page = PORTRAIT
    return render_official(
        d,
        page,
        lambda document: _add_articles(document, d),
        add_annex=(lambda document: _add_annex(document, d, page)) if d.annex_parts else None,
    )


def _add_articles(document, d: Decision) -> None:
    """The authority, the bases, "QUYẾT ĐỊNH:" and the articles, "Điều 1." in bold."""
    add_table_style(document)
    add_line(document, d.authority, bold=True).paragraph_format.space_after = Pt(12)
    for text in d.bases:
        add_body(document, text)
    decides = add_line(document, "QUYẾT ĐỊNH:", bold=True, space_before=Pt(6))
    decides.paragraph_format.space_after = Pt(6)
    decides.paragraph_format.keep_with_next = True
    for number, article in enumerate(d.articles, start=1):
        first, *more = article.text.strip().split("\n")
        paragraph = document.add_paragraph(style="Body Text")
        add_run(paragraph, f"Điều {number}.", bold=True)
        add_run(paragraph, f" {first.strip()}")
        for line in more:
            add_body(document, line.strip())


def _add_annex(document, d: Decision, page: Page) -> None:
    """The annex in a section of its own, starting a page and numbered from 1 again: the
    issuer's block at the top left, the title, the reference to the decision, then each part's
    heading and table."""
    annex = document.add_section(WD_SECTION.NEW_PAGE)
    sect_pr = annex._sectPr
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    sect_pr.insert_element_before(
        numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg"
    )
    annex.different_first_page_header_footer = True

    issuer, _right = two_columns(document, page.heading_widths, page.heading_indent)
    if d.superior:
        add_line(issuer, d.superior, size=SMALL_SIZE)
    add_line(issuer, d.issuer, size=SMALL_SIZE, bold=True)
    add_line(issuer, "*")
    add_line(document, d.annex_title, size=TYPE_SIZE, bold=True, space_before=Pt(18))
    for line in d.annex_subject_lines:
        add_line(document, line, bold=True)
    add_line(document, d.annex_reference, italic=True)
    add_line(document, "-----").paragraph_format.space_after = Pt(12)
    for part in d.annex_parts:
        heading = add_line(document, part.heading, align=LEFT, bold=True, space_before=Pt(6))
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True
        add_honours_table(document, part.article.honours, ANNEX_WIDTHS)
    add_line(document, f"Danh sách có {len(d.honours):02d} {ENTRIES}./.", align=LEFT)
