"""The plan's body as plain text, for editing in one text box.

    # MỤC ĐÍCH, YÊU CẦU          a section (numbered I, II … automatically)
    ## Mục đích                  a point with a title (numbered 1, 2 … automatically)
    ##                           a point without a title
    - Tăng cường …               any other line: a paragraph of the current point or section

Office staff paste text from Word; this keeps the structure without a form per paragraph.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from thidua.core import text


@dataclass
class PointDraft:
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class SectionDraft:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    points: list[PointDraft] = field(default_factory=list)


class BodyError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def parse(source: str) -> list[SectionDraft]:
    sections: list[SectionDraft] = []
    for number, raw in enumerate(source.splitlines(), start=1):
        line = text.nfc(raw)
        if not line:
            continue
        if line.startswith("##"):
            if not sections:
                raise BodyError(number, _("a point (##) must come after a section heading (#)"))
            sections[-1].points.append(PointDraft(title=line[2:].strip()))
        elif line.startswith("#"):
            heading = line[1:].strip()
            if not heading:
                raise BodyError(number, _("the section heading after # is empty"))
            sections.append(SectionDraft(heading=heading))
        elif not sections:
            raise BodyError(number, _("the text must start with a section heading (#)"))
        elif sections[-1].points:
            sections[-1].points[-1].paragraphs.append(line)
        else:
            sections[-1].paragraphs.append(line)
    return sections


def unparse(sections) -> str:
    """The text of saved sections (model instances with prefetched points)."""
    lines: list[str] = []
    for section in sections:
        lines.append(f"# {section.heading}")
        lines.extend(p for p in section.body.splitlines() if p.strip())
        for point in section.points.all():
            lines.append(f"## {point.title}".rstrip())
            lines.extend(p for p in point.body.splitlines() if p.strip())
        lines.append("")
    return "\n".join(lines).strip() + "\n"
