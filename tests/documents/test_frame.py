"""The frame of official documents in Word (documents/frame.py): the lines of the issuer block,
broken where a person would break them, and the signature block kept with the text it closes."""

import csv
from datetime import date
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Length, Mm
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents.reading import PDFTOTEXT, SOFFICE, lines, printed_pages, reopen
from thidua.documents.docx import render_docx
from thidua.documents.lists import ListPart, OfficialList, render_list_docx
from thidua.documents.official import (
    OfficialDocument,
    Section,
    Signature,
    balanced_lines,
    split_name,
    text_width,
)
from thidua.documents.tables import Column
from thidua.documents.word import CELL_MARGIN, LANDSCAPE, PORTRAIT, SMALL_SIZE
from thidua.org.models import Unit, UnitKind, UnitLevel
from thidua.org.models.units import KIND_WORD
from thidua.plans.domain.defaults import header_lines

DATA = Path(__file__).resolve().parents[2] / "src" / "thidua" / "org" / "data"
KINDS = {word: kind for kind, word in KIND_WORD.items() if word}
LEVELS = {"province": UnitLevel.PROVINCE, "district": UnitLevel.DISTRICT, "ward": UnitLevel.COMMUNE}
SIGNER = Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="Bá Minh Hiếu")


def every_unit() -> list[Unit]:
    """Every unit of Vietnam, before and after 1/7/2025, as unsaved units under their parents."""
    central = Unit(name="Việt Nam", kind=UnitKind.CENTRAL, level=UnitLevel.CENTRAL)
    units = []
    for name in ("units_legacy.csv", "units_current.csv"):
        by_code = {}
        with (DATA / name).open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                level = LEVELS[row["level"]]
                parent = by_code.get((level - 1, row["parent_code"]), central)
                unit = Unit(name=row["name"], kind=KINDS[row["kind"]], level=level, parent=parent)
                by_code[(level, row["code"])] = unit
                units.append(unit)
    return units


def room(page) -> Length:
    """What the issuer's cell leaves for its text."""
    return Length(page.heading_widths[0] - 2 * CELL_MARGIN)


def check_broken_well(text: str, place: str, broken: list[str], width, *, bold: bool) -> None:
    assert " ".join(broken) == " ".join(text.split()), broken
    if len(text.split()) > 1:
        # No line holds one word alone …
        assert all(len(line.split()) >= 2 for line in broken), broken
    if place:
        # … the place is never broken …
        assert any(place in line for line in broken), (place, broken)
    # … and every line fits, unless the place alone is wider than the column.
    if text_width(place, SMALL_SIZE, bold=bold) <= width:
        assert all(text_width(line, SMALL_SIZE, bold=bold) <= width for line in broken), broken


def test_issuer_lines_of_every_unit_of_vietnam_break_between_words_and_never_in_a_place():
    units = every_unit()
    assert len(units) > 10_000
    seen = set()
    for unit in units:
        superior, issuer = header_lines(unit)
        for text, place, bold in (
            (superior, unit.parent.name.upper(), False),
            (issuer, unit.name.upper(), True),
        ):
            if (text, bold) in seen:
                continue
            seen.add((text, bold))
            for page in (PORTRAIT, LANDSCAPE):
                width = room(page)
                broken = balanced_lines(text, width, size=SMALL_SIZE, bold=bold)
                check_broken_well(text, place, broken, width, bold=bold)


