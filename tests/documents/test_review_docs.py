"""The council's minutes, the decision with its annex and the certificates, as DOCX files."""

import unicodedata
import zipfile
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from tests.documents.reading import all_paragraphs, find, font_of, lines
from thidua.documents.official import Signature, number_line
from thidua.documents.review import (
    Certificate,
    Criterion,
    Decision,
    Honour,
    Member,
    Minutes,
    ScoreRow,
    Vote,
    citation,
    clock,
    points,
    render_certificates_docx,
    render_decision_docx,
    render_minutes_docx,
)

FONT = "Times New Roman"
MOVEMENT = "Phong trào thi đua “Sông Hinh đoàn kết sáng tạo” năm 2022"
CRITERIA = [
    Criterion(name="Tính mới", max_points=20),
    Criterion(name="Tính khoa học", max_points=20),
    Criterion(name="Tính hiệu quả", max_points=20),
    Criterion(name="Khả năng nhân rộng", short="Nhân rộng", max_points=20),
    Criterion(name="Tính bền vững", max_points=20),
]
# name, unit, lead, scores, total, grade, rank, outcome. The 2nd and 3rd tie on 84.
ENTRIES = [
    (
        "Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ",
        "Xã Ea Bá",
        "Y Đức Niê",
        [Decimal("19.33"), 18, Decimal("18.5"), 17, 18],
        Decimal("91.33"),
        "Xuất sắc",
        1,
        "Đề nghị giải thưởng “Người Việt đoàn kết sáng tạo”",
    ),
    (
        "Sổ tay điện tử ghi chép chi phí sản xuất",
        "Xã Ea Bar",
        "Nguyễn Văn Hùng",
        [18, 17, 17, 16, 16],
        84,
        "Tốt",
        2,
        "Khen thưởng",
    ),
    (
        "Chi hội nuôi bò vỗ béo giúp nhau giảm nghèo",
        "Thị trấn Hai Riêng",
        "H'Hen Ksơr",
        [16, 17, 18, 17, 16],
        84,
        "Tốt",
        2,
        "Khen thưởng",
    ),
    (
        "Ủ phân hữu cơ vi sinh từ phụ phẩm mì, bã mía",
        "Xã Sơn Giang",
        "Trần Thị Mỹ Lệ",
        [15, 14, 14, 13, 14],
        70,
        "Khá",
        4,
        "Công nhận",
    ),
    (
        "Tủ sách khuyến nông tại nhà văn hóa buôn",
        "Xã Ea Lâm",
        "Lê Quang Vũ",
        [10, 9, 8.5, 9, 8],
        44.5,
        "Không đạt",
        5,
        "",
    ),
]
MEMBERS = [
    Member(name="Bá Minh Hiếu", role="chair", position="Chủ tịch Hội Nông dân huyện"),
    Member(name="Lê Thị Hồng", role="secretary", position="Chánh Văn phòng"),
    Member(name="Nguyễn Văn An", role="member", position="Phó Chủ tịch Hội Nông dân huyện"),
    Member(name="Trần Văn Bình", role="member", position="Trưởng ban Kinh tế - Xã hội"),
    Member(name="Y Krông Ayun", role="member", position="Trưởng ban Tổ chức - Kiểm tra"),
]
VOTE = Vote(members=5, present=5, votes_for=4, votes_against=1)
VOTE_TEXT = (
    "Số thành viên có mặt: 5/5; đồng ý: 4; không đồng ý: 1; tỷ lệ đồng ý 80% ≥ 2/3: thông qua."
)
CHAIR = Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="Bá Minh Hiếu")
DECISION_DATE = date(2022, 10, 25)
ARTICLES = [
    "Công nhận, khen thưởng 04 mô hình, sáng kiến, ý tưởng mới có thành tích xuất sắc trong "
    f"{MOVEMENT} (có danh sách kèm theo).",
    "Văn phòng Hội Nông dân huyện chi tiền thưởng theo quy định.\nMức thưởng theo Quy chế "
    "thi đua, khen thưởng của Hội Nông dân huyện.",
    "Văn phòng, các ban của Hội Nông dân huyện, Hội Nông dân các xã, thị trấn và các tập "
    "thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành./.",
]


