"""The certificates of merit ("GIẤY KHEN") and of recognition ("GIẤY CHỨNG NHẬN") as a DOCX
file."""

import unicodedata
from dataclasses import replace

import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from tests.documents.reading import font_of, is_plain_docx, lines, printed_runs, reopen, texts
from tests.documents.samples import CHAIR, DECISION_DATE, FONT, MOVEMENT, honours
from thidua.documents.certificates import (
    RECOGNITION,
    Certificate,
    render_certificates_docx,
)
from thidua.documents.official import number_line


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


@pytest.fixture
def certificates(tmp_path):
    return reopen(render_certificates_docx(sample_certificates()), tmp_path, "giay-khen.docx")


def test_times_new_roman_everywhere_and_nfc(certificates):
    runs = printed_runs(certificates)
    assert runs
    assert {font_of(run) for run in runs} == {FONT}
    for run in runs:
        assert run.text == unicodedata.normalize("NFC", run.text)


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


def test_output_is_a_plain_docx_package():
    assert is_plain_docx(render_certificates_docx(sample_certificates()))


def test_a_certificate_of_recognition_has_its_own_title_verb_and_register(tmp_path):
    merit = sample_certificates()[0]
    recognised = replace(
        merit,
        kind=RECOGNITION,
        achievement=f"Có mô hình, sáng kiến, ý tưởng mới được công nhận trong {MOVEMENT}:",
        register_number=1,
    )
    document = reopen(render_certificates_docx([recognised, merit]), tmp_path, "both.docx")
    body = texts(document)
    assert [t for t in body if t.startswith("GIẤY")] == ["GIẤY CHỨNG NHẬN", "GIẤY KHEN"]
    title = next(p for p in document.paragraphs if p.text == "GIẤY CHỨNG NHẬN")
    assert title.runs[0].font.color.rgb == RGBColor(0xB0, 0x1E, 0x23)
    # Each kind with its verb above the recipient, and its register.
    assert body[body.index("GIẤY CHỨNG NHẬN") + 1] == "Chứng nhận"
    assert body[body.index("GIẤY KHEN") + 1] == "Tặng"
    assert lines(document.tables[1].cell(0, 0))[0] == "Số 01/GCN"
    assert lines(document.tables[3].cell(0, 0))[0] == "Số 01/GK"
    assert document.core_properties.title == "GIẤY CHỨNG NHẬN, GIẤY KHEN (2)"
    # The recognition's page is as wide as the merit's: the longer title still fits a line.
    assert len(document.sections) == 2
    with pytest.raises(ValueError, match="unknown certificate kind"):
        replace(merit, kind="nomination")
