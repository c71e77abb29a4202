"""The DOCX renderer and the HTML include, on the seed plan 115-KH/HNDH."""

import random
import re
import shutil
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from playwright.sync_api import sync_playwright

from tests.documents.reading import all_paragraphs, find, font_of, lines
from tests.documents.test_frame import every_unit
from thidua.documents.docx import render_docx
from thidua.documents.official import (
    OfficialDocument,
    Point,
    Section,
    Signature,
    number_line,
    roman,
)
from thidua.plans.domain.defaults import header_lines

FONT = "Times New Roman"
MOVEMENT = (
    "“Sông Hinh đoàn kết sáng tạo, nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế”"
)
HEADINGS = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "II. NỘI DUNG",
    "III. NHIỆM VỤ VÀ GIẢI PHÁP",
    "IV. TỔ CHỨC THỰC HIỆN",
]
RECIPIENTS = ["UBMTTQVN;", "Thường trực Hội ND huyện;", "Hội ND các xã, thị trấn;", "Lưu VT, VP."]


def seed_plan(**changes) -> OfficialDocument:
    """Kế hoạch số 115-KH/HNDH of 08/3/2022, abridged where the text repeats itself."""
    sections = [
        Section(
            heading=f"{roman(1)}. MỤC ĐÍCH, YÊU CẦU",
            points=[
                Point(
                    title="1. Mục đích",
                    paragraphs=[
                        "- Tăng cường công tác tuyên truyền, vận động cán bộ, hội viên, nông dân "
                        "tích cực tham gia các phong trào thi đua yêu nước, nhằm phát huy khả năng "
                        "sáng tạo, hình thành các sáng kiến, ý tưởng mới trong lao động sản xuất.",
                        "- Thông qua Phong trào thi đua để bồi dưỡng, nâng cao nhận thức chính trị "
                        "tư tưởng, phẩm chất đạo đức, lối sống cho hội viên nông dân.",
                    ],
                ),
                Point(
                    title="2. Yêu cầu",
                    paragraphs=[
                        "- Việc tổ chức phong trào thi đua phải đi vào thực chất, tránh hình thức.",
                    ],
                ),
            ],
        ),
        Section(
            heading=f"{roman(2)}. NỘI DUNG",
            paragraphs=[
                "Phát động phong trào thi đua với chủ đề “Đoàn kết, năng động, sáng tạo thi đua "
                "thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội” huyện Sông Hinh."
            ],
            points=[
                Point(
                    paragraphs=[
                        "1. Thi đua “Sông Hinh đoàn kết, năng động, sáng tạo” nâng cao chất "
                        "lượng, hiệu quả công tác trong các cơ quan của hệ thống chính trị."
                    ]
                ),
                Point(
                    paragraphs=[
                        "2. Thi đua “Sông Hinh đoàn kết, năng động, sáng tạo” nâng cao năng suất "
                        "lao động ở các doanh nghiệp, đơn vị sản xuất kinh doanh, hộ gia đình..."
                    ]
                ),
            ],
        ),
        Section(
            heading=f"{roman(3)}. NHIỆM VỤ VÀ GIẢI PHÁP",
            points=[
                Point(
                    title="5. Triển khai phát động và đăng ký xây dựng mô hình với những nội "
                    "dung sau:",
                    paragraphs=[
                        "Mỗi xã, thị trấn phải có ít nhất 01 mô hình, sáng kiến, ý tưởng mới gửi "
                        "về Hội Nông dân huyện qua Văn phòng Hội.",
                        "+ Tính mới: Là sáng kiến, ý tưởng chưa được đề xuất và công nhận trước "
                        "đây.",
                    ],
                )
            ],
        ),
        Section(
            heading=f"{roman(4)}. TỔ CHỨC THỰC HIỆN",
            paragraphs=[
                "Ban Thường vụ Hội Nông dân các xã, thị trấn căn cứ nội dung kế hoạch này gửi "
                "kế hoạch và danh sách đăng ký về Hội Nông dân huyện trước ngày 10/4/2022.",
                "Báo cáo kết quả thực hiện phong trào thi đua về Hội Nông dân huyện (thời gian "
                "báo cáo trước ngày 25/10/2022).",
            ],
        ),
    ]
    fields = {
        "superior": "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "issuer": "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "number": number_line(115, "KH/HNDH"),
        "place": "Sông Hinh",
        "date": date(2022, 3, 8),
        "doc_type": "KẾ HOẠCH",
        "subject_lines": [
            "Thực hiện phong trào thi đua “Sông Hinh đoàn kết sáng tạo,",
            "nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế” năm 2022",
        ],
        "basis": [
            "Căn cứ Kế hoạch số 283-KH/HNDT ngày 03/3/2022 của Ban Thường vụ Hội Nông dân tỉnh "
            "về việc triển khai thực hiện phong trào thi đua “Phú Yên đoàn kết sáng tạo, nâng "
            "cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế” năm 2022."
        ],
        "preamble": [
            "Ban Thường vụ Hội Nông dân huyện xây dựng Kế hoạch thực hiện Phong trào thi đua "
            f"{MOVEMENT} năm 2022, cụ thể như sau:"
        ],
        "sections": sections,
        "closing": [
            f"Trên đây là Kế hoạch tổ chức thực hiện phong trào thi đua {MOVEMENT} năm 2022, đề "
            "nghị Hội Nông dân các xã, thị trấn tổ chức triển khai thực hiện tốt nội dung kế "
            "hoạch này./."
        ],
        "recipients": RECIPIENTS,
        "signature": Signature(
            authority="T/M BAN THƯỜNG VỤ",
            title="CHỦ TỊCH",
            signer="Bá Minh Hiếu",
            signed_note="Đã ký",
        ),
    }
    return OfficialDocument(**{**fields, **changes})


