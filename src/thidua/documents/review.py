"""The evaluation council's documents, as plain data, and their DOCX renderings.

When the council (hội đồng đánh giá) of the Farmers' Association has scored the registered
models, initiatives and ideas and voted on the list it proposes (a decision needs at least 2/3
of its members: Nghị định 13/2012), three documents follow:

- the minutes of its meeting (`Minutes`, "BIÊN BẢN"), with the score table, the vote and what
  it proposes, signed by its secretary and its chair;
- the decision of the standing committee (`Decision`, "QUYẾT ĐỊNH") that recognises and
  commends the entries, with the list of them as its annex;
- one certificate of merit (`Certificate`, "GIẤY KHEN") for each entry honoured.

The classes hold only texts, numbers and dates: whoever builds them (the review app) decides
what they say, such as "Hồ sơ số 3" in place of a unit's name when the council scored blind.
The texts are the documents' own Vietnamese: they are never translated.

The heading, title, signature and page conventions are those of the plan and the list, from
`thidua.documents.word`. The minutes are on an A4 portrait page, as minutes are read and filed:
its score table fits there in 11 pt with up to five criteria (the seed plan's rubric has five);
with more, the whole minutes turn to the list's landscape page rather than one page of it, so
that they print, bind and number as one run of pages.
"""

import math
import unicodedata
from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812 (fields below are called `date`)
from datetime import time as Time  # noqa: N812
from decimal import Decimal

from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor, Twips
from docx.table import Table, _Cell

from thidua.documents.dates import BLANK, blank_date, official_date, place_and_date, short_date
from thidua.documents.lists import ALIGNMENTS, BORDER, HEADER_FILL, LANDSCAPE, Column
from thidua.documents.official import MOTTO, NATION, OfficialFrame, Signature
from thidua.documents.word import (
    CENTRE,
    LEFT,
    PORTRAIT,
    RECIPIENTS_SIZE,
    SMALL_SIZE,
    TYPE_SIZE,
    Page,
    add_body,
    add_heading_block,
    add_line,
    add_page_headers,
    add_run,
    add_signature_block,
    add_title,
    fix_table_width,
    new_document,
    set_core_properties,
    set_row_properties,
    set_table_borders,
    to_bytes,
    two_columns,
)

Number = int | float | Decimal

# The council members' roles, by the review app's values, as the minutes print them.
ROLES = {
    "chair": "Chủ tịch Hội đồng",
    "vice_chair": "Phó Chủ tịch Hội đồng",
    "secretary": "Thư ký Hội đồng",
    "member": "Thành viên",
}
ENTRIES = "mô hình, sáng kiến, ý tưởng mới"
CERTIFICATE_RED = RGBColor(0xB0, 0x1E, 0x23)  # the customary dark red of "GIẤY KHEN"
TABLE_STYLE = "Table Text"
DOTS = "……"  # a blank to be filled in by hand in running text


# --- texts shared by the three documents ----------------------------------------------


def points(value: Number | str | None) -> str:
    """A score as Vietnamese writes it: 18.5 → "18,5", 85.333 → "85,33", 20.00 → "20";
    None (not scored) → ""; a text is kept as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    rounded = Decimal(str(value)).quantize(Decimal("0.01"))
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def clock(value: Time | None) -> str:
    """`time(14, 0)` → "14 giờ 00"; None leaves the blanks of a draft."""
    if value is None:
        return f"{DOTS} giờ {DOTS}"
    return f"{value.hour:02d} giờ {value.minute:02d}"


def citation(number: str, d: Date | None, year: int | None = None) -> str:
    """How a document is cited: ("Số 25-QĐ/HNDH", 25/10/2022) → "số 25-QĐ/HNDH ngày 25/10/2022";
    a draft's blank number and date stay blank."""
    cited = number.strip()
    cited = f"số{cited.removeprefix('Số')}" if cited.startswith("Số") else cited
    if d is not None:
        return f"{cited} ngày {short_date(d)}"
    if year is None:
        raise ValueError("an undated document needs its year")
    return f"{cited} {blank_date(year)}"


def _quoted(text: str) -> str:
    text = text.strip()
    return text if text.startswith(("“", '"')) else f"“{text}”"


# --- the minutes ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Member:
    """A member of the council; `role` is one of `ROLES`' keys ("chair", "vice_chair",
    "secretary", "member") and `position` their office ("Chủ tịch Hội Nông dân huyện")."""

    name: str
    role: str
    position: str = ""
    present: bool = True
    absence_reason: str = ""  # "đi công tác"

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"unknown council role {self.role!r}")


