"""An official document of a mass organisation, as plain data.

The renderers (DOCX in `thidua.documents.docx`, HTML in the template
`documents/official_document.html`) read only these classes, so any part of the product
(plans, decisions, reports) can produce a document without the renderers knowing its models.
The texts are the document's own Vietnamese content: they are never translated.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812 (the field below is called `date`)

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
    def superior_parts(self) -> list[str]:
        return name_parts(self.superior)

    @property
    def issuer_parts(self) -> list[str]:
        return name_parts(self.issuer)

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
