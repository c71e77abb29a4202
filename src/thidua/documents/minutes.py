"""The minutes of the evaluation council's meeting ("BIÊN BẢN"), as plain data, and their DOCX
rendering.

The minutes record who met, the score table, the vote on the list the council proposes and what
it proposes, and are signed by its secretary and its chair. Their members, criteria, score rows
and vote are `thidua.documents.council`'s. The texts are the document's own Vietnamese: they are
never translated.

The heading, title and page conventions are those of the plan and the list, from
`thidua.documents.word`. The minutes are on an A4 portrait page, as minutes are read and filed:
its score table fits there in 11 pt with up to five criteria (the seed plan's rubric has five);
with more, the whole minutes turn to the list's landscape page rather than one page of it, so
that they print, bind and number as one run of pages.
"""

import math
from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812 (fields below are called `date`)
from datetime import time as Time  # noqa: N812

from docx.shared import Length, Pt

from thidua.documents.council import ROLES, Criterion, Member, ScoreRow, Vote
from thidua.documents.dates import blank_date, official_date
from thidua.documents.formatting import DOTS, ENTRIES, Number, clock, points, quoted
from thidua.documents.frame import (
    add_heading_block,
    add_page_headers,
    add_title,
    set_core_properties,
)
from thidua.documents.official import OfficialFrame
from thidua.documents.tables import NARROW_MARGIN, Column, add_table, add_table_style
from thidua.documents.word import (
    LANDSCAPE,
    LEFT,
    PORTRAIT,
    RECIPIENTS_SIZE,
    Page,
    add_body,
    add_line,
    new_document,
    set_row_properties,
    to_bytes,
    two_columns,
)


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
        known = {member.present is not None for member in self.members}
        if len(known) > 1:
            raise ValueError("either every member's presence is known or none is")
        if self.vote is not None and self.vote.members != len(self.members):
            raise ValueError(
                f"the vote counts {self.vote.members} members, the list {len(self.members)}"
            )
        if self.vote is not None and self.presence_known:
            present = sum(bool(member.present) for member in self.members)
            if (self.vote.members, self.vote.present) != (len(self.members), present):
                raise ValueError(
                    f"the vote counts {self.vote.present}/{self.vote.members} members present, "
                    f"the list of members {present}/{len(self.members)}"
                )

    @property
    def presence_known(self) -> bool:
        """Whether the minutes know who came; if not, they list the council and count only
        (with the vote's figures, else blanks)."""
        return all(member.present is not None for member in self.members)

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
    add_table_style(document)
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
    add_table(
        document, _score_columns(m, page), _score_rows(m), size=size, cell_margin=NARROW_MARGIN
    )

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
    if not m.presence_known:
        _add_council(document, m)
        return
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


def _add_council(document, m: Minutes) -> None:
    """Who sits on the council, when who came is not known: the count from the vote, or
    blanks to fill in by hand, and nobody named as present or absent."""
    total = len(m.members)
    came = str(m.vote.present) if m.vote is not None else DOTS
    away = str(m.vote.members - m.vote.present) if m.vote is not None else DOTS
    add_body(
        document,
        f"1. Thành viên Hội đồng có mặt: {came}/{total} đồng chí; thành phần Hội đồng gồm:",
    )
    for index, member in enumerate(m.members):
        end = "." if index == total - 1 else ";"
        add_body(document, f"- {_member_line(member)}{end}")
    add_body(document, "2. Vắng mặt: không." if away == "0" else f"2. Vắng mặt: {away} đồng chí.")


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
            add_body(document, f"+ {quoted(row.name)} ({row.unit}){'.' if last else ';'}")


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
