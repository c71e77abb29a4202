"""Vietnamese text: NFC normalisation, diacritic-free search keys and sort keys."""

import re
import unicodedata

# The Vietnamese alphabet in dictionary order. Letters with a shape mark (ă, â, đ,
# ê, ô, ơ, ư) are letters of their own; tone marks only break ties.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
TONE_MARKS = {"\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0301": "5", "\u0323": "6"}
_SHAPED = {unicodedata.normalize("NFC", ch): ch for ch in ALPHABET}
_WORD = re.compile(r"\s+")
_SEARCH_WORD = re.compile(r"\w+")
# Control characters (pasted from PDF or Word) and the non-characters U+FFFE and U+FFFF are
# invalid in XML, so in DOCX files too. Direction overrides and invisible characters make a
# title display as something else ("hoadon\u202efdp.exe" shows as "hoadonexe.pdf"), and the
# invisible "tag" characters (U+E0000 to U+E007F) carry hidden text: text never needs them.
CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c"
    "\u180e\ufeff\ufffe\uffff\U000e0000-\U000e007f]"
)


def nfc(text: str) -> str:
    """The text in NFC with surrounding blanks removed and inner runs of blanks collapsed."""
    cleaned = CONTROL.sub("", text or "")  # before NFC: a removed mark may join two parts
    return _WORD.sub(" ", unicodedata.normalize("NFC", cleaned)).strip()


def fold(text: str) -> str:
    """Lower case without diacritics ("Đức Bình" → "duc binh"), for searching."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_words(text: str) -> list[str]:
    """The folded words of ``text``, punctuation dropped ("(HTX) Đắk Lắk" → htx, dak, lak)."""
    return _SEARCH_WORD.findall(fold(text))


def search_key(text: str) -> str:
    """The folded words of ``text`` one space apart: the column a list's text box reads."""
    return " ".join(search_words(text))


def sort_key(text: str) -> str:
    """A key that sorts in Vietnamese dictionary order under any database collation.

    The key uses only the characters 0-9 and a-z (which every collation orders
    the same way): two characters per letter, digit or separator (none starting
    with "0"), then "0", then one tone digit per letter as a tie-breaker.
    """
    letters, tones = [], []
    for char in nfc(text).lower():
        base, tone = _split_tone(char)
        if base in _SHAPED:
            letters.append(_code(3 * 36 + ALPHABET.index(base)))
            tones.append(tone)
        elif base.isdigit():
            letters.append("2" + base)
        else:  # spaces and punctuation separate words and sort before letters
            letters.append("10")
    return "".join(letters) + "0" + "".join(tones)


def person_sort_key(full_name: str) -> str:
    """Vietnamese names sort by the given name (the last word), then the rest."""
    words = nfc(full_name).split(" ")
    return sort_key(" ".join([words[-1], *words[:-1]]))


def _split_tone(char: str) -> tuple[str, str]:
    decomposed = unicodedata.normalize("NFD", char)
    tone = "1"
    kept = []
    for mark in decomposed:
        if mark in TONE_MARKS:
            tone = TONE_MARKS[mark]
        else:
            kept.append(mark)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _code(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    return digits[number // 36] + digits[number % 36]
