"""Reading a rendered DOCX back in tests: its paragraphs, cells and the fonts runs show in."""


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
