"""Checking uploaded files by their content, never by their name."""

import uuid
import zipfile
from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import slugify
from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


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
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
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