@dataclass(frozen=True, kw_only=True)
class Criterion:
    """A criterion of the rubric: its column heading is `short` (else `name`) and its maximum:
    "Tính mới" and "(20)"."""

    name: str
    max_points: Number
    short: str = ""

    @property
    def heading(self) -> str:
        return f"{self.short or self.name}\n({points(self.max_points)})"


@dataclass(frozen=True, kw_only=True)
class ScoreRow:
    """An entry's line in the score table: its scores in the order of the criteria (None: not
    scored), its total, class and rank (tied totals share a rank), and the outcome the council
    proposes for it ("Khen thưởng", "Công nhận", …; empty: none)."""

    name: str
    unit: str  # "Xã Ea Bá", or "Hồ sơ số 3" when the council scored blind
    scores: list[Number | str | None]
    total: Number | str | None
    grade: str = ""  # "Xuất sắc"
    rank: int | None = None
    outcome: str = ""


@dataclass(frozen=True, kw_only=True)
class Vote:
    """The council's vote on the proposed list. It passes with at least numerator/denominator
    of all the members (not only of those present) in favour."""

    members: int
    present: int
    votes_for: int
    votes_against: int
    numerator: int = 2
    denominator: int = 3

    def __post_init__(self):
        if not 0 < self.present <= self.members:
            raise ValueError("the members present must be between 1 and the council's size")
        if self.votes_for < 0 or self.votes_against < 0:
            raise ValueError("votes cannot be negative")
        if self.votes_for + self.votes_against > self.present:
            raise ValueError("more votes than members present")
        if not 0 < self.numerator <= self.denominator:
            raise ValueError("the share must be a fraction between 0 and 1")

    @property
    def abstentions(self) -> int:
        return self.present - self.votes_for - self.votes_against

    @property
    def required(self) -> int:
        """The least number of votes for: 4 of 5 members at 2/3."""
        return math.ceil(self.members * self.numerator / self.denominator)

    @property
    def approved(self) -> bool:
        return self.votes_for >= self.required

    @property
    def share(self) -> str:
        """The votes for as a share of the members: "80%", "66,7%"."""
        percent = Decimal(self.votes_for * 100) / Decimal(self.members)
        rounded = percent.quantize(Decimal("0.1"))
        if rounded == rounded.to_integral_value():
            return f"{int(rounded)}%"
        return f"{rounded:f}%".replace(".", ",")

    @property
    def text(self) -> str:
        """ "Số thành viên có mặt: 5/5; đồng ý: 4; không đồng ý: 1; tỷ lệ đồng ý 80% ≥ 2/3:
        thông qua." """
        parts = [
            f"Số thành viên có mặt: {self.present}/{self.members}",
            f"đồng ý: {self.votes_for}",
            f"không đồng ý: {self.votes_against}",
        ]
        if self.abstentions:
            parts.append(f"không biểu quyết: {self.abstentions}")
        fraction = f"{self.numerator}/{self.denominator}"
        verdict = f"≥ {fraction}: thông qua" if self.approved else f"< {fraction}: không thông qua"
        parts.append(f"tỷ lệ đồng ý {self.share} {verdict}")
        return "; ".join(parts) + "."


