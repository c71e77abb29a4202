"""The one-page A4 leaflet (documents/leaflet.py): its longest texts are cut at a word, its
QR code is that of the page's address, and even the longest leaflet prints on one page."""

import io
import re

import pytest
from docx import Document

from tests.helpers import jpeg
from thidua.documents.leaflet import (
    RESULT_CHARS,
    SUMMARY_CHARS,
    Leaflet,
    can_make_pdf,
    leaflet_docx,
    pdf_from_docx,
    qr_png,
    shorten,
)

URL = "https://thidua.example.vn/showcase/models/7/"


def longest() -> Leaflet:
    return Leaflet(
        title="Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ " * 3,
        heading="HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        subtitle="Mô hình · Hội Nông dân xã Ea Bá",
        honour="Đề nghị giải thưởng “Người Việt đoàn kết sáng tạo” (20/05/2022)",
        url=URL,
        summary="Hộ hội viên trồng sắn cao sản, liên kết tiêu thụ với nhà máy. " * 40,
        facts=[
            ("Người chủ trì", "Y Thuê Niê (Hội viên, Hội Nông dân xã Ea Bá)"),
            ("Địa điểm áp dụng", "Buôn Ken, xã Ea Bá, huyện Sông Hinh, tỉnh Phú Yên"),
            ("Số hộ tham gia", "1.250"),
            ("Diện tích (ha)", "312,5"),
        ],
        results="Năng suất tăng, thu nhập của hộ tham gia tăng rõ rệt so với trước. " * 30,
        photo=jpeg((1200, 900)),
        scan_text="Quét mã để xem thêm thông tin và hình ảnh:",
    )


def test_long_texts_are_cut_at_a_word():
    assert shorten("một hai ba", 50) == "một hai ba"
    cut = shorten("một hai ba bốn năm", 12)
    assert cut == "một hai ba…"
    assert len(cut) <= 12


def test_the_leaflet_holds_the_model_its_photo_and_the_qr_code_of_its_page():
    document = Document(io.BytesIO(leaflet_docx(longest())))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Y Thuê Niê" in text
    summary = next(p.text for p in document.paragraphs if p.text.startswith("Hộ hội viên"))
    assert len(summary) <= SUMMARY_CHARS
    assert summary.endswith("…")
    results = next(p.text for p in document.paragraphs if p.text.startswith("Năng suất"))
    assert len(results) <= RESULT_CHARS
    cells = [cell.text for cell in document.tables[0].rows[0].cells]
    assert URL in cells[1]
    images = {p.partname: p.blob for p in document.part.package.parts if "media" in p.partname}
    assert qr_png(URL) in images.values()
    assert len(images) == 2  # the photo and the code


@pytest.mark.skipif(not can_make_pdf(), reason="LibreOffice (soffice) is not installed")
def test_even_the_longest_leaflet_prints_on_one_page():
    pdf = pdf_from_docx(leaflet_docx(longest()))
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
