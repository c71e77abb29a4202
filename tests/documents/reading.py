"""Reading a rendered DOCX back in tests: its paragraphs, cells and the fonts runs show in."""

import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def lines(cell) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs]


def find(document, text: str):
    (paragraph,) = [p for p in document.paragraphs if p.text == text]
    return paragraph


def all_paragraphs(document):
    """Body, table cells and page headers: everything that prints."""
    yield from document.paragraphs
    for table in document.tables:
        for cell in table._cells:
            yield from cell.paragraphs
    for section in document.sections:
        yield from section.header.paragraphs
        yield from section.first_page_header.paragraphs


def font_of(run) -> str | None:
    """The font a run shows in: its own, else its paragraph style's, else Normal's."""
    if run.font.name:
        return run.font.name
    style = run._parent.style
    while style is not None:
        if style.font.name:
            return style.font.name
        style = style.base_style
    return None


def reopen(data: bytes, tmp_path, name: str):
    """The bytes of a rendered .docx, saved under `name` and opened again."""
    path = tmp_path / name
    path.write_bytes(data)
    return Document(str(path))


def texts(document) -> list[str]:
    """The body's paragraphs, outside tables."""
    return [paragraph.text for paragraph in document.paragraphs]


def bordered(document) -> list:
    """The tables with lines, as opposed to the layout tables of the heading and signature."""
    return [
        table
        for table in document.tables
        if {e.get(qn("w:val")) for e in table._tbl.tblPr.find(qn("w:tblBorders"))} != {"nil"}
    ]


def repeats_heading(table) -> bool:
    """Only the first row is repeated at the top of each page."""
    rows = table.rows
    return rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None and all(
        row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:]
    )


def printed_runs(document) -> list:
    """The runs with text, wherever they print."""
    return [run for paragraph in all_paragraphs(document) for run in paragraph.runs if run.text]


def is_plain_docx(data: bytes) -> bool:
    """A sound zip package with the main document part."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        return "word/document.xml" in package.namelist() and package.testzip() is None


# --- on the printed page (LibreOffice) -------------------------------------------------

SOFFICE, PDFTOTEXT = shutil.which("soffice"), shutil.which("pdftotext")


def printed_pages(docx_files: list[Path], out: Path) -> dict[str, list[str]]:
    """Each DOCX as LibreOffice lays it out: the text of each of its pages."""
    profile = (out / "profile").as_uri()
    subprocess.run(  # noqa: S603 (LibreOffice on files the test wrote)
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, docx_files)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pages = {}
    for path in docx_files:
        pdf = out / f"{path.stem}.pdf"
        text = subprocess.run(  # noqa: S603 (pdftotext on files the test wrote)
            [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        pages[path.stem] = text.split("\f")
    return pages