@dataclass(frozen=True, kw_only=True)
class Minutes(OfficialFrame):
    superior: str = ""  # "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    issuer: str  # "HỘI ĐỒNG ĐÁNH GIÁ MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI"
    number: str  # "Số      -BB/HNDH", or "" for minutes without a number
    place: str  # "Sông Hinh"
    date: Date | None = None  # None for a draft
    year: int | None = None  # printed on the blank date line of a draft (date None)
    doc_type: str = "BIÊN BẢN"
    subject_lines: list[str] = field(default_factory=lambda: [f"Họp Hội đồng đánh giá {ENTRIES}"])
    # "Vào lúc 14 giờ 00, ngày 20 tháng 10 năm 2022, tại <venue>, <council> tiến hành họp
    # <purpose>." The meeting's day is the minutes' date.
    start: Time | None = None
    end: Time | None = None
    venue: str  # "Hội trường Hội Nông dân huyện Sông Hinh"
    council: str  # "Hội đồng đánh giá … (thành lập theo Quyết định số 20-QĐ/HNDH …)"
    purpose: str  # "đánh giá, xét công nhận mô hình, sáng kiến, ý tưởng mới năm 2022"
    members: list[Member]
    content: list[str] = field(default_factory=list)  # what was said and done, before the scores
    criteria: list[Criterion]
    score_notes: list[str] = field(default_factory=list)  # just above the table
    rows: list[ScoreRow] = field(default_factory=list)
    name_heading: str = f"Tên {ENTRIES}"
    unit_heading: str = "Đơn vị"  # "Hồ sơ" when scored blind
    max_total: Number | None = None  # printed as "Tổng (100)" when given
    vote: Vote | None = None  # None: a draft, its figures left blank
    proposed_to: str = ""  # "Ban Thường vụ Hội Nông dân huyện"
    closing: list[str] = field(default_factory=list)  # before "Biên bản kết thúc lúc …"
    recipients: list[str] = field(default_factory=list)  # optional, under the signatures
    landscape: bool | None = None  # None: portrait while the score table fits
    watermark: str = ""  # "DỰ THẢO"

    def __post_init__(self):
        super().__post_init__()
        roles = [member.role for member in self.members]
        for role in ("chair", "secretary"):
            if roles.count(role) != 1:
                raise ValueError(f"the minutes need exactly one {role} among the members")
        if not self.criteria:
            raise ValueError("the score table needs at least one criterion")
        width = len(self.criteria)
        for index, row in enumerate(self.rows):
            if len(row.scores) != width:
                raise ValueError(f"row {index} has {len(row.scores)} scores for {width} criteria")
        if self.vote is not None:
            present = sum(member.present for member in self.members)
            if (self.vote.members, self.vote.present) != (len(self.members), present):
                raise ValueError(
                    f"the vote counts {self.vote.present}/{self.vote.members} members present, "
                    f"the list of members {present}/{len(self.members)}"
                )

    def _member(self, role: str) -> Member:
        return next(member for member in self.members if member.role == role)

    @property
    def chair(self) -> Member:
        return self._member("chair")

    @property
    def secretary(self) -> Member:
        return self._member("secretary")


# The score table, in mm: the fixed columns, the narrowest criterion column (a portrait page
# at 11 pt: "Tính", "(20)" and "18,33" fit in it), the widest, and the least room that the
# entry's name and unit share.
_TT, _TOTAL, _GRADE, _RANK = 8, 12, 16, 11
_CRITERION_MIN, _CRITERION_MAX = 11.5, 18
_NAMES_MIN, _NAMES_WIDE = 60, 110
_CELL_MARGIN = Mm(1)  # left and right in each cell, for the narrow columns
_PORTRAIT_TABLE_SIZE = Pt(11)
_LANDSCAPE_TABLE_SIZE = Pt(12)


def _fits_portrait(criteria: int) -> bool:
    room = PORTRAIT.text_width.mm - (_TT + _TOTAL + _GRADE + _RANK)
    return room - criteria * _CRITERION_MIN >= _NAMES_MIN


def _minutes_page(m: Minutes) -> Page:
    landscape = m.landscape if m.landscape is not None else not _fits_portrait(len(m.criteria))
    return LANDSCAPE if landscape else PORTRAIT


def _score_columns(m: Minutes, page: Page) -> list[Column]:
    grade = _GRADE + (3 if page.landscape else 0)  # "Xuất sắc" on one line at 12 pt
    room = page.text_width.mm - (_TT + _TOTAL + grade + _RANK)
    count = len(m.criteria)
    # Rounded down to 0.1 mm, so that the columns never add up to more than the text width.
    criterion = (room - _NAMES_WIDE) / count
    criterion = math.floor(10 * min(_CRITERION_MAX, max(_CRITERION_MIN, criterion))) / 10
    names = room - count * criterion
    if names < _NAMES_MIN / 2:
        raise ValueError(f"{count} criteria are too many for the score table")
    name = math.floor(6 * names) / 10
    unit = math.floor(10 * (names - name)) / 10
    total = "Tổng"
    if m.max_total is not None:
        total = f"Tổng\n({points(m.max_total)})"
    return [
        Column("TT", _TT, "center"),
        Column(m.name_heading, name),
        Column(m.unit_heading, unit),
        *(Column(c.heading, criterion, "center") for c in m.criteria),
        Column(total, _TOTAL, "center"),
        Column("Xếp loại", grade, "center"),
        Column("Xếp hạng", _RANK, "center"),
    ]


