"""The words found, marked in the text as written: escaped first, then <mark> around them."""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from thidua.core import text as vietnamese

EXCERPT = 180  # characters of a long text shown around the first word found
_ALNUM = re.compile(r"[a-z0-9]")


def _folded(text: str) -> tuple[str, list[int]]:
    """The text folded character by character, and for each folded character the index of
    the character of ``text`` it came from (folding may drop marks or, rarely, add letters)."""
    folded, origin = [], []
    for index, char in enumerate(text):
        part = _fold_char(char)
        folded.append(part)
        origin.extend([index] * len(part))
    return "".join(folded), origin


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    # Remembered: a page highlights thousands of characters drawn from a few hundred, and
    # folding one through NFC and NFD costs as much as a dictionary lookup a hundred times.
    return vietnamese.fold(char) if not char.isspace() else " "


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in ``text`` the ``terms`` start a word: (start, end) indexes, merged."""
    folded, origin = _folded(text)
    found = []
    for term in terms:
        whole, starts = [], []
        for match in re.finditer(re.escape(term), folded):
            start = match.start()
            if start and _ALNUM.match(folded[start - 1]):
                continue  # inside a word: "an" is not found in "sắn"
            end = origin[match.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1  # a mark typed apart (NFD) belongs to its letter
            next_char = folded[match.end() : match.end() + 1]
            (starts if next_char and _ALNUM.match(next_char) else whole).append(
                (origin[start], end)
            )
        # "san" marks "sắn", not the start of "sáng" beside it; a word typed in part ("tro")
        # marks the starts of the words it begins.
        found += whole or starts
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with each word found in a <mark>."""
    text = str(text or "")
    parts, last = [], 0
    for start, end in spans(text, terms):
        parts += [escape(text[last:start]), "<mark>", escape(text[start:end]), "</mark>"]
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of the text is escaped above)


def excerpt(text: str, terms: list[str], size: int = EXCERPT) -> SafeString:
    """A part of a long text around the first word found, highlighted; empty if none is."""
    text = vietnamese.nfc(text or "")
    found = spans(text, terms)
    if not found:
        return mark_safe("")
    start = max(0, found[0][0] - size // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < found[0][0] else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", found[0][1], end)
        end = space if space > 0 else end
    shown = highlight(text[start:end], terms)
    before = "… " if start else ""
    after = " …" if end < len(text) else ""
    return mark_safe(f"{before}{shown}{after}")  # noqa: S308 (highlight escaped the text)
