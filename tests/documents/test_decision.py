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
from thidua.documents.decision import Article, Decision, render_decision_docx
from thidua.documents.official import number_line


def listed(outcome: str):
    return [h for h in honours() if h.outcome == outcome]


ARTICLES = [
    Article(
        text=f"Công nhận 01 mô hình, sáng kiến, ý tưởng mới trong {MOVEMENT} (có danh sách "
        "kèm theo, mục I).",
        honours=listed("Công nhận"),
        annex_title="Mô hình, sáng kiến, ý tưởng mới được công nhận",
    ),
    Article(
        text="Khen thưởng 02 mô hình, sáng kiến, ý tưởng mới có thành tích xuất sắc (có danh "
        "sách kèm theo, mục II).\nHình thức khen thưởng: tặng Giấy khen, kèm theo tiền thưởng "
        "500.000 đồng cho mỗi mô hình, sáng kiến, ý tưởng mới (tổng cộng 1.000.000 đồng).",
        honours=listed("Khen thưởng"),
        annex_title="Mô hình, sáng kiến, ý tưởng mới được khen thưởng",
    ),
    Article(
        text="Đề nghị Ban Thường vụ Hội Nông dân tỉnh Phú Yên xét tặng Giải thưởng “Người Việt "
        "đoàn kết sáng tạo” cho 01 mô hình, sáng kiến, ý tưởng mới (có danh sách kèm theo, "
        "mục III).",
        honours=listed("Đề nghị giải thưởng “Người Việt đoàn kết sáng tạo”"),
        annex_title="Mô hình, sáng kiến, ý tưởng mới đề nghị xét tặng Giải thưởng",
    ),
    "Quyết định có hiệu lực kể từ ngày ký.\nVăn phòng, các ban của Hội Nông dân huyện và các "
    "đơn vị có tên tại Điều 1, Điều 2 và Điều 3 căn cứ Quyết định thi hành./.",
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
        "recipients": ["Như Điều 4;", "Hội ND tỉnh (b/c);", "Lưu VT, VP."],
        "signature": CHAIR,
        "issued_by": "Ban Thường vụ Hội Nông dân huyện Sông Hinh",
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
    assert [text[:8] for text in articles] == ["Điều 1. ", "Điều 2. ", "Điều 3. ", "Điều 4. "]
    assert articles[0] == f"Điều 1. {ARTICLES[0].text}"
    assert articles[3] == "Điều 4. Quyết định có hiệu lực kể từ ngày ký."
    order = [
        *(body.index(text) for text in bases),
        body.index("QUYẾT ĐỊNH:"),
        *(body.index(text) for text in articles),
    ]
    assert order == sorted(order)
    # The second paragraph of article 2 follows it.
    assert body[body.index(articles[1]) + 1].startswith("Hình thức khen thưởng: tặng Giấy khen")
    label, rest = find(decision, articles[1]).runs
    assert label.text == "Điều 2."
    assert label.font.bold
    assert not rest.font.bold


def test_decision_signature(decision):
    (signature_table,) = [t for t in decision.tables if lines(t.cell(0, 0))[:1] == ["Nơi nhận:"]]
    recipients, signature = signature_table.rows[0].cells
    assert lines(recipients)[1:] == ["- Như Điều 4;", "- Hội ND tỉnh (b/c);", "- Lưu VT, VP."]
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
    first_part = bordered(decision)[0]
    assert children.index(breaking) < children.index(first_part._tbl)
    signature_at = max(
        children.index(t._tbl) for t in decision.tables if "T/M BAN THƯỜNG VỤ" in t.cell(0, 1).text
    )
    assert signature_at < children.index(breaking)


def test_annex_title_and_a_part_per_listing_article(decision):
    body = texts(decision)
    start = body.index("DANH SÁCH")
    assert body[start + 1] == "Mô hình, sáng kiến, ý tưởng mới được công nhận, khen thưởng"
    assert body[start + 2] == (
        "(Kèm theo Quyết định số 25-QĐ/HNDH ngày 25/10/2022 của Ban Thường vụ Hội Nông dân "
        "huyện Sông Hinh)"
    )
    assert find(decision, body[start + 2]).runs[0].font.italic
    headings = [
        "I. Mô hình, sáng kiến, ý tưởng mới được công nhận (Điều 1)",
        "II. Mô hình, sáng kiến, ý tưởng mới được khen thưởng (Điều 2)",
        "III. Mô hình, sáng kiến, ý tưởng mới đề nghị xét tặng Giải thưởng (Điều 3)",
    ]
    parts = bordered(decision)
    assert len(parts) == 3
    children = list(decision.element.body)
    for heading, table in zip(headings, parts, strict=True):
        paragraph = find(decision, heading)
        assert paragraph.runs[0].font.bold
        assert paragraph.paragraph_format.keep_with_next
        # Each part's heading comes right before its table.
        assert children.index(paragraph._p) + 1 == children.index(table._tbl)
    names = [[row.cells[1].text for row in table.rows[1:]] for table in parts]
    assert names == [
        ["Ủ phân hữu cơ vi sinh từ phụ phẩm mì, bã mía"],
        ["Sổ tay điện tử ghi chép chi phí sản xuất", "Chi hội nuôi bò vỗ béo giúp nhau giảm nghèo"],
        ["Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ"],
    ]
    table = parts[1]
    assert [cell.text for cell in table.rows[0].cells] == [
        "TT",
        "Tên mô hình, sáng kiến, ý tưởng mới",
        "Đơn vị",
        "Người chủ trì",
        "Điểm",
        "Xếp loại",
        "Hình thức",
    ]
    assert all(repeats_heading(part) for part in parts)
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert rows[0] == [
        "1",
        "Sổ tay điện tử ghi chép chi phí sản xuất",
        "Xã Ea Bar",
        "Nguyễn Văn Hùng",
        "84",
        "Tốt",
        "Khen thưởng",
    ]
    assert "Danh sách có 04 mô hình, sáng kiến, ý tưởng mới./." in body


def test_a_decision_listing_no_entry_has_no_annex(tmp_path):
    plain = sample_decision(articles=["Quyết định có hiệu lực kể từ ngày ký."])
    assert plain.annex_parts == []
    document = reopen(render_decision_docx(plain), tmp_path, "plain.docx")
    assert len(document.sections) == 1
    assert "DANH SÁCH" not in texts(document)
    assert bordered(document) == []


def test_articles_and_parts_are_checked():
    with pytest.raises(ValueError, match="at least one article"):
        sample_decision(articles=[])
    with pytest.raises(ValueError, match="needs its text"):
        Article(text=" ")
    with pytest.raises(ValueError, match="title of its annex part"):
        Article(text="Công nhận 01 mô hình.", honours=honours()[:1])
    decision = sample_decision()
    assert [(p.numeral, p.article_number) for p in decision.annex_parts] == [
        ("I", 1),
        ("II", 2),
        ("III", 3),
    ]
    assert decision.honours == [h for a in ARTICLES[:3] for h in a.honours]


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


def test_a_decision_that_names_no_signer_is_not_final(tmp_path):
    unsigned = sample_decision(signature=replace(CHAIR, signer=""))
    document = reopen(render_decision_docx(unsigned), tmp_path, "unsigned.docx")
    assert "DỰ THẢO" in document.sections[0].first_page_header.paragraphs[0].text
    signed = reopen(render_decision_docx(sample_decision()), tmp_path, "signed.docx")
    assert "DỰ THẢO" not in signed.sections[0].first_page_header.paragraphs[0].text
