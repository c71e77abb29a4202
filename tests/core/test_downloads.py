"""Downloads carry the Vietnamese name and a plain fallback, in a header browsers read."""

from email.message import Message
from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.downloads import ascii_name, content_disposition, download, file_name, stored


def _parsed(header: str) -> Message:
    message = Message()
    message["Content-Disposition"] = header
    return message


def test_file_name_keeps_vietnamese_and_replaces_slashes():
    assert file_name("Kế hoạch", "115-KH/HNDH", extension="docx") == "Kế hoạch 115-KH-HNDH.docx"


def test_file_name_skips_blank_parts_and_keeps_leading_zero():
    assert file_name("Quyết định", None, "Số 07", "", extension="docx") == "Quyết định Số 07.docx"


def test_ascii_name_keeps_d_with_stroke():
    assert ascii_name("Quyết định Đắk Lắk.docx") == "quyet-dinh-dak-lak.docx"


def test_content_disposition_ascii_name_is_plain():
    assert content_disposition("bang-diem.xlsx") == 'attachment; filename="bang-diem.xlsx"'


def test_content_disposition_vietnamese_name_has_utf8_and_fallback():
    header = content_disposition("Biên bản hội đồng Sông Hinh.docx")
    assert header.isascii()  # never MIME-encoded by the response
    parsed = _parsed(header)
    assert parsed.get_param("filename", header="content-disposition") == (
        "bien-ban-hoi-dong-song-hinh.docx"
    )
    star = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(star) == "Biên bản hội đồng Sông Hinh.docx"


@given(st.text(min_size=1, max_size=80))
def test_content_disposition_is_always_one_ascii_header_line(name):
    header = content_disposition(file_name(name, extension="docx"))
    assert header.isascii()
    assert "\n" not in header
    assert "\r" not in header
    assert header.startswith("attachment; filename=")


def test_download_response_sets_type_and_name():
    response = download(b"PK\x03\x04", name="Danh sách.xlsx", content_type="application/x-test")
    assert response["Content-Type"] == "application/x-test"
    assert "filename*=UTF-8''Danh%20s%C3%A1ch.xlsx" in response["Content-Disposition"]
    assert response.content == b"PK\x03\x04"


@pytest.mark.parametrize("inline", [True, False])
def test_stored_file_is_streamed_with_nosniff(tmp_path, inline):
    storage = FileSystemStorage(location=tmp_path)
    path = storage.save("a.pdf", ContentFile(b"%PDF-1.4 test"))
    response = stored(
        storage.open(path), name="Ảnh.pdf", content_type="application/pdf", inline=inline
    )
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline" if inline else "attachment")