def draft_plan() -> OfficialDocument:
    return seed_plan(number=number_line(None, "KH/HNDH"), date=None, year=2026, watermark="DỰ THẢO")


def reopen(doc: OfficialDocument, tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(render_docx(doc))
    return Document(str(path))


@pytest.fixture
def plan(tmp_path):
    return reopen(seed_plan(), tmp_path)


# --- page and fonts -----------------------------------------------------------------


def test_page_is_a4_portrait_with_the_official_margins(plan):
    section = plan.sections[0]
    measured = {
        "width": section.page_width.mm,
        "height": section.page_height.mm,
        "top": section.top_margin.mm,
        "bottom": section.bottom_margin.mm,
        "left": section.left_margin.mm,
        "right": section.right_margin.mm,
    }
    expected = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15}
    assert measured == pytest.approx(expected, abs=0.1)


def test_times_new_roman_14_everywhere(plan):
    normal = plan.styles["Normal"]
    assert normal.font.name == FONT
    assert normal.font.size == Pt(14)
    fonts = normal.element.rPr.rFonts
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(qn(f"w:{attribute}")) == FONT, attribute
    runs = [run for paragraph in all_paragraphs(plan) for run in paragraph.runs if run.text]
    assert runs
    assert {font_of(run) for run in runs} == {FONT}


def test_body_paragraphs_are_justified_with_a_first_line_indent(plan):
    basis = find(plan, seed_plan().basis[0])
    fmt = basis.style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent.mm == pytest.approx(10, abs=0.1)
    assert fmt.space_after == Pt(6)
    assert basis.runs[0].font.size == Pt(14)


# --- the heading block --------------------------------------------------------------


def test_heading_block_issuer_side(plan):
    issuer = plan.tables[0].cell(0, 0)
    # The issuer's name is too wide for its column at 13 pt bold: it breaks before the place.
    assert lines(issuer) == [
        "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "BCH HỘI NÔNG DÂN\nHUYỆN SÔNG HINH",
        "*",
        "Số 115-KH/HNDH",
    ]
    superior, name, _star, number = issuer.paragraphs
    assert superior.runs[0].font.size == Pt(13)
    assert not superior.runs[0].font.bold
    assert name.runs[0].font.bold
    assert number.runs[0].font.size == Pt(14)
    assert ":" not in number.text
    assert {p.alignment for p in issuer.paragraphs} == {WD_ALIGN_PARAGRAPH.CENTER}


def test_heading_block_national_side(plan):
    nation = plan.tables[0].cell(0, 1)
    assert lines(nation) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "Sông Hinh, ngày 08 tháng 3 năm 2022",
    ]
    republic, motto, _blank, date_line = nation.paragraphs
    assert republic.runs[0].font.bold
    assert republic.runs[0].font.size == Pt(13)
    assert motto.runs[0].font.bold
    assert motto.runs[0].font.underline
    assert motto.runs[0].font.size == Pt(14)
    assert date_line.runs[0].font.italic
    assert {p.alignment for p in nation.paragraphs} == {WD_ALIGN_PARAGRAPH.CENTER}


def test_layout_tables_have_no_borders(plan):
    for table in plan.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


# --- title and body -----------------------------------------------------------------


