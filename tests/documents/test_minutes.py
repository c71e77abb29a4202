"""The council's minutes ("BIÊN BẢN") as a DOCX file."""

import unicodedata
from dataclasses import replace
from datetime import date, time

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.documents.reading import (
    bordered,
    find,
    font_of,
    is_plain_docx,
    lines,
    printed_runs,
    reopen,
    repeats_heading,
    texts,
)
from tests.documents.samples import ENTRIES, FONT, MOVEMENT, VOTE, VOTE_TEXT
from thidua.documents.council import Criterion, Member, ScoreRow, Vote
from thidua.documents.minutes import Minutes, render_minutes_docx
from thidua.documents.official import number_line

CRITERIA = [
    Criterion(name="Tính mới", max_points=20),
    Criterion(name="Tính khoa học", max_points=20),
    Criterion(name="Tính hiệu quả", max_points=20),
    Criterion(name="Khả năng nhân rộng", short="Nhân rộng", max_points=20),
    Criterion(name="Tính bền vững", max_points=20),
]
MEMBERS = [
    Member(name="Bá Minh Hiếu", role="chair", position="Chủ tịch Hội Nông dân huyện"),
    Member(name="Lê Thị Hồng", role="secretary", position="Chánh Văn phòng"),
    Member(name="Nguyễn Văn An", role="member", position="Phó Chủ tịch Hội Nông dân huyện"),
    Member(name="Trần Văn Bình", role="member", position="Trưởng ban Kinh tế - Xã hội"),
    Member(name="Y Krông Ayun", role="member", position="Trưởng ban Tổ chức - Kiểm tra"),
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


@pytest.fixture
def minutes(tmp_path):
    return reopen(render_minutes_docx(sample_minutes()), tmp_path, "minutes.docx")


def test_times_new_roman_everywhere_and_nfc(minutes):
    runs = printed_runs(minutes)
    assert runs
    assert {font_of(run) for run in runs} == {FONT}
    for run in runs:
        assert run.text == unicodedata.normalize("NFC", run.text)


def test_minutes_heading_and_title(minutes):
    issuer, nation = minutes.tables[0].rows[0].cells
    # As read: a long name may be broken over lines of the same paragraph.
    assert [line.replace("\n", " ") for line in lines(issuer)] == [
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


def test_output_is_a_plain_docx_package():
    assert is_plain_docx(render_minutes_docx(sample_minutes()))


def test_minutes_that_do_not_know_who_came_name_nobody_present_or_absent(tmp_path):
    unknown = [replace(member, present=None) for member in MEMBERS]
    draft = sample_minutes(members=unknown, vote=None, date=None, year=2022)
    body = texts(reopen(render_minutes_docx(draft), tmp_path, "draft.docx"))
    assert "1. Thành viên Hội đồng có mặt: ……/5 đồng chí; thành phần Hội đồng gồm:" in body
    assert "- Đồng chí Bá Minh Hiếu, Chủ tịch Hội Nông dân huyện - Chủ tịch Hội đồng;" in body
    assert "- Đồng chí Y Krông Ayun, Trưởng ban Tổ chức - Kiểm tra - Thành viên." in body
    assert "2. Vắng mặt: …… đồng chí." in body
    # With the vote's figures but not who was away: the count only.
    counted = sample_minutes(
        members=unknown, vote=Vote(members=5, present=4, votes_for=4, votes_against=0)
    )
    body = texts(reopen(render_minutes_docx(counted), tmp_path, "counted.docx"))
    assert "1. Thành viên Hội đồng có mặt: 4/5 đồng chí; thành phần Hội đồng gồm:" in body
    assert "2. Vắng mặt: 1 đồng chí." in body
    everyone = sample_minutes(members=unknown)  # the sample vote: 5/5
    assert "2. Vắng mặt: không." in texts(
        reopen(render_minutes_docx(everyone), tmp_path, "all.docx")
    )
    with pytest.raises(ValueError, match="every member's presence"):
        sample_minutes(members=[*unknown[:4], MEMBERS[4]])
    with pytest.raises(ValueError, match="the vote counts 6 members"):
        sample_minutes(
            members=unknown, vote=Vote(members=6, present=5, votes_for=4, votes_against=1)
        )
