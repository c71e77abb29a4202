"""Uploads, one way for every app: checked by their content (never their name), photos
re-encoded from their pixels (no EXIF, no GPS location survives) with a thumbnail, stored
under a safe name. Plans, registrations and results reports all go through ``accept`` and
``attach``; downloads go through ``thidua.core.downloads.stored`` after an access check."""

import uuid
import zipfile
from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.text import slugify
from django.utils.translation import gettext as _

from thidua.core import images

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# An Office file is a ZIP: 10 MB may inflate to gigabytes (a "zip bomb") when a reader opens
# it. Real DOCX/XLSX files inflate a few times; anything beyond these limits is refused.
MAX_INFLATED_BYTES = 100 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
# No upload may be larger than this (a photo's limit, the largest): past it, the bytes of a
# file being received are counted and dropped (`SizeLimitHandler`).
MAX_UPLOAD_BYTES = max(MAX_DOCUMENT_BYTES, images.MAX_PHOTO_BYTES)


class SizeLimitHandler(FileUploadHandler):
    """The first of ``FILE_UPLOAD_HANDLERS``: counts each file's bytes as they stream in and,
    once past ``MAX_UPLOAD_BYTES``, stops passing them on, so a huge file never fills memory
    or the disk. What arrives is its first ``MAX_UPLOAD_BYTES`` and a little more: too large
    for every size check (documents, photos, imports), which refuse it with their message.
    (nginx's client_max_body_size refuses such a request before it reaches us; this holds
    without nginx, as in the demo.)"""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        passing = self.received <= MAX_UPLOAD_BYTES  # the chunk that crosses it goes on too
        self.received += len(raw_data)
        return raw_data if passing else None

    def file_complete(self, file_size):
        return None  # the next handler (in memory or a temporary file) has what was passed


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str


PDF = Kind("pdf", "application/pdf")
PNG = Kind("png", "image/png")
JPEG = Kind("jpg", "image/jpeg")
DOCX = Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def sniff(head: bytes, data: bytes | None = None) -> Kind | None:
    """The file's real type from its first bytes (and, for Office files, its parts)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04") and data is not None:
        try:
            members = zipfile.ZipFile(BytesIO(data)).infolist()
        except zipfile.BadZipFile:
            return None
        if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_INFLATED_BYTES:
            return None
        names = {m.filename for m in members}
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def check_document(upload: UploadedFile, allowed=(PDF, PNG, JPEG, DOCX)) -> Kind:
    """The upload's kind if it is one of ``allowed`` and small enough; else a clear error."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_DOCUMENT_BYTES // 2**20}
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = sniff(data[:16], data)
    if kind not in allowed:
        names = ", ".join(k.extension.upper() for k in allowed)
        raise ValidationError(
            _("This file is not a real %(names)s file (its content was checked, not its name).")
            % {"names": names}
        )
    return kind


def safe_name(original: str, kind: Kind) -> str:
    """A name that is safe on any disk and cannot collide: "ke-hoach-115-3f2a9c.pdf"."""
    stem = slugify(original.rsplit(".", 1)[0])[:60] or "tep"
    return f"{stem}-{uuid.uuid4().hex[:8]}.{kind.extension}"


@dataclass(frozen=True)
class Accepted:
    """An upload ready to store: what will be kept, never the bytes as sent for a photo."""

    content: bytes
    thumbnail: bytes | None
    content_type: str
    name: str  # safe on disk, unique

    @property
    def size(self) -> int:
        return len(self.content)


def accept(upload: UploadedFile, *, photo: bool = False) -> Accepted:
    """The upload as it will be stored, or ValidationError with a message for the person.

    ``photo``: only a photo is accepted. Otherwise a document (PDF, DOCX) is kept as sent and
    a picture (a photo of a paper form) is re-encoded like a photo, so no location leaks
    through a file sent as a "document".
    """
    if not photo:
        kind = check_document(upload)
        if kind not in (JPEG, PNG):
            upload.seek(0)
            return Accepted(upload.read(), None, kind.content_type, safe_name(upload.name, kind))
    processed = images.process_photo(upload)
    return Accepted(
        processed.content,
        processed.thumbnail,
        processed.content_type,
        safe_name(upload.name, JPEG),
    )


def attach(instance, accepted: Accepted) -> None:
    """Write ``accepted`` to ``instance.file`` (and ``instance.thumbnail`` where the model has
    one) and fill ``content_type`` and ``size`` where it has them; the caller saves the row."""
    instance.file.save(accepted.name, ContentFile(accepted.content), save=False)
    if accepted.thumbnail is not None and hasattr(instance, "thumbnail"):
        thumbnail = ContentFile(accepted.thumbnail)
        instance.thumbnail.save(f"thumb-{accepted.name}", thumbnail, save=False)
    for field, value in (("content_type", accepted.content_type), ("size", accepted.size)):
        if hasattr(instance, field):
            setattr(instance, field, value)
