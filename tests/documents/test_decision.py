"""The standing committee's decision ("QUYẾT ĐỊNH") and its annex as a DOCX file."""

import unicodedata
from dataclasses import replace

import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

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
from tests.documents.samples import CHAIR, DECISION_DATE, FONT, MOVEMENT, honours
from thidua.documents.decision import Decision, render_decision_docx
from thidua.documents.official import number_line

ARTICLES = [
    "Công nhận, khen thưởng 04 mô hình, sáng kiến, ý tưởng mới có thành tích xuất sắc trong "
    f"{MOVEMENT} (có danh sách kèm theo).",
    "Văn phòng Hội Nông dân huyện chi tiền thưởng theo quy định.\nMức thưởng theo Quy chế "
    "thi đua, khen thưởng của Hội Nông dân huyện.",
    "Văn phòng, các ban của Hội Nông dân huyện, Hội Nông dân các xã, thị trấn và các tập "
    "thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành./.",
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


@pytest.fixture
def decision(tmp_path):
    return reopen(render_decision_docx(sample_decision()), tmp_path, "decision.docx")


def test_times_new_roman_everywhere_and_nfc(decision):
    runs = printed_runs(decision)
    assert runs
    assert {font_of(run) for run in runs} == {FONT}
    for run in runs:
        assert run.text == unicodedata.normalize("NFC", run.text)


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


def test_output_is_a_plain_docx_package():
    assert is_plain_docx(render_decision_docx(sample_decision()))
