"""An official document of a mass organisation, as plain data.

The renderers (DOCX in `thidua.documents.docx`, HTML in the template
`documents/official_document.html`) read only these classes, so any part of the product
(plans, decisions, reports) can produce a document without the renderers knowing its models.
The texts are the document's own Vietnamese content: they are never translated.

Both renderers break the issuer block's lines where this module says (`balanced_parts`): between
words, never inside the place named, never leaving a word alone on a line, measured with Times
New Roman's widths.
"""

import itertools
import unicodedata
from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812 (the field below is called `date`)

from docx.shared import Length, Mm, Pt

from thidua.documents.dates import BLANK, place_and_date

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_LABEL = "Nơi nhận:"
# The mark of a document that is not final: a draft, or one that names no one to sign it.
DRAFT_MARK = "DỰ THẢO"

# The words that say what kind of place an issuer is named after, longest first ("THỊ XÃ"
# before "XÃ"); what follows the first of them in a name is the place's own name.
PLACE_WORDS = (
    ("thành", "phố"),
    ("thị", "trấn"),
    ("thị", "xã"),
    ("đặc", "khu"),
    ("chi", "hội"),
    ("tổ", "hội"),
    ("tỉnh",),
    ("huyện",),
    ("quận",),
    ("phường",),
    ("xã",),
)
COUNTRY = ("việt", "nam")  # "TW HỘI NÔNG DÂN VIỆT NAM" names no kind of place

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """4 → "IV": sections of a document are numbered in Roman numerals."""
    if not 0 < n < 4000:
        raise ValueError(f"no Roman numeral for {n}")
    digits = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        digits.append(numeral * count)
    return "".join(digits)


def number_line(number: int | None, symbol: str) -> str:
    """(115, "KH/HNDH") → "Số 115-KH/HNDH"; a draft (None) leaves room for the number.

    The Party-style format joins number and symbol with a hyphen and puts no colon after "Số".
    """
    if number is None:
        return f"Số{BLANK}-{symbol}"
    return f"Số {number:02d}-{symbol}"  # numbers under 10 take a leading 0


def name_parts(text: str) -> list[str]:
    """The pieces a line of the issuer block may be broken between: its words, except the place
    it names, which stays whole. "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH" → ["BCH", "HỘI", "NÔNG",
    "DÂN", "HUYỆN", "SÔNG HINH"]; "HỘI NÔNG DÂN THỊ XÃ SÔNG CẦU" → [… "THỊ", "XÃ", "SÔNG CẦU"]."""
    body, kind, place = split_name(text)
    return [*body, *kind, *([place] if place else [])]


def split_name(text: str) -> tuple[list[str], list[str], str]:
    """An issuer's name as (the body's words, the words of the kind of place, the place):
    "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH" → (["BCH", "HỘI", "NÔNG", "DÂN"], ["HUYỆN"], "SÔNG HINH").

    The place is what follows the first word that names a kind of place ("TỈNH", "THỊ XÃ",
    "CHI HỘI" …), so a place whose own name holds such a word stays whole too. A name that
    names no kind of place is all body, save "VIỆT NAM" at its end.
    """
    words = unicodedata.normalize("NFC", text).split()
    folded = [word.casefold() for word in words]
    for index in range(len(words)):
        for kind in PLACE_WORDS:
            end = index + len(kind)
            if tuple(folded[index:end]) == kind and end < len(words):
                return words[:index], words[index:end], " ".join(words[end:])
    if len(words) > len(COUNTRY) and tuple(folded[-len(COUNTRY) :]) == COUNTRY:
        return words[: -len(COUNTRY)], [], " ".join(words[-len(COUNTRY) :])
    return words, [], ""


# --- the lines of the issuer block ----------------------------------------------------

# The advance widths of Times New Roman's letters, in units of 2048 to the em, as its metric
# twin Liberation Serif has them (regular, then bold). A letter with Vietnamese marks is as
# wide as its base letter, except that a horn (Ơ, Ư) sticks out to the right.
_MEASURED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -'.,()/&*:;"
_EM = 2048
_ADVANCES = {
    False: (
        1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479,
        1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251,
        909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024,
        1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
        512, 682, 369, 512, 512, 682, 682, 569, 1593, 1024, 569, 569,
    ),
    True: (
        1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593,
        1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366,
        1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024,
        1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
        512, 682, 569, 512, 512, 682, 682, 569, 1706, 1024, 682, 682,
    ),
}  # fmt: skip
_WIDTHS = {bold: dict(zip(_MEASURED, widths, strict=True)) for bold, widths in _ADVANCES.items()}
_HORN = "\u031b"
_HORN_WIDTH = _EM // 10  # measured generously: a line that is thought to fit must fit
_MAX_LINES = 3