def sample_minutes(**changes) -> Minutes:
    fields = {
        "superior": "HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "issuer": "HỘI ĐỒNG ĐÁNH GIÁ MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI",
        "number": number_line(None, "BB/HNDH"),
        "place": "Sông Hinh",
        "date": date(2022, 10, 20),
        "subject_lines": ["Họp Hội đồng đánh giá mô hình, sáng kiến, ý tưởng mới", MOVEMENT],
        "start": time(14, 0),
        "end": time(16, 30),
        "venue": "Hội trường Hội Nông dân huyện Sông Hinh",
        "council": "Hội đồng đánh giá mô hình, sáng kiến, ý tưởng mới (thành lập theo Quyết "
        "định số 20-QĐ/HNDH ngày 03/10/2022 của Ban Thường vụ Hội Nông dân huyện)",
        "purpose": "đánh giá, xét công nhận mô hình, sáng kiến, ý tưởng mới năm 2022",
        "members": MEMBERS,
        "content": [
            "Đồng chí Chủ tịch Hội đồng thông qua mục đích, yêu cầu của cuộc họp và các tiêu "
            "chí chấm điểm theo Kế hoạch số 115-KH/HNDH ngày 08/3/2022.",
            "Thư ký Hội đồng báo cáo: đã nhận 05 hồ sơ của 05 đơn vị, đủ điều kiện xét.",
        ],
        "criteria": CRITERIA,
        "score_notes": ["Điểm của mỗi hồ sơ là trung bình cộng điểm của các thành viên chấm."],
        "rows": [
            ScoreRow(
                name=name,
                unit=unit,
                scores=scores,
                total=total,
                grade=grade,
                rank=rank,
                outcome=outcome,
            )
            for name, unit, _lead, scores, total, grade, rank, outcome in ENTRIES
        ],
        "max_total": 100,
        "vote": VOTE,
        "proposed_to": "Ban Thường vụ Hội Nông dân huyện",
        "closing": ["Biên bản đã được thông qua, các thành viên có mặt thống nhất."],
    }
    return Minutes(**{**fields, **changes})


def honours() -> list[Honour]:
    return [
        Honour(name=name, unit=unit, lead=lead, total=total, grade=grade, outcome=outcome)
        for name, unit, lead, _scores, total, grade, _rank, outcome in ENTRIES
        if outcome
    ]


def sample_decision(**changes) -> Decision:
    fields = {
        "superior": "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "issuer": "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "number": number_line(25, "QĐ/HNDH"),
        "place": "Sông Hinh",
        "date": DECISION_DATE,
        "subject_lines": [
            "Về việc công nhận, khen thưởng mô hình, sáng kiến, ý tưởng mới",
            MOVEMENT,
        ],
        "authority": "BAN THƯỜNG VỤ HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "bases": [
            "- Căn cứ Điều lệ Hội Nông dân Việt Nam;",
            "- Căn cứ Kế hoạch số 115-KH/HNDH ngày 08/3/2022 của Ban Thường vụ Hội Nông dân "
            f"huyện về thực hiện {MOVEMENT};",
            "- Xét đề nghị của Hội đồng đánh giá mô hình, sáng kiến, ý tưởng mới,",
        ],
        "articles": ARTICLES,
        "recipients": ["Như Điều 3;", "Hội ND tỉnh (b/c);", "Lưu VT, VP."],
        "signature": CHAIR,
        "issued_by": "Ban Thường vụ Hội Nông dân huyện Sông Hinh",
        "honours": honours(),
    }
    return Decision(**{**fields, **changes})


def sample_certificates() -> list[Certificate]:
    return [
        Certificate(
            superior="HỘI NÔNG DÂN TỈNH PHÚ YÊN",
            issuer="HỘI NÔNG DÂN HUYỆN SÔNG HINH",
            recipient=f"Hội Nông dân {h.unit[0].lower()}{h.unit[1:]}",
            achievement=f"Đã có thành tích xuất sắc trong {MOVEMENT} với mô hình, sáng kiến:",
            entry=h.name,
            place="Sông Hinh",
            date=DECISION_DATE,
            signature=CHAIR,
            register_number=index,
            decision_number=number_line(25, "QĐ/HNDH"),
            decision_date=DECISION_DATE,
        )
        for index, h in enumerate(honours(), start=1)
    ]