def test_document_type_and_subject(plan):
    doc_type = find(plan, "KẾ HOẠCH")
    assert doc_type.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert doc_type.runs[0].font.bold
    assert doc_type.runs[0].font.size == Pt(16)
    for line in seed_plan().subject_lines:
        subject = find(plan, line)
        assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert subject.runs[0].font.bold


def test_sections_and_points_in_order(plan):
    texts = [p.text for p in plan.paragraphs]
    headings = [text for text in texts if re.match(r"[IVX]+\. ", text)]
    assert headings == HEADINGS
    for heading in HEADINGS:
        assert find(plan, heading).runs[0].font.bold
    assert find(plan, "1. Mục đích").runs[0].font.bold
    # Body order: basis, preamble, I, its points, …, closing.
    order = [
        texts.index(seed_plan().basis[0]),
        texts.index(seed_plan().preamble[0]),
        texts.index(HEADINGS[0]),
        texts.index("1. Mục đích"),
        texts.index("2. Yêu cầu"),
        texts.index(HEADINGS[1]),
        texts.index(HEADINGS[3]),
        texts.index(seed_plan().closing[0]),
    ]
    assert order == sorted(order)


# --- recipients and signature -------------------------------------------------------


def test_recipients(plan):
    recipients = plan.tables[-1].cell(0, 0)
    label, *items = recipients.paragraphs
    assert label.text == "Nơi nhận:"
    (run,) = label.runs
    assert run.font.underline
    assert run.font.bold
    assert run.font.italic
    assert run.font.size == Pt(12)
    assert [p.text for p in items] == [f"- {name}" for name in RECIPIENTS]
    assert {run.font.size for p in items for run in p.runs} == {Pt(12)}


def test_signature_block(plan):
    signature = plan.tables[-1].cell(0, 1)
    assert [text for text in lines(signature) if text] == [
        "T/M BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "(Đã ký)",
        "Bá Minh Hiếu",
    ]
    authority, title, note, *_blank, signer = signature.paragraphs
    assert authority.runs[0].font.bold
    assert title.runs[0].font.bold
    assert note.runs[0].font.italic
    assert signer.runs[0].font.bold
    assert {p.alignment for p in signature.paragraphs} == {WD_ALIGN_PARAGRAPH.CENTER}


# --- page numbers and properties ----------------------------------------------------


def test_page_numbers_from_page_two(plan):
    section = plan.sections[0]
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header_xml = section.header._element.xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", header_xml)
    assert "PAGE" not in section.first_page_header._element.xml


def test_core_properties(plan):
    properties = plan.core_properties
    assert properties.title.startswith("KẾ HOẠCH Thực hiện phong trào thi đua")
    assert properties.subject == "Số 115-KH/HNDH"
    assert properties.author == "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"


def test_output_is_a_plain_docx_package():
    with zipfile.ZipFile(BytesIO(render_docx(seed_plan()))) as package:
        assert "word/document.xml" in package.namelist()
        assert package.testzip() is None


# --- drafts -------------------------------------------------------------------------


def test_a_draft_has_blanks_for_its_number_and_date_and_a_watermark(tmp_path):
    draft = reopen(draft_plan(), tmp_path)
    assert lines(draft.tables[0].cell(0, 0))[-1] == "Số      -KH/HNDH"
    assert lines(draft.tables[0].cell(0, 1))[-1] == "Sông Hinh, ngày      tháng      năm 2026"
    section = draft.sections[0]
    assert "DỰ THẢO" in section.first_page_header.paragraphs[0].text
    assert "DỰ THẢO" in section.header.paragraphs[0].text


def test_an_undated_document_needs_its_year():
    with pytest.raises(ValueError, match="year"):
        seed_plan(date=None)