def render_minutes_docx(m: Minutes) -> bytes:
    """The minutes of the council's meeting as the bytes of a .docx file."""
    page = _minutes_page(m)
    document = new_document(page)
    _add_table_style(document)
    add_heading_block(document, m, page.heading_widths, page.heading_indent)
    add_title(document, m, space_before=Pt(18))

    day = official_date(m.date) if m.date is not None else blank_date(m.year)
    add_body(
        document,
        f"Vào lúc {clock(m.start)}, {day}, tại {m.venue}, {m.council} tiến hành họp {m.purpose}.",
    )
    _heading(document, "I. THÀNH PHẦN")
    _add_members(document, m)

    _heading(document, "II. NỘI DUNG")
    for text in m.content:
        add_body(document, text)
    _heading(document, "1. Kết quả chấm điểm")
    for text in m.score_notes:
        add_body(document, text)
    size = _LANDSCAPE_TABLE_SIZE if page.landscape else _PORTRAIT_TABLE_SIZE
    _add_table(document, _score_columns(m, page), _score_rows(m), size=size)

    _heading(document, "2. Kết quả biểu quyết")
    add_body(document, m.vote.text if m.vote is not None else _blank_vote(len(m.members)))
    _add_proposals(document, m)

    for text in m.closing:
        add_body(document, text)
    last = add_body(document, f"Biên bản kết thúc lúc {clock(m.end)} cùng ngày./.")
    last.paragraph_format.keep_with_next = True
    _add_two_signatures(document, m, page)
    add_page_headers(document, m.watermark)
    set_core_properties(document, m)
    return to_bytes(document)


def _heading(document, text: str) -> None:
    # A heading never ends a page apart from its text.
    add_body(document, text, bold=True).paragraph_format.keep_with_next = True


def _member_line(member: Member) -> str:
    office = f", {member.position}" if member.position else ""
    return f"Đồng chí {member.name}{office} - {ROLES[member.role]}"


def _add_members(document, m: Minutes) -> None:
    present = [member for member in m.members if member.present]
    absent = [member for member in m.members if not member.present]
    add_body(
        document,
        f"1. Thành viên Hội đồng có mặt: {len(present)}/{len(m.members)} đồng chí, gồm:",
    )
    for index, member in enumerate(present):
        end = "." if index == len(present) - 1 else ";"
        add_body(document, f"- {_member_line(member)}{end}")
    if not absent:
        add_body(document, "2. Vắng mặt: không.")
        return
    add_body(document, f"2. Vắng mặt: {len(absent)} đồng chí, gồm:")
    for index, member in enumerate(absent):
        reason = f" (lý do: {member.absence_reason})" if member.absence_reason else ""
        end = "." if index == len(absent) - 1 else ";"
        add_body(document, f"- {_member_line(member)}{reason}{end}")


def _score_rows(m: Minutes) -> list[list[str]]:
    return [
        [
            str(index),
            row.name,
            row.unit,
            *(points(score) for score in row.scores),
            points(row.total),
            row.grade,
            "" if row.rank is None else str(row.rank),
        ]
        for index, row in enumerate(m.rows, start=1)
    ]


def _blank_vote(members: int) -> str:
    return (
        f"Số thành viên có mặt: {DOTS}/{members}; đồng ý: {DOTS}; không đồng ý: {DOTS}; "
        f"tỷ lệ đồng ý {DOTS}%."
    )


def _add_proposals(document, m: Minutes) -> None:
    """The outcomes proposed, grouped in the order they first appear in the table."""
    groups: dict[str, list[ScoreRow]] = {}
    for row in m.rows:
        if row.outcome.strip():
            groups.setdefault(row.outcome.strip(), []).append(row)
    _heading(document, "3. Hội đồng đề nghị")
    if not groups:
        add_body(document, f"Hội đồng không đề nghị công nhận, khen thưởng {ENTRIES} nào.")
        return
    to = f" {m.proposed_to}" if m.proposed_to else ""
    add_body(document, f"Hội đồng thống nhất đề nghị{to}:")
    for number, (outcome, rows) in enumerate(groups.items()):
        add_body(document, f"- {outcome}: {len(rows):02d} {ENTRIES}, gồm:")
        for index, row in enumerate(rows):
            last = number == len(groups) - 1 and index == len(rows) - 1
            add_body(document, f"+ {_quoted(row.name)} ({row.unit}){'.' if last else ';'}")


