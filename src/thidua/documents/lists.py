"""An official list ("DANH SÁCH") as plain data, and its DOCX rendering.

A list is the document the seed plan 115-KH/HNDH asks each commune for: "danh sách đăng ký
xây dựng mô hình, sáng kiến, ý tưởng mới". It has the heading of any official document (issuer
and national title side by side, number, place and date), a title, then a bordered table, and
ends with the recipients and the signature as the plan does.

The page, font, heading and signature conventions are those of the plan: both are set in the
frame of `thidua.documents.frame`, and the table is drawn as `thidua.documents.tables` draws
them. A list is set on a landscape page by default, for its wide table.

A list may hold further tables after its own (`ListPart`): the entries it does not count,
under a heading that says why, each with its state. Every table numbers its rows itself.
"""

from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812 (the field below is called `date`)

from docx.shared import Pt

from thidua.documents.frame import render_official
from thidua.documents.official import OfficialFrame, Signature
from thidua.documents.tables import (
    TABLE_STYLE,
    Column,
    Rows,
    add_space_after,
    add_table_style,
    new_table,
)
from thidua.documents.word import LANDSCAPE, PORTRAIT, add_body

TABLE_SIZE = Pt(12)  # tables in official lists are set in 12–13 pt


@dataclass(frozen=True, kw_only=True)
class ListPart:
    """A further table of a list, under its own heading: "Các mô hình … chưa tiếp nhận"."""

    heading: str
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)

    def __post_init__(self):
        _check_rows(self.columns, self.rows)


@dataclass(frozen=True, kw_only=True)
class OfficialList(OfficialFrame):
    superior: str = ""  # "HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    issuer: str  # "BCH HỘI NÔNG DÂN XÃ EA BÁ"
    number: str  # "Số      -DS/HNDX", or "" for a list without a number
    place: str  # "Ea Bá"
    date: Date | None = None  # None for a draft
    year: int | None = None  # printed on the blank date line of a draft (date None)
    doc_type: str = "DANH SÁCH"
    subject_lines: list[str] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)  # paragraphs before the table
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)  # "\n" in a cell separates its lines
    # (index of the row it comes before, heading): a bold row across the whole table, such as
    # "Hội Nông dân xã Ea Bá" before that unit's rows. An index of len(rows) puts it last.
    groups: list[tuple[int, str]] = field(default_factory=list)
    totals: list[str] | None = None  # a bold last row, one text per column
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    parts: list[ListPart] = field(default_factory=list)  # after the list's own table
    signature: Signature
    watermark: str = ""  # "DỰ THẢO"; a list that names no signer is marked so anyway
    landscape: bool = True

    def __post_init__(self):
        super().__post_init__()  # the date or, for a draft, the year
        _check_rows(self.columns, self.rows)
        width = len(self.columns)
        if self.totals is not None and len(self.totals) != width:
            raise ValueError(f"the totals row has {len(self.totals)} cells for {width} columns")
        for index, _heading in self.groups:
            if not 0 <= index <= len(self.rows):
                raise ValueError(f"group heading before row {index}, out of range")


def _check_rows(columns: list[Column], rows: list[list[str]]) -> None:
    if not columns:
        raise ValueError("a list needs at least one column")
    width = len(columns)
    for index, row in enumerate(rows):
        if len(row) != width:
            raise ValueError(f"row {index} has {len(row)} cells for {width} columns")


def render_list_docx(doc: OfficialList) -> bytes:
    """The list as the bytes of a .docx file."""
    page = LANDSCAPE if doc.landscape else PORTRAIT
    return render_official(
        doc, page, lambda document: _add_content(document, doc), title_space=Pt(12)
    )


def _add_content(document, doc: OfficialList) -> None:
    add_table_style(document, TABLE_SIZE)
    for text in doc.intro:
        add_body(document, text)
    _add_table(document, doc)
    for part in doc.parts:
        _add_part(document, part)
    for text in doc.closing:
        add_body(document, text)


# --- the parts of the document ---------------------------------------------------------


def _add_part(document, part: ListPart) -> None:
    """A further table under its bold heading, which never ends a page apart from it."""
    heading = add_body(document, part.heading, bold=True)
    heading.paragraph_format.keep_with_next = True
    heading.paragraph_format.space_before = Pt(6)
    table, _total = new_table(document, part.columns)
    rows = Rows(table, part.columns, style=document.styles[TABLE_STYLE], size=TABLE_SIZE)
    rows.heading()
    for row in part.rows:
        rows.text(row)
    rows.add()
    add_space_after(document)


def _add_table(document, doc: OfficialList) -> None:
    """The table, with the units' headings among its rows and the totals last."""
    table, _total = new_table(document, doc.columns)
    rows = Rows(table, doc.columns, style=document.styles[TABLE_STYLE], size=TABLE_SIZE)
    rows.heading()
    headings: dict[int, list[str]] = {}
    for index, heading in doc.groups:
        headings.setdefault(index, []).append(heading)
    for index, row in enumerate(doc.rows):
        for heading in headings.get(index, []):
            rows.across(heading)
        rows.text(row)
    for heading in headings.get(len(doc.rows), []):
        rows.across(heading)
    if doc.totals is not None:
        rows.text(doc.totals, bold=True)
    rows.add()
    add_space_after(document)
