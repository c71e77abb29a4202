"""The submission ("TỜ TRÌNH") proposing entries for the national award, as a DOCX file."""

import unicodedata

import pytest

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
from tests.documents.samples import CHAIR, FONT, honours
from thidua.documents.nomination import Nomination, render_nomination_docx
from thidua.documents.official import number_line

AWARD = "Giải thưởng “Người Việt đoàn kết sáng tạo”"


def nominated():
    return [h for h in honours() if h.outcome.startswith("Đề nghị")]


def sample_nomination(**changes) -> Nomination:
    fields = {
        "superior": "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "issuer": "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "number": number_line(None, "TTr/HNDH"),
        "place": "Sông Hinh",
        "year": 2022,
        "subject_lines": [f"Về việc đề nghị xét tặng {AWARD}"],
        "addressee": "Ban Thường vụ Hội Nông dân tỉnh Phú Yên",
        "grounds": [
            "Căn cứ Quyết định số 25-QĐ/HNDH ngày 25/10/2022 của Ban Thường vụ Hội Nông dân "
            "huyện Sông Hinh,",
            "Ban Thường vụ Hội Nông dân huyện Sông Hinh kính đề nghị Ban Thường vụ Hội Nông dân "
            f"tỉnh Phú Yên xem xét, xét tặng {AWARD} cho 01 mô hình, sáng kiến, ý tưởng mới sau:",
        ],
        "honours": nominated(),
        "closing": ["Kính đề nghị Ban Thường vụ Hội Nông dân tỉnh Phú Yên xem xét./."],
        "recipients": ["Như trên;", "Lưu VT, VP."],
        "signature": CHAIR,
        "watermark": "DỰ THẢO",
    }
    return Nomination(**{**fields, **changes})


@pytest.fixture
def submission(tmp_path):
    return reopen(render_nomination_docx(sample_nomination()), tmp_path, "to-trinh.docx")


def test_times_new_roman_everywhere_and_nfc(submission):
    runs = printed_runs(submission)
    assert runs
    assert {font_of(run) for run in runs} == {FONT}
    for run in runs:
        assert run.text == unicodedata.normalize("NFC", run.text)


def test_the_submission_is_addressed_upwards_and_lists_the_entries(submission):
    body = texts(submission)
    start = body.index("TỜ TRÌNH")
    assert body[start + 1] == f"Về việc đề nghị xét tặng {AWARD}"
    assert "Kính gửi: Ban Thường vụ Hội Nông dân tỉnh Phú Yên" in body
    assert find(submission, "Kính gửi: Ban Thường vụ Hội Nông dân tỉnh Phú Yên")
    (table,) = bordered(submission)
    assert [cell.text for cell in table.rows[0].cells] == [
        "TT",
        "Tên mô hình, sáng kiến, ý tưởng mới",
        "Đơn vị",
        "Người chủ trì",
        "Điểm",
        "Xếp loại",
    ]
    assert repeats_heading(table)
    assert [[cell.text for cell in row.cells] for row in table.rows[1:]] == [
        [
            "1",
            "Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ",
            "Xã Ea Bá",
            "Y Đức Niê",
            "91,33",
            "Xuất sắc",
        ]
    ]
    children = list(submission.element.body)
    grounds = find(submission, sample_nomination().grounds[-1])
    closing = find(submission, "Kính đề nghị Ban Thường vụ Hội Nông dân tỉnh Phú Yên xem xét./.")
    assert children.index(grounds._p) < children.index(table._tbl) < children.index(closing._p)


def test_a_draft_submission_is_marked_and_signed_by_the_unit(submission):
    issuer = submission.tables[0].rows[0].cells[0]
    assert lines(issuer)[-1] == "Số      -TTr/HNDH"
    assert "DỰ THẢO" in submission.sections[0].first_page_header.paragraphs[0].text
    (signature_table,) = [t for t in submission.tables if lines(t.cell(0, 0))[:1] == ["Nơi nhận:"]]
    recipients, signature = signature_table.rows[0].cells
    assert lines(recipients)[1:] == ["- Như trên;", "- Lưu VT, VP."]
    assert [text for text in lines(signature) if text] == [
        "T/M BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Bá Minh Hiếu",
    ]


def test_a_submission_proposes_someone_to_someone():
    with pytest.raises(ValueError, match="at least one entry"):
        sample_nomination(honours=[])
    with pytest.raises(ValueError, match="addressed"):
        sample_nomination(addressee=" ")


def test_output_is_a_plain_docx_package():
    assert is_plain_docx(render_nomination_docx(sample_nomination()))