def text_width(text: str, size: Length, *, bold: bool = False) -> Length:
    """How wide `text` prints in Times New Roman of `size`, on one line."""
    widths = _WIDTHS[bold]
    units = 0
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char.replace("Đ", "D").replace("đ", "d"))
        units += widths.get(decomposed[0], _EM // 2)
        if _HORN in decomposed:
            units += _HORN_WIDTH
    return Length(size * units // _EM)


def balanced_parts(
    text: str, width: Length, *, size: Length, bold: bool = False
) -> list[list[str]]:
    """A line of the issuer block as it is printed in a column `width` wide: on one line if
    it fits, else broken between words into as few lines as fit, with at least two words on
    every line and never a break inside the place it names: "BCH HỘI NÔNG DÂN / HUYỆN SÔNG
    HINH", not "BCH HỘI NÔNG DÂN HUYỆN SÔNG / HINH". Among those, breaks before the place (or
    its kind) come first, as the usual headers have them, then the most even lines."""
    body, kind, place = split_name(text)
    parts = [*body, *kind, *([place] if place else [])]
    whole = " ".join(parts)
    if len(parts) < 2 or text_width(whole, size, bold=bold) <= width:
        return [parts] if whole else []
    natural = {len(body), len(body) + len(kind)} if place else set()
    best, chosen = None, [parts]
    for count in range(2, min(_MAX_LINES, len(parts)) + 1):
        for cuts in itertools.combinations(range(1, len(parts)), count - 1):
            bounds = (0, *cuts, len(parts))
            broken = [parts[a:b] for a, b in itertools.pairwise(bounds)]
            lines = [" ".join(line) for line in broken]
            if any(len(line.split()) < 2 for line in lines):
                continue
            widest = max(text_width(line, size, bold=bold) for line in lines)
            fits = widest <= width
            # Fewest lines that fit, natural breaks, even lines; if none fits, least overflow.
            unnatural = sum(1 for cut in cuts if cut not in natural)
            key = (not fits, count, unnatural, widest) if fits else (True, 0, 0, widest)
            if best is None or key < best:
                best, chosen = key, broken
    return chosen


def balanced_lines(text: str, width: Length, *, size: Length, bold: bool = False) -> list[str]:
    """The lines of `balanced_parts`, as text."""
    return [" ".join(line) for line in balanced_parts(text, width, size=size, bold=bold)]


# The issuer block as printed: 13 pt, in the left column of the heading (72 mm on A4 portrait,
# less Word's cell margins of 1.9 mm each), a little narrower than that so that a line thought
# to fit just does not wrap.
ISSUER_SIZE = Pt(13)
ISSUER_ROOM = Length(int((Mm(72) - 2 * Mm(1.905)) * 0.98))


@dataclass(frozen=True, kw_only=True)
class Point:
    """A numbered point of a section. An empty title means the first paragraph carries the
    number itself ("1. Thi đua …")."""

    title: str = ""
    paragraphs: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Section:
    """A part of the body; `heading` is complete with its number: "I. MỤC ĐÍCH, YÊU CẦU"."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Signature:
    authority: str  # "T/M BAN THƯỜNG VỤ"
    title: str  # "CHỦ TỊCH"
    signer: str  # "Bá Minh Hiếu"
    signed_note: str = ""  # "Đã ký" on a copy of a signed original

    @property
    def note(self) -> str:
        """The note as printed: "(Đã ký)"."""
        text = self.signed_note.strip()
        if not text or text.startswith("("):
            return text
        return f"({text})"


class OfficialFrame:
    """What frames the body of every official document: the heading above it (issuer, number,
    national title, place and date) and the recipients and signature below it.

    A mixin, not a dataclass: `OfficialDocument` and `thidua.documents.lists.OfficialList`
    declare these fields themselves, each in its own order and with its own defaults, so that
    their constructors stay as they are; the texts derived from the fields are written once here.
    """

    superior: str
    issuer: str
    number: str
    place: str
    date: Date | None
    year: int | None
    doc_type: str
    subject_lines: list[str]
    recipients: list[str]
    signature: Signature
    watermark: str  # "DỰ THẢO", "ĐÃ ĐƯỢC THAY THẾ", or "" for a final document

    def __post_init__(self):
        if self.date is None and self.year is None:
            raise ValueError("an undated (draft) document needs its year")

    @property
    def date_line(self) -> str:
        """The place-and-date line, or a draft's line with the day and month left blank."""
        return place_and_date(self.place, self.date, self.year)

    @property
    def title(self) -> str:
        """How the document is named: its type then its subject."""
        return " ".join([self.doc_type, *self.subject_lines])

    @property
    def is_final(self) -> bool:
        """A final document names the person who signs it and carries no mark."""
        return not self.watermark and bool(self.signature.signer.strip())

    @property
    def mark(self) -> str:
        """What is stamped at the top of every page: the document's own mark, else "DỰ THẢO"
        when it names no one to sign it (a final document always does)."""
        if self.watermark:
            return self.watermark
        return "" if self.signature.signer.strip() else DRAFT_MARK

    @property
    def superior_lines(self) -> list[list[str]]:
        """The superior's line as printed on A4 portrait: its lines, each a list of the parts
        it is not broken within (see `balanced_parts`)."""
        return balanced_parts(self.superior, ISSUER_ROOM, size=ISSUER_SIZE)

    @property
    def issuer_lines(self) -> list[list[str]]:
        return balanced_parts(self.issuer, ISSUER_ROOM, size=ISSUER_SIZE, bold=True)

    @property
    def recipient_lines(self) -> list[str]:
        """Each recipient as printed under "Nơi nhận:", with its dash."""
        return [f"- {recipient.strip().removeprefix('-').strip()}" for recipient in self.recipients]

    # The fixed texts of the format, offered here so that templates can reach them.
    @property
    def nation(self) -> str:
        return NATION

    @property
    def motto(self) -> str:
        return MOTTO

    @property
    def recipients_label(self) -> str:
        return RECIPIENTS_LABEL


@dataclass(frozen=True, kw_only=True)
class OfficialDocument(OfficialFrame):
    superior: str = ""  # "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    issuer: str  # "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    number: str  # number_line(115, "KH/HNDH")
    place: str  # "Sông Hinh"
    date: Date | None = None  # None for a draft
    year: int | None = None  # printed on the blank date line of a draft (date None)
    doc_type: str  # "KẾ HOẠCH"
    subject_lines: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature
    watermark: str = ""  # "DỰ THẢO", "ĐÃ ĐƯỢC THAY THẾ"