def reopen(data: bytes, tmp_path, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    return Document(str(path))


@pytest.fixture
def minutes(tmp_path):
    return reopen(render_minutes_docx(sample_minutes()), tmp_path, "minutes.docx")


@pytest.fixture
def decision(tmp_path):
    return reopen(render_decision_docx(sample_decision()), tmp_path, "decision.docx")


@pytest.fixture
def certificates(tmp_path):
    return reopen(render_certificates_docx(sample_certificates()), tmp_path, "giay-khen.docx")


def texts(document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def bordered(document) -> list:
    """The tables with lines, as opposed to the layout tables of the heading and signature."""
    return [
        table
        for table in document.tables
        if {e.get(qn("w:val")) for e in table._tbl.tblPr.find(qn("w:tblBorders"))} != {"nil"}
    ]


def repeats_heading(table) -> bool:
    rows = table.rows
    return rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None and all(
        row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:]
    )


@pytest.mark.parametrize("render", ["minutes", "decision", "certificates"])
def test_times_new_roman_everywhere_and_nfc(render, request):
    document = request.getfixturevalue(render)
    runs = [run for paragraph in all_paragraphs(document) for run in paragraph.runs if run.text]
    assert runs
    assert {font_of(run) for run in runs} == {FONT}
    for run in runs:
        assert run.text == unicodedata.normalize("NFC", run.text)


# --- texts ----------------------------------------------------------------------------


def test_points_clock_and_citation():
    assert points(Decimal("18.50")) == "18,5"
    assert points(85.333) == "85,33"
    assert points(Decimal("20.00")) == "20"
    assert points(None) == ""
    assert clock(time(8, 5)) == "08 giờ 05"
    assert clock(None) == "…… giờ ……"
    assert citation("Số 25-QĐ/HNDH", date(2022, 10, 25)) == "số 25-QĐ/HNDH ngày 25/10/2022"
    assert (
        citation("Số      -QĐ/HNDH", None, 2022) == "số      -QĐ/HNDH ngày      tháng      năm 2022"
    )


def test_vote_shares_and_threshold():
    assert VOTE.text == VOTE_TEXT
    assert VOTE.required == 4
    short = Vote(members=5, present=5, votes_for=3, votes_against=2)
    assert not short.approved
    assert short.text.endswith("tỷ lệ đồng ý 60% < 2/3: không thông qua.")
    two_thirds = Vote(members=6, present=5, votes_for=4, votes_against=0)
    assert two_thirds.approved
    assert two_thirds.text == (
        "Số thành viên có mặt: 5/6; đồng ý: 4; không đồng ý: 0; không biểu quyết: 1; "
        "tỷ lệ đồng ý 66,7% ≥ 2/3: thông qua."
    )
    with pytest.raises(ValueError, match="more votes"):
        Vote(members=5, present=4, votes_for=4, votes_against=1)


# --- the minutes ----------------------------------------------------------------------


def test_minutes_heading_and_title(minutes):
    issuer, nation = minutes.tables[0].rows[0].cells
    assert lines(issuer) == [
        "HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "HỘI ĐỒNG ĐÁNH GIÁ MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI",
        "*",
        "Số      -BB/HNDH",
    ]
    assert lines(nation)[-1] == "Sông Hinh, ngày 20 tháng 10 năm 2022"
    doc_type = find(minutes, "BIÊN BẢN")
    assert doc_type.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert doc_type.runs[0].font.bold
    for line in sample_minutes().subject_lines:
        assert find(minutes, line).runs[0].font.bold


def test_minutes_portrait_with_five_criteria_landscape_with_more(minutes, tmp_path):
    section = minutes.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    (table,) = bordered(minutes)
    text_width = section.page_width - section.left_margin - section.right_margin
    assert sum(col.w for col in table._tbl.tblGrid.gridCol_lst) <= text_width

    criteria = [*CRITERIA, Criterion(name="Tính kinh tế", max_points=10)]
    rows = [replace(row, scores=[*row.scores, 5]) for row in sample_minutes().rows]
    wide = reopen(
        render_minutes_docx(sample_minutes(criteria=criteria, rows=rows)), tmp_path, "wide.docx"
    )
    section = wide.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((297, 210), abs=0.5)
    (table,) = bordered(wide)
    assert len(table.columns) == 3 + 6 + 3
    text_width = section.page_width - section.left_margin - section.right_margin
    assert sum(col.w for col in table._tbl.tblGrid.gridCol_lst) <= text_width


def test_minutes_meeting_and_members(minutes):
    body = texts(minutes)
    assert body[body.index("BIÊN BẢN") + 4].startswith(
        "Vào lúc 14 giờ 00, ngày 20 tháng 10 năm 2022, tại Hội trường Hội Nông dân huyện Sông "
        "Hinh, Hội đồng đánh giá mô hình, sáng kiến, ý tưởng mới (thành lập theo"
    )
    assert "1. Thành viên Hội đồng có mặt: 5/5 đồng chí, gồm:" in body
    assert "- Đồng chí Bá Minh Hiếu, Chủ tịch Hội Nông dân huyện - Chủ tịch Hội đồng;" in body
    assert "- Đồng chí Lê Thị Hồng, Chánh Văn phòng - Thư ký Hội đồng;" in body
    assert "- Đồng chí Y Krông Ayun, Trưởng ban Tổ chức - Kiểm tra - Thành viên." in body
    assert "2. Vắng mặt: không." in body


def test_minutes_absent_member(tmp_path):
    members = [*MEMBERS[:4], replace(MEMBERS[4], present=False, absence_reason="đi công tác")]
    vote = Vote(members=5, present=4, votes_for=4, votes_against=0)
    document = reopen(
        render_minutes_docx(sample_minutes(members=members, vote=vote)), tmp_path, "m.docx"
    )
    body = texts(document)
    assert "1. Thành viên Hội đồng có mặt: 4/5 đồng chí, gồm:" in body
    assert (
        "- Đồng chí Y Krông Ayun, Trưởng ban Tổ chức - Kiểm tra - Thành viên "
        "(lý do: đi công tác)." in body
    )
    with pytest.raises(ValueError, match="members present"):
        sample_minutes(members=members)  # the vote says 5/5


def test_score_table_heading(minutes):
    (table,) = bordered(minutes)
    assert [cell.text for cell in table.rows[0].cells] == [
        "TT",
        "Tên mô hình, sáng kiến, ý tưởng mới",
        "Đơn vị",
        "Tính mới\n(20)",
        "Tính khoa học\n(20)",
        "Tính hiệu quả\n(20)",
        "Nhân rộng\n(20)",
        "Tính bền vững\n(20)",
        "Tổng\n(100)",
        "Xếp loại",
        "Xếp hạng",
    ]
    for cell in table.rows[0].cells:
        assert {run.font.bold for p in cell.paragraphs for run in p.runs} == {True}
        assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"
    assert repeats_heading(table)
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_score_table_rows_and_the_tie(minutes):
    (table,) = bordered(minutes)
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert len(rows) == 5
    assert rows[0] == [
        "1",
        "Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ",
        "Xã Ea Bá",
        "19,33",
        "18",
        "18,5",
        "17",
        "18",
        "91,33",
        "Xuất sắc",
        "1",
    ]
    assert [row[-4:] for row in rows[1:3]] == [["16", "84", "Tốt", "2"], ["16", "84", "Tốt", "2"]]
    assert rows[3][-1] == "4"
    assert rows[4][5] == "8,5"
    table_borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in table_borders} == {"single"}
    first = table.rows[1].cells
    assert first[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert first[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert first[3].paragraphs[0].runs[0].font.size == Pt(11)


def test_blind_scoring_is_the_callers_text(tmp_path):
    rows = [replace(row, unit=f"Hồ sơ số {i}") for i, row in enumerate(sample_minutes().rows, 1)]
    document = reopen(
        render_minutes_docx(sample_minutes(rows=rows, unit_heading="Hồ sơ")), tmp_path, "b.docx"
    )
    (table,) = bordered(document)
    assert table.rows[0].cells[2].text == "Hồ sơ"
    assert table.rows[2].cells[2].text == "Hồ sơ số 2"


def test_minutes_order_vote_and_proposals(minutes):
    body = texts(minutes)
    children = list(minutes.element.body)
    (table,) = bordered(minutes)
    vote = find(minutes, VOTE_TEXT)
    assert children.index(find(minutes, "1. Kết quả chấm điểm")._p) < children.index(table._tbl)
    assert children.index(table._tbl) < children.index(vote._p)
    proposals = body[body.index("3. Hội đồng đề nghị") :]
    assert proposals[1:9] == [
        "Hội đồng thống nhất đề nghị Ban Thường vụ Hội Nông dân huyện:",
        "- Đề nghị giải thưởng “Người Việt đoàn kết sáng tạo”: 01 mô hình, sáng kiến, ý tưởng "
        "mới, gồm:",
        "+ “Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ” (Xã Ea Bá);",
        "- Khen thưởng: 02 mô hình, sáng kiến, ý tưởng mới, gồm:",
        "+ “Sổ tay điện tử ghi chép chi phí sản xuất” (Xã Ea Bar);",
        "+ “Chi hội nuôi bò vỗ béo giúp nhau giảm nghèo” (Thị trấn Hai Riêng);",
        "- Công nhận: 01 mô hình, sáng kiến, ý tưởng mới, gồm:",
        "+ “Ủ phân hữu cơ vi sinh từ phụ phẩm mì, bã mía” (Xã Sơn Giang).",
    ]
    closing = "Biên bản kết thúc lúc 16 giờ 30 cùng ngày./."
    assert body.index(closing) > body.index(proposals[8])
    assert find(minutes, closing).paragraph_format.keep_with_next


def test_minutes_signatures(minutes):
    secretary, chair = minutes.tables[-1].rows[0].cells
    assert [text for text in lines(secretary) if text] == ["THƯ KÝ", "Lê Thị Hồng"]
    assert [text for text in lines(chair) if text] == ["CHỦ TỊCH HỘI ĐỒNG", "Bá Minh Hiếu"]
    for cell in (secretary, chair):
        assert {run.font.bold for p in cell.paragraphs for run in p.runs} == {True}
    assert minutes.tables[-1].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    assert "Nơi nhận:" not in texts(minutes)


def test_a_draft_minutes_leaves_blanks(tmp_path):
    draft = sample_minutes(date=None, year=2022, start=None, end=None, vote=None)
    document = reopen(render_minutes_docx(draft), tmp_path, "draft.docx")
    body = texts(document)
    assert any(t.startswith("Vào lúc …… giờ ……, ngày      tháng      năm 2022,") for t in body)
    assert "Số thành viên có mặt: ……/5; đồng ý: ……; không đồng ý: ……; tỷ lệ đồng ý ……%." in body
    assert "Biên bản kết thúc lúc …… giờ …… cùng ngày./." in body


def test_minutes_validation():
    with pytest.raises(ValueError, match="exactly one chair"):
        sample_minutes(members=MEMBERS[1:])
    with pytest.raises(ValueError, match="row 0 has 4 scores"):
        sample_minutes(rows=[replace(sample_minutes().rows[0], scores=[1, 2, 3, 4])])
    with pytest.raises(ValueError, match="role"):
        Member(name="X", role="president")


# --- the decision ---------------------------------------------------------------------


def test_decision_heading_title_and_authority(decision):
    issuer, nation = decision.tables[0].rows[0].cells
    assert lines(issuer)[-1] == "Số 25-QĐ/HNDH"
    assert lines(nation)[-1] == "Sông Hinh, ngày 25 tháng 10 năm 2022"
    body = texts(decision)
    start = body.index("QUYẾT ĐỊNH")
    assert body[start : start + 5] == [
        "QUYẾT ĐỊNH",
        "Về việc công nhận, khen thưởng mô hình, sáng kiến, ý tưởng mới",
        MOVEMENT,
        "-----",
        "BAN THƯỜNG VỤ HỘI NÔNG DÂN HUYỆN SÔNG HINH",
    ]
    authority = find(decision, "BAN THƯỜNG VỤ HỘI NÔNG DÂN HUYỆN SÔNG HINH")
    assert authority.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert authority.runs[0].font.bold


def test_decision_bases_and_articles_in_order(decision):
    body = texts(decision)
    bases = sample_decision().bases
    decides = find(decision, "QUYẾT ĐỊNH:")
    assert decides.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert decides.runs[0].font.bold
    articles = [text for text in body if text.startswith("Điều ")]
    assert [text[:8] for text in articles] == ["Điều 1. ", "Điều 2. ", "Điều 3. "]
    assert articles[0] == f"Điều 1. {ARTICLES[0]}"
    assert "(có danh sách kèm theo)" in articles[0]
    order = [
        *(body.index(text) for text in bases),
        body.index("QUYẾT ĐỊNH:"),
        *(body.index(text) for text in articles),
    ]
    assert order == sorted(order)
    # The second paragraph of article 2 follows it.
    assert body[body.index(articles[1]) + 1].startswith("Mức thưởng theo Quy chế")
    label, rest = find(decision, articles[1]).runs
    assert label.text == "Điều 2."
    assert label.font.bold
    assert not rest.font.bold


def test_decision_signature(decision):
    (signature_table,) = [t for t in decision.tables if lines(t.cell(0, 0))[:1] == ["Nơi nhận:"]]
    recipients, signature = signature_table.rows[0].cells
    assert lines(recipients)[1:] == ["- Như Điều 3;", "- Hội ND tỉnh (b/c);", "- Lưu VT, VP."]
    assert [text for text in lines(signature) if text] == [
        "T/M BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Bá Minh Hiếu",
    ]


def test_annex_starts_a_new_page_after_the_signature(decision):
    assert len(decision.sections) == 2
    _decision, annex = decision.sections
    assert annex.start_type == WD_SECTION.NEW_PAGE
    assert annex.orientation == WD_ORIENT.PORTRAIT
    # Numbered from 1 again, and without a number on its first page.
    assert annex._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert annex.different_first_page_header_footer
    children = list(decision.element.body)
    (breaking,) = [
        p
        for p in decision.element.body.iter(qn("w:p"))
        if p.find(qn("w:pPr")) is not None and p.pPr.find(qn("w:sectPr")) is not None
    ]
    (table,) = bordered(decision)
    assert children.index(breaking) < children.index(table._tbl)
    signature_at = max(
        children.index(t._tbl) for t in decision.tables if "T/M BAN THƯỜNG VỤ" in t.cell(0, 1).text
    )
    assert signature_at < children.index(breaking)


def test_annex_title_and_table(decision):
    body = texts(decision)
    start = body.index("DANH SÁCH")
    assert body[start + 1] == "Mô hình, sáng kiến, ý tưởng mới được công nhận, khen thưởng"
    assert body[start + 2] == (
        "(Kèm theo Quyết định số 25-QĐ/HNDH ngày 25/10/2022 của Ban Thường vụ Hội Nông dân "
        "huyện Sông Hinh)"
    )
    assert find(decision, body[start + 2]).runs[0].font.italic
    (table,) = bordered(decision)
    assert [cell.text for cell in table.rows[0].cells] == [
        "TT",
        "Tên mô hình, sáng kiến, ý tưởng mới",
        "Đơn vị",
        "Người chủ trì",
        "Điểm",
        "Xếp loại",
        "Hình thức",
    ]
    assert repeats_heading(table)
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(honours()) == 4
    assert rows[1] == [
        "2",
        "Sổ tay điện tử ghi chép chi phí sản xuất",
        "Xã Ea Bar",
        "Nguyễn Văn Hùng",
        "84",
        "Tốt",
        "Khen thưởng",
    ]
    assert "Danh sách có 04 mô hình, sáng kiến, ý tưởng mới./." in body


def test_a_draft_decision(tmp_path):
    draft = sample_decision(number=number_line(None, "QĐ/HNDH"), date=None, year=2022)
    draft = replace(draft, watermark="DỰ THẢO")
    document = reopen(render_decision_docx(draft), tmp_path, "draft.docx")
    assert lines(document.tables[0].cell(0, 0))[-1] == "Số      -QĐ/HNDH"
    assert (
        "(Kèm theo Quyết định số      -QĐ/HNDH ngày      tháng      năm 2022 của Ban Thường vụ "
        "Hội Nông dân huyện Sông Hinh)" in texts(document)
    )
    assert "DỰ THẢO" in document.sections[0].first_page_header.paragraphs[0].text


def test_core_properties(decision):
    assert decision.core_properties.title.startswith("QUYẾT ĐỊNH Về việc công nhận")
    assert decision.core_properties.subject == "Số 25-QĐ/HNDH"


# --- certificates ---------------------------------------------------------------------


def test_certificates_are_a4_landscape_one_a_page(certificates):
    count = len(sample_certificates())
    assert len(certificates.sections) == count
    for section in certificates.sections:
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert section.page_width.mm == pytest.approx(297, abs=0.5)
        assert section.page_height.mm == pytest.approx(210, abs=0.5)
        assert section.page_width > section.page_height
        borders = section._sectPr.find(qn("w:pgBorders"))
        assert borders is not None
        assert len(borders) == 4
    for section in certificates.sections[1:]:
        assert section.start_type == WD_SECTION.NEW_PAGE
    titles = [p for p in certificates.paragraphs if p.text == "GIẤY KHEN"]
    assert len(titles) == count


def test_certificate_title_and_texts(certificates):
    title = next(p for p in certificates.paragraphs if p.text == "GIẤY KHEN")
    (run,) = title.runs
    assert run.font.size >= Pt(32)
    assert run.font.bold
    assert run.font.color.rgb == RGBColor(0xB0, 0x1E, 0x23)
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    body = texts(certificates)
    for cert in sample_certificates():
        recipient = next(p for p in certificates.paragraphs if p.text == cert.recipient)
        assert recipient.runs[0].font.bold
        assert recipient.runs[0].font.size >= Pt(18)
        assert f"“{cert.entry}”" in body
    achievement = next(p for p in certificates.paragraphs if p.text.startswith("Đã có thành tích"))
    assert achievement.runs[0].font.italic


def test_certificate_heading_register_and_signature(certificates):
    issuer, nation = certificates.tables[0].rows[0].cells
    assert lines(issuer) == ["HỘI NÔNG DÂN TỈNH PHÚ YÊN", "HỘI NÔNG DÂN HUYỆN SÔNG HINH", "*"]
    assert issuer.paragraphs[1].runs[0].font.bold
    assert lines(nation) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    register, signature = certificates.tables[1].rows[0].cells
    assert lines(register) == ["Số 01/GK", "Quyết định số 25-QĐ/HNDH ngày 25/10/2022"]
    assert [text for text in lines(signature) if text] == [
        "Sông Hinh, ngày 25 tháng 10 năm 2022",
        "T/M BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Bá Minh Hiếu",
    ]
    assert signature.paragraphs[0].runs[0].font.italic
    last_register = certificates.tables[-1].rows[0].cells[0]
    assert lines(last_register)[0] == "Số 04/GK"


def test_a_certificate_without_register_number(tmp_path):
    cert = replace(sample_certificates()[0], register_number=None, decision_number="")
    document = reopen(render_certificates_docx([cert]), tmp_path, "one.docx")
    assert len(document.sections) == 1
    assert lines(document.tables[1].cell(0, 0)) == ["Số      /GK"]


def test_outputs_are_plain_docx_packages():
    for data in (
        render_minutes_docx(sample_minutes()),
        render_decision_docx(sample_decision()),
        render_certificates_docx(sample_certificates()),
    ):
        with zipfile.ZipFile(BytesIO(data)) as package:
            assert "word/document.xml" in package.namelist()
            assert package.testzip() is None
