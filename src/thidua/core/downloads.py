"""Every file the app hands out goes through here: one Content-Disposition (RFC 6266), names
an office recognises.

A browser saves the name it is given. The header carries it twice: ``filename*`` in UTF-8 with
the Vietnamese as written ("Kế hoạch 115-KH-HNDH.docx") and ``filename`` as its plain ASCII
fold ("ke-hoach-115-kh-hndh.docx") for old clients. Building it by hand once per view got
it wrong (non-ASCII sent MIME-encoded, "đ" dropped), so no view writes the header itself.
"""

import re
import unicodedata
from urllib.parse import quote

from django.http import FileResponse, HttpResponse

from thidua.core import text

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # not allowed in a file name on some disk
_NOT_SLUG = re.compile(r"[^a-z0-9._-]+")


def file_name(*parts, extension: str) -> str:
    """A file name from its parts, as a person would write it: "Kế hoạch 115-KH-HNDH.docx".
    Blank parts are skipped; a "/" in a document symbol becomes "-"."""
    words = " ".join(text.nfc(str(p)) for p in parts if p not in (None, ""))
    stem = _UNSAFE.sub("-", words).strip(" .-") or "tep"
    return f"{stem[:150]}.{extension}"


def ascii_name(name: str) -> str:
    """The plain fallback: "Quyết định Đắk Lắk.docx" → "quyet-dinh-dak-lak.docx"."""
    folded = unicodedata.normalize("NFD", text.nfc(name).lower().replace("đ", "d"))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NOT_SLUG.sub("-", plain).strip("-.") or "tep"


def content_disposition(name: str, *, inline: bool = False) -> str:
    disposition = "inline" if inline else "attachment"
    fallback = ascii_name(name)
    if fallback == name:
        return f'{disposition}; filename="{name}"'
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def download(content: bytes, *, name: str, content_type: str) -> HttpResponse:
    """Bytes made for this request (a DOCX, an XLSX, a CSV) to be saved as ``name``."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(name)
    return response


def stored(field_file, *, name: str, content_type: str, inline: bool = False) -> FileResponse:
    """A stored upload, streamed. The caller has already checked that the user may see it:
    media files are never served by the web server directly (README, deployment)."""
    response = FileResponse(field_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition(name, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    return response
