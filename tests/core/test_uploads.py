"""One way in for every upload: plans, registrations and reports keep what ``accept`` gives."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from thidua.core import uploads
from thidua.core.uploads import accept, attach
from thidua.initiatives.models import FileKind, RegistrationFile
from thidua.plans.models import PlanAttachment

from .test_images import phone_photo_with_gps

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, "PNG")
    return buffer.getvalue()


def test_document_is_kept_as_sent_under_a_safe_name():
    accepted = accept(SimpleUploadedFile("Kế hoạch 115.pdf", PDF_BYTES))
    assert accepted.content == PDF_BYTES
    assert accepted.thumbnail is None
    assert accepted.content_type == "application/pdf"
    assert accepted.name.startswith("ke-hoach-115-")
    assert accepted.name.endswith(".pdf")


def test_docx_is_recognised_by_its_parts():
    accepted = accept(SimpleUploadedFile("bao-cao.docx", docx_bytes()))
    assert accepted.content_type == uploads.DOCX.content_type


def test_picture_sent_as_a_document_is_re_encoded_without_location():
    accepted = accept(SimpleUploadedFile("phieu-giay.jpg", phone_photo_with_gps()))
    assert accepted.content_type == "image/jpeg"
    assert accepted.thumbnail is not None
    assert b"Exif" not in accepted.content[:200]
    assert accepted.name.endswith(".jpg")


def test_photo_only_refuses_a_pdf_with_a_message():
    with pytest.raises(ValidationError):
        accept(SimpleUploadedFile("anh.jpg", PDF_BYTES), photo=True)


def test_photo_png_becomes_jpeg_with_thumbnail():
    accepted = accept(SimpleUploadedFile("anh.png", png_bytes()), photo=True)
    assert accepted.content[:3] == b"\xff\xd8\xff"
    assert accepted.thumbnail[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize("content", [b"MZ\x90\x00 not a document", b"PK\x03\x04broken zip"])
def test_content_not_matching_any_kind_is_refused(content):
    with pytest.raises(ValidationError) as refused:
        accept(SimpleUploadedFile("ke-hoach.pdf", content))
    assert "PDF" in refused.value.messages[0]


def test_attach_fills_a_registration_file_with_file_thumbnail_type_and_size(make_registration):
    registration = make_registration()
    row = RegistrationFile(registration=registration, kind=FileKind.PHOTO, title="Ảnh")
    accepted = accept(SimpleUploadedFile("anh.png", png_bytes()), photo=True)
    attach(row, accepted)
    row.save()
    row.refresh_from_db()
    assert row.file.read() == accepted.content
    assert row.thumbnail.read() == accepted.thumbnail
    assert (row.content_type, row.size) == ("image/jpeg", len(accepted.content))
    assert row.download_name == "Ảnh.jpg"


def test_attach_skips_the_thumbnail_where_the_model_has_none(open_plan):
    row = PlanAttachment(plan=open_plan, title="Ảnh phiếu giấy")
    attach(row, accept(SimpleUploadedFile("phieu.png", png_bytes())))
    row.save()
    row.refresh_from_db()
    assert row.file.read()[:3] == b"\xff\xd8\xff"
    assert row.download_name == "Ảnh phiếu giấy.jpg"


def test_a_file_over_the_limit_is_never_stored_whole_while_it_streams_in(rf):
    """Past the largest size any upload may have, the bytes are counted, not kept: the view
    gets the first part only (a little over the limit), which every size check refuses."""
    size = uploads.MAX_UPLOAD_BYTES + 20 * 2**20
    request = rf.post("/", {"file": SimpleUploadedFile("to.pdf", b"%PDF-" + b"0" * size)})
    received = request.FILES["file"]
    assert uploads.MAX_UPLOAD_BYTES < received.size <= uploads.MAX_UPLOAD_BYTES + 2**20
    with pytest.raises(ValidationError, match="lớn hơn 10 MB"):
        uploads.check_document(received)


def test_a_file_within_the_limit_arrives_whole(rf):
    data = b"%PDF-" + b"1" * (3 * 2**20)
    request = rf.post("/", {"file": SimpleUploadedFile("ok.pdf", data)})
    assert request.FILES["file"].read() == data
