"""A one-page A4 leaflet about one model or initiative (tờ rơi): its name, its unit, its
honour, a photo, what it is and what it achieved, and a QR code linking to its public page.
Plain data in (``Leaflet``), DOCX out, and PDF where LibreOffice is installed."""

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import segno
from docx.shared import Cm, Mm, Pt

from thidua.documents.word import (
    LEFT,
    Page,
    add_line,
    add_run,
    fix_table_width,
    new_document,
    set_table_borders,
    to_bytes,
)

# Not bound: even margins leave the photo and the text the most room on one page.
LEAFLET_PAGE = Page(
    width=Mm(210),
    height=Mm(297),
    top=Mm(15),
    bottom=Mm(15),
    left=Mm(18),
    right=Mm(18),
    heading_widths=(Mm(87), Mm(87)),
    heading_indent=0,
    footing_widths=(Mm(87), Mm(87)),
)
TEXT_SIZE = Pt(12)
# What one page holds beside a photo, in characters: longer texts are cut at a word.
SUMMARY_CHARS = 900
RESULT_CHARS = 500
PHOTO_WIDTH = Cm(11)
QR_WIDTH = Cm(3.5)
PDF_SECONDS = 90


@dataclass(frozen=True)
class Leaflet:
    title: str
    heading: str  # the organisation: "HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    subtitle: str  # kind and unit
    honour: str
    url: str  # the model's public page, also in the QR code
    summary: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)  # label, value
    results: str = ""
    photo: bytes | None = None
    scan_text: str = ""


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last word that fits in ``limit`` characters, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def qr_png(url: str, *, scale: int = 6) -> bytes:
    """The QR code of ``url`` as a PNG (error correction M, a quiet zone of 4 modules)."""
    buffer = BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def leaflet_docx(leaflet: Leaflet) -> bytes:
    document = new_document(LEAFLET_PAGE)
    add_line(document, leaflet.heading, size=TEXT_SIZE, bold=True)
    add_line(document, leaflet.title, size=Pt(20), bold=True, space_before=Pt(6))
    add_line(document, leaflet.subtitle, size=TEXT_SIZE, italic=True)
    if leaflet.honour:
        add_line(document, leaflet.honour, size=Pt(13), bold=True, space_before=Pt(4))
    if leaflet.photo:
        paragraph = add_line(document, "", space_before=Pt(6))
        paragraph.add_run().add_picture(BytesIO(leaflet.photo), width=PHOTO_WIDTH)
    if leaflet.summary:
        add_line(
            document,
            shorten(leaflet.summary, SUMMARY_CHARS),
            align=LEFT,
            size=TEXT_SIZE,
            space_before=Pt(6),
        )
    for label, value in leaflet.facts:
        paragraph = add_line(document, "", align=LEFT)
        add_run(paragraph, f"{label}: ", size=TEXT_SIZE, bold=True)
        add_run(paragraph, value, size=TEXT_SIZE)
    if leaflet.results:
        add_line(
            document,
            shorten(leaflet.results, RESULT_CHARS),
            align=LEFT,
            size=TEXT_SIZE,
            space_before=Pt(4),
        )
    table = document.add_table(rows=1, cols=2)
    set_table_borders(table)
    fix_table_width(table, int(LEAFLET_PAGE.text_width.twips))
    code, words = table.rows[0].cells
    code.width, words.width = Cm(4.2), LEAFLET_PAGE.text_width - Cm(4.2)
    code.paragraphs[0].add_run().add_picture(BytesIO(qr_png(leaflet.url)), width=QR_WIDTH)
    add_line(words, leaflet.scan_text, align=LEFT, size=TEXT_SIZE)
    add_line(words, leaflet.url, align=LEFT, size=Pt(11))
    return to_bytes(document)


def can_make_pdf() -> bool:
    return shutil.which("soffice") is not None


def pdf_from_docx(content: bytes) -> bytes | None:
    """The DOCX converted by LibreOffice (``soffice``); None where it is not installed or
    fails."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "leaflet.docx"
        source.write_bytes(content)
        try:
            subprocess.run(  # noqa: S603 (a fixed program on a file of our own)
                [
                    soffice,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=PDF_SECONDS,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        target = source.with_suffix(".pdf")
        return target.read_bytes() if target.exists() else None