def test_a_name_that_fits_stays_on_one_line_and_the_others_break_before_the_place():
    width = room(PORTRAIT)
    assert balanced_lines("HỘI NÔNG DÂN TỈNH PHÚ YÊN", width, size=SMALL_SIZE) == [
        "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    ]
    assert balanced_lines(
        "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH", width, size=SMALL_SIZE, bold=True
    ) == [
        "BCH HỘI NÔNG DÂN",
        "HUYỆN SÔNG HINH",
    ]
    assert balanced_lines(
        "BCH HỘI NÔNG DÂN THÀNH PHỐ HỒ CHÍ MINH", width, size=SMALL_SIZE, bold=True
    ) == ["BCH HỘI NÔNG DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]
    wide = room(LANDSCAPE)
    assert balanced_lines("BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH", wide, size=SMALL_SIZE, bold=True) == [
        "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    ]


NAME_WORD = st.text(alphabet="ABCDEGHIKLMNOPQRSTUVXYĐÂÊÔƠƯĂÁÀẢÃẠỨỪỬỮỰỚỜỞỠỢ", min_size=1, max_size=9)


@settings(max_examples=300, deadline=None)
@given(
    body=st.lists(NAME_WORD, min_size=0, max_size=6),
    kind=st.sampled_from(["TỈNH", "HUYỆN", "THỊ XÃ", "THÀNH PHỐ", "XÃ", "PHƯỜNG", "THỊ TRẤN", ""]),
    place=st.lists(NAME_WORD, min_size=1, max_size=5),
    width_mm=st.integers(min_value=30, max_value=120),
    bold=st.booleans(),
)
def test_any_name_breaks_between_words_never_one_alone_never_in_the_place(
    body, kind, place, width_mm, bold
):
    place_name = " ".join(place)
    text = " ".join(filter(None, [*body, kind, place_name]))
    _body, kind_words, found = split_name(text)
    width = Mm(width_mm)
    broken = balanced_lines(text, width, size=SMALL_SIZE, bold=bold)
    assert " ".join(broken) == text
    if len(text.split()) > 1:
        assert all(len(line.split()) >= 2 for line in broken), broken
    if kind:
        assert kind_words == kind.split()
        # The place found is the one named, or a longer one when its own words name a kind.
        assert found.endswith(place_name)
        assert any(found in line for line in broken), broken


# --- the issuer block in the DOCX ----------------------------------------------------


def plan(**changes) -> OfficialDocument:
    fields = {
        "superior": "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "issuer": "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "number": "Số 115-KH/HNDH",
        "place": "Sông Hinh",
        "date": date(2022, 3, 8),
        "doc_type": "KẾ HOẠCH",
        "subject_lines": ["Thực hiện phong trào thi đua năm 2022"],
        "sections": [Section(heading="I. NỘI DUNG", paragraphs=["Thi đua sáng tạo."])],
        "closing": ["Trên đây là Kế hoạch thực hiện phong trào thi đua năm 2022./."],
        "recipients": ["Lưu VT, VP."],
        "signature": SIGNER,
    }
    return OfficialDocument(**{**fields, **changes})


def test_the_issuer_block_holds_its_lines_broken_by_line_breaks(tmp_path):
    document = reopen(render_docx(plan()), tmp_path, "plan.docx")
    superior, issuer, star, _number = document.tables[0].cell(0, 0).paragraphs
    assert superior.text == "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    assert issuer.text == "BCH HỘI NÔNG DÂN\nHUYỆN SÔNG HINH"
    assert len(issuer._p.findall(f".//{qn('w:br')}")) == 1
    assert {run.font.bold for run in issuer.runs if run.text} == {True}
    assert star.text == "*"


# --- the signature never on a page of its own ----------------------------------------


def keeps_with_next(paragraph_element) -> bool:
    ppr = paragraph_element.pPr
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


def keeps_whole(paragraph_element) -> bool:
    ppr = paragraph_element.pPr
    return ppr is not None and ppr.find(qn("w:keepLines")) is not None


def check_signature_kept_with_the_text(document) -> None:
    """The body's last element before the signature table keeps with it: a paragraph with
    text whole and with the next; an empty one with the next, and so does what is above it."""
    body = [e for e in document.element.body if e.tag in (qn("w:p"), qn("w:tbl"))]
    signature = document.tables[-1]._tbl
    assert body[-1] is signature
    assert signature.tr_lst[0].trPr.find(qn("w:cantSplit")) is not None
    before = body[:-1]
    element = before.pop()
    while element.tag == qn("w:p") and not "".join(element.itertext()).strip():
        assert keeps_with_next(element)
        element = before.pop()
    if element.tag == qn("w:p"):
        assert keeps_with_next(element)
        assert keeps_whole(element)
    else:
        last_row = element.tr_lst[-1]
        paragraphs = last_row.findall(f".//{qn('w:p')}")
        assert paragraphs
        assert all(keeps_with_next(p) for p in paragraphs)


@settings(max_examples=25, deadline=None)
@given(
    paragraphs=st.lists(st.text(alphabet="abc đêô ", min_size=1, max_size=300), max_size=8),
    closing=st.booleans(),
)
def test_a_plans_signature_is_kept_with_its_last_paragraph(tmp_path_factory, paragraphs, closing):
    doc = plan(
        sections=[Section(heading="I. NỘI DUNG", paragraphs=paragraphs)],
        closing=["Trên đây là Kế hoạch./."] if closing else [],
    )
    path = tmp_path_factory.mktemp("plans")
    check_signature_kept_with_the_text(reopen(render_docx(doc), path, "plan.docx"))


COLUMNS = [Column("TT", 12, "center"), Column("Tên", 80)]


@settings(max_examples=25, deadline=None)
@given(
    rows=st.integers(min_value=0, max_value=6),
    parts=st.integers(min_value=0, max_value=2),
    closing=st.booleans(),
)
def test_a_lists_signature_is_kept_with_its_last_row_or_paragraph(
    tmp_path_factory, rows, parts, closing
):
    listing = OfficialList(
        superior="HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        issuer="BCH HỘI NÔNG DÂN XÃ EA BÁ",
        number="Số      -DS/HNDX",
        place="Ea Bá",
        date=date(2022, 4, 5),
        columns=COLUMNS,
        rows=[[str(i), f"Mô hình {i}"] for i in range(1, rows + 1)],
        parts=[
            ListPart(heading=f"Phần {p}", columns=COLUMNS, rows=[["1", "Mô hình trả lại"]])
            for p in range(parts)
        ],
        closing=["Danh sách gồm các mô hình trên./."] if closing else [],
        signature=SIGNER,
    )
    path = tmp_path_factory.mktemp("lists")
    check_signature_kept_with_the_text(reopen(render_list_docx(listing), path, "list.docx"))


def test_the_signature_block_is_printed_whole(tmp_path):
    signature = reopen(render_docx(plan()), tmp_path, "plan.docx").tables[-1]
    assert [text for text in lines(signature.cell(0, 1)) if text] == [
        "T/M BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Bá Minh Hiếu",
    ]


# --- on the printed page (LibreOffice) -------------------------------------------------


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="needs LibreOffice and pdftotext")
def test_on_paper_the_signature_never_sits_alone_on_the_last_page(tmp_path):
    """Plans whose text ends at every height of a page: wherever the page breaks, the
    signer's name is printed on the same page as the closing paragraph."""
    files = []
    for count in range(22, 48):
        filler = [f"Đoạn thứ {i} của nội dung kế hoạch." for i in range(1, count + 1)]
        doc = plan(sections=[Section(heading="I. NỘI DUNG", paragraphs=filler)])
        path = tmp_path / f"plan-{count}.docx"
        path.write_bytes(render_docx(doc))
        files.append(path)
    pages = printed_pages(files, tmp_path)
    breaks = 0
    for name, texts in pages.items():
        printed = [text for text in texts if text.strip()]
        breaks += len(printed) > 1
        (signed,) = [text for text in printed if "Bá Minh Hiếu" in text]
        assert "Trên đây là Kế hoạch" in signed, name
    assert breaks  # the documents did reach a second page