def test_signature_without_note_leaves_more_room(tmp_path):
    unsigned = seed_plan(
        signature=Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="Bá Minh Hiếu")
    )
    signature = reopen(unsigned, tmp_path).tables[-1].cell(0, 1)
    assert lines(signature) == ["T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "", "", "", "Bá Minh Hiếu"]


# --- the HTML include ---------------------------------------------------------------


def render_html(document: OfficialDocument) -> str:
    return render_to_string("documents/official_document.html", {"document": document})


def test_html_include_renders_the_document():
    html = render_html(seed_plan())
    text = re.sub(r"<[^>]+>", "", html)
    assert '<article class="official"' in html
    assert 'lang="vi"' in html
    for line in [
        "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "Số 115-KH/HNDH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Sông Hinh, ngày 08 tháng 3 năm 2022",
        "KẾ HOẠCH",
        "1. Mục đích",
        "Nơi nhận:",
        "- Lưu VT, VP.",
        "T/M BAN THƯỜNG VỤ",
        "(Đã ký)",
        "Bá Minh Hiếu",
        *HEADINGS,
    ]:
        assert line in text, line
    for css_class in [
        "official__heading",
        "official__issuer",
        "official__nation",
        "official__motto",
        "official__date",
        "official__type",
        "official__subject",
        "official__section",
        "official__closing",
        "official__recipients",
        "official__signature",
    ]:
        assert f'class="{css_class}' in html or f" {css_class}" in html, css_class
    assert "official__watermark" not in html
    positions = [html.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions)
    # The place in the issuer's lines is one unbreakable part; the other words break freely.
    assert (
        '<span class="official__part">HUYỆN</span> <span class="official__part">SÔNG HINH' in html
    )


def test_html_include_marks_a_document_that_names_no_signer_as_a_draft():
    unsigned = seed_plan(
        signature=Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="")
    )
    html = render_html(unsigned)
    assert '<p class="official__watermark">DỰ THẢO</p>' in html


def test_html_include_escapes_text_and_shows_a_drafts_watermark():
    html = render_html(seed_plan(subject_lines=["<script>alert(1)</script>"]))
    assert "<script>" not in html
    draft = render_html(draft_plan())
    assert "official__watermark" in draft
    assert "DỰ THẢO" in draft
    assert "Số      -KH/HNDH" in draft
    assert "ngày      tháng      năm 2026" in draft


def test_a_document_that_names_no_signer_prints_as_a_draft(tmp_path):
    unsigned = seed_plan(
        signature=Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="  ")
    )
    section = reopen(unsigned, tmp_path).sections[0]
    assert "DỰ THẢO" in section.first_page_header.paragraphs[0].text
    assert "DỰ THẢO" in section.header.paragraphs[0].text
    signed = reopen(seed_plan(), tmp_path).sections[0]
    assert "DỰ THẢO" not in signed.first_page_header._element.xml


# --- the HTML include as Chromium prints it ------------------------------------------

CHROMIUM = shutil.which("chromium")
MEASURE = """() => [...document.querySelectorAll('.official__superior, .official__issuer-name')]
  .map(p => {
    const parts = [...p.querySelectorAll('.official__part')].map(s => ({
      text: s.textContent, rects: s.getClientRects().length,
      top: Math.round(s.getBoundingClientRect().top)}));
    const rows = {};
    for (const part of parts) (rows[part.top] ||= []).push(part.text);
    return {text: p.textContent, parts, printed: Object.values(rows).map(r => r.join(' ')),
            lines: p.querySelectorAll('.official__line').length};
  })"""


def _print_and_measure(html: str) -> list:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 624, "height": 900})  # 165 mm of A4
        page.emulate_media(media="print")
        page.set_content(html)
        measured = page.evaluate(MEASURE)
        browser.close()
    return measured


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's Chromium")
def test_printed_from_the_browser_the_issuer_lines_break_as_in_the_docx():
    """Real units' names, generated over the country: printed by Chromium, each line of the
    issuer block is the DOCX's line, never broken inside a place, never one word alone."""
    rng = random.Random(10)  # noqa: S311 (a sample, not a secret)
    units = rng.sample(every_unit(), 400)
    articles = []
    for unit in units:
        superior, issuer = header_lines(unit)
        articles.append(render_html(seed_plan(superior=superior, issuer=issuer)))
    css = (Path(finders.find("thidua/official.css"))).read_text(encoding="utf-8")
    html = f"<!doctype html><html><head><style>{css}</style></head><body>{''.join(articles)}"
    # In a thread of its own: the browser tests' session keeps Playwright's event loop
    # running in the main thread, where a second sync API refuses to start.
    with ThreadPoolExecutor(max_workers=1) as pool:
        measured = pool.submit(_print_and_measure, html).result()
    assert len(measured) == 2 * len(units)
    assert any(len(block["printed"]) > 1 for block in measured)
    for block in measured:
        assert " ".join(part["text"] for part in block["parts"]) == block["text"].strip()
        assert all(part["rects"] == 1 for part in block["parts"]), block
        assert len(block["printed"]) == block["lines"], block  # no line wraps again
        words = sum(len(part["text"].split()) for part in block["parts"])
        if words > 1:
            assert all(len(line.split()) >= 2 for line in block["printed"]), block