def _add_two_signatures(document, m: Minutes, page: Page) -> None:
    """The secretary on the left and the chair on the right, side by side; the recipients,
    if any, below them on the left."""
    half = Length(page.text_width // 2)
    widths = (half, Length(page.text_width - half))
    secretary, chair = two_columns(document, widths)
    set_row_properties(secretary._tc.getparent(), "cantSplit")
    for cell, title, member in (
        (secretary, "THƯ KÝ", m.secretary),
        (chair, "CHỦ TỊCH HỘI ĐỒNG", m.chair),
    ):
        add_line(cell, title, bold=True, space_before=Pt(12))
        for _ in range(4):  # room for the handwritten signature
            add_line(cell, "")
        add_line(cell, member.name, bold=True)
    if m.recipients:
        label = {"size": RECIPIENTS_SIZE, "bold": True, "italic": True, "underline": True}
        add_line(document, m.recipients_label, align=LEFT, space_before=Pt(12), **label)
        for line in m.recipient_lines:
            add_line(document, line, align=LEFT, size=RECIPIENTS_SIZE)


# --- the decision ---------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Honour:
    """An entry in the decision's annex."""

    name: str
    unit: str
    lead: str = ""  # "Người chủ trì"
    total: Number | str | None = None
    grade: str = ""
    outcome: str  # "Khen thưởng", "Công nhận", "Đề nghị giải thưởng “Người Việt …”"


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
    # The text of each article after its "Điều N."; "\n" starts another paragraph of it.
    articles: list[str]
    recipients: list[str] = field(default_factory=list)
    signature: Signature
    # The annex, on a new page: "DANH SÁCH", its subject, "(Kèm theo Quyết định số … ngày …
    # của <issued_by>)" and the table of the honours.
    annex_title: str = "DANH SÁCH"
    annex_subject_lines: list[str] = field(
        default_factory=lambda: ["Mô hình, sáng kiến, ý tưởng mới được công nhận, khen thưởng"]
    )
    issued_by: str  # "Ban Thường vụ Hội Nông dân huyện Sông Hinh"
    honours: list[Honour]
    watermark: str = ""

    def __post_init__(self):
        super().__post_init__()
        if not self.articles:
            raise ValueError("a decision needs at least one article")

    @property
    def annex_reference(self) -> str:
        cited = citation(self.number, self.date, self.year)
        return f"(Kèm theo Quyết định {cited} của {self.issued_by})"


ANNEX_COLUMNS = [
    Column("TT", 9, "center"),
    Column(f"Tên {ENTRIES}", 45),
    Column("Đơn vị", 25),
    Column("Người chủ trì", 27),
    Column("Điểm", 13, "center"),
    Column("Xếp loại", 17, "center"),
    Column("Hình thức", 29, "center"),
]


def render_decision_docx(d: Decision) -> bytes:
    """The decision and its annex as the bytes of a .docx file."""
    page = PORTRAIT
    document = new_document(page)
    _add_table_style(document)
    add_heading_block(document, d, page.heading_widths, page.heading_indent)
    add_title(document, d, space_before=Pt(18))
    add_line(document, d.authority, bold=True).paragraph_format.space_after = Pt(12)
    for text in d.bases:
        add_body(document, text)
    decides = add_line(document, "QUYẾT ĐỊNH:", bold=True, space_before=Pt(6))
    decides.paragraph_format.space_after = Pt(6)
    decides.paragraph_format.keep_with_next = True
    for number, text in enumerate(d.articles, start=1):
        first, *more = text.strip().split("\n")
        paragraph = document.add_paragraph(style="Body Text")
        add_run(paragraph, f"Điều {number}.", bold=True)
        add_run(paragraph, f" {first.strip()}")
        for line in more:
            add_body(document, line.strip())
    add_signature_block(document, d, page.footing_widths)
    add_page_headers(document, d.watermark)
    _add_annex(document, d, page)
    set_core_properties(document, d)
    return to_bytes(document)


def _add_annex(document, d: Decision, page: Page) -> None:
    """The annex in a section of its own, starting a page and numbered from 1 again: the
    issuer's block at the top left, the title, the reference to the decision and the table."""
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
    rows = [
        [str(index), h.name, h.unit, h.lead, points(h.total), h.grade, h.outcome]
        for index, h in enumerate(d.honours, start=1)
    ]
    _add_table(document, ANNEX_COLUMNS, rows, size=Pt(12))
    add_line(document, f"Danh sách có {len(d.honours):02d} {ENTRIES}./.", align=LEFT)


# --- tables ---------------------------------------------------------------------------


def _add_table_style(document) -> None:
    """The table's own paragraphs: no indent, a little air above and below each line, none
    between the lines of one cell."""
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(2), Pt(2), 1.0
    style.element.get_or_add_pPr().insert_element_before(
        OxmlElement("w:contextualSpacing"), "w:mirrorIndents", "w:jc", "w:rPr"
    )


def _add_table(document, columns: list[Column], rows: list[list[str]], *, size) -> Table:
    """A bordered, centred, fixed-width table: a shaded heading row repeated on every page,
    rows that never split across pages, and narrow cell margins for the narrow columns."""
    widths = [Twips(Length(Mm(column.width_mm)).twips) for column in columns]
    total = Twips(sum(width.twips for width in widths))
    table = document.add_table(rows=0, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_table_width(table, total)
    set_table_borders(table, "single", BORDER)
    _set_cell_margins(table, _CELL_MARGIN)
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width
    style = document.styles[TABLE_STYLE]

    def add_row(cells: list[str], *properties: str, bold=False) -> list[_Cell]:
        row = table.add_row()
        set_row_properties(row._tr, "cantSplit", *properties)
        made = [_Cell(tc, table) for tc in row._tr.tc_lst]
        for cell, text, column in zip(made, cells, columns, strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            align = CENTRE if bold else ALIGNMENTS[column.align]
            for line in str(text).splitlines() or [""]:
                paragraph = add_line(cell, line, align=align, style=style, size=size, bold=bold)
                paragraph.paragraph_format.keep_together = True
        return made

    for cell in add_row([column.title for column in columns], "tblHeader", bold=True):
        _shade(cell)
    for row in rows:
        add_row(row)
    document.add_paragraph().paragraph_format.space_after = Pt(6)
    return table


def _set_cell_margins(table: Table, margin: Length) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(Length(margin).twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _shade(cell: _Cell) -> None:
    shd = OxmlElement("w:shd")
    for name, value in (("val", "clear"), ("color", "auto"), ("fill", HEADER_FILL)):
        shd.set(qn(f"w:{name}"), value)
    cell._tc.get_or_add_tcPr().insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


# --- certificates ---------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Certificate:
    """A certificate of merit ("GIẤY KHEN") for one honoured entry."""

    superior: str = ""  # "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    issuer: str  # "HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    title: str = "GIẤY KHEN"
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
    register_symbol: str = "GK"
    decision_number: str = ""  # "Số 25-QĐ/HNDH", the decision the certificate is given by
    decision_date: Date | None = None

    def __post_init__(self):
        if self.date is None and self.year is None:
            raise ValueError("an undated (draft) certificate needs its year")

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
    properties.title = unicodedata.normalize("NFC", f"{first.title} ({len(certs)})")
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
    add_line(document, "Tặng", size=Pt(16), italic=True).paragraph_format.space_after = Pt(6)
    recipient = add_line(document, cert.recipient, size=Pt(22), bold=True)
    recipient.paragraph_format.space_after = Pt(18)
    # The achievement as a narrower block, as certificates set it.
    achievement = add_line(document, cert.achievement, size=Pt(16), italic=True)
    fmt = achievement.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(20)
    fmt.line_spacing = 1.2
    entry = add_line(document, _quoted(cert.entry), size=Pt(18), bold=True, space_before=Pt(12))
    entry.paragraph_format.left_indent = entry.paragraph_format.right_indent = Mm(20)

    register, signature = two_columns(document, page.footing_widths)
    set_row_properties(register._tc.getparent(), "cantSplit")
    register.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    add_line(register, cert.register_line, align=LEFT, size=SMALL_SIZE)
    if cert.decision_line:
        add_line(register, cert.decision_line, align=LEFT, size=RECIPIENTS_SIZE, italic=True)
    add_line(signature, cert.date_line, italic=True, space_before=Pt(30))
    sign = cert.signature
    add_line(signature, sign.authority, bold=True)
    add_line(signature, sign.title, bold=True)
    if sign.note:
        add_line(signature, sign.note, italic=True)
    for _ in range(3 if sign.note else 4):
        add_line(signature, "")
    add_line(signature, sign.signer, bold=True)
