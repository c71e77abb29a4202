"""Vietnamese text as the similarity index sees it: folded syllables, abbreviations spelt
out, syllable pairs.

Folding (``core/text.fold``: NFC, lower case, no diacritics, đ → d) makes "Mô hình" and
"mo hinh" the same words, so an officer typing without diacritics finds what others wrote
with them. A Vietnamese word is most often two syllables ("hợp tác", "chăn nuôi"), so the
pairs of neighbouring syllables stand for words without a dictionary segmenter; measured
against single syllables alone in ``bench/novelty_quality.py`` (bench/RESULTS.md), the pairs
are what keep related-but-new ideas of a sector below the warning threshold.

A term is a single syllable ("nuoi") or a pair written as its two syllables joined by "_"
("chan_nuoi"); in the database's full-text index the pair is written without it
("channuoi"), as both FTS5's and PostgreSQL's tokenisers keep a run of letters whole.
"""

import itertools
import re

from thidua.core import text

SYLLABLE = re.compile(r"[a-z0-9]+")

# Abbreviations common in the Hội's papers, folded, spelt out before anything else; a word
# is replaced only when it stands alone ("htx", not "htxa").
ABBREVIATIONS = {
    "htx": "hop tac xa",
    "thtx": "to hop tac",
    "ntm": "nong thon moi",
    "hnd": "hoi nong dan",
    "nd": "nong dan",
    "hlhpn": "hoi lien hiep phu nu",
    "hpn": "hoi phu nu",
    "pn": "phu nu",
    "hccb": "hoi cuu chien binh",
    "ccb": "cuu chien binh",
    "dtn": "doan thanh nien",
    "tn": "thanh nien",
    "mttq": "mat tran to quoc",
    "sxkd": "san xuat kinh doanh",
    "sx": "san xuat",
    "kd": "kinh doanh",
    "khkt": "khoa hoc ky thuat",
    "bvtv": "bao ve thuc vat",
    "vsattp": "ve sinh an toan thuc pham",
    "attp": "an toan thuc pham",
    "clb": "cau lac bo",
    "ubnd": "uy ban nhan dan",
    "ptnt": "phat trien nong thon",
    "nnptnt": "nong nghiep phat trien nong thon",
    "cntt": "cong nghe thong tin",
    "cds": "chuyen doi so",
    "ocop": "ocop",
    "vietgap": "viet gap",
    "bhyt": "bao hiem y te",
    "bhxh": "bao hiem xa hoi",
    "xkld": "xuat khau lao dong",
    "gd": "gia dinh",
    "hgd": "ho gia dinh",
    "vac": "vuon ao chuong",
    "dtts": "dan toc thieu so",
    "csxh": "chinh sach xa hoi",
    "nhcsxh": "ngan hang chinh sach xa hoi",
    "bvmt": "bao ve moi truong",
    "vsmt": "ve sinh moi truong",
}
# "y" and "i" at the end of a syllable are spelt either way ("kỹ"/"kĩ", "quý"/"quí").
_SPELLING = {"ky": "ki", "ly": "li", "my": "mi", "sy": "si", "ty": "ti", "quy": "qui"}
# Syllables too common in the Hội's papers to tell one initiative from another, whatever the
# archive's own statistics say (a small archive has none worth the name).
_COMMON_WORDS = (
    "mo hinh sang kien y tuong cua cho va voi cac nhung trong tai tu de la co duoc mot "
    "nham nang cao hieu qua phat trien thuc hien ho tro xay dung ap dung giup hoi vien "
    "nguoi dan xa huyen thon ban "
    # words of every sector's papers: alone or paired, they tell no idea from another
    "to hop tac lien ket tieu thu san xuat chan nuoi trong trot nong dan phu nu thanh nien "
    "dia tren theo huong thu nhap kinh te nghiep tang gia dinh vao ky thuat giong moi "
    "chi hoi vien ap dung"
)
COMMON = frozenset(_COMMON_WORDS.split())

# The same, as index tokens: each common syllable and each pair of them.
COMMON_TOKENS = frozenset(COMMON | {a + b for a in COMMON for b in COMMON})


def syllables(value: str) -> list[str]:
    """The folded syllables of ``value``, abbreviations spelt out: "Mô hình HTX" → mo hinh
    hop tac xa."""
    found = []
    for syllable in SYLLABLE.findall(text.fold(value or "")):
        expanded = ABBREVIATIONS.get(syllable)
        if expanded:
            found.extend(expanded.split())
        else:
            found.append(_SPELLING.get(syllable, syllable))
    return found


def terms(value: str) -> list[str]:
    """The terms of ``value``: each syllable and each pair of neighbouring syllables, in
    order, repeats kept (the caller counts or dedupes)."""
    found = syllables(value)
    pairs = [f"{a}_{b}" for a, b in itertools.pairwise(found)]
    return found + pairs


def indexed(term: str) -> str:
    """How ``term`` is written in the full-text index (one token, letters and digits)."""
    return term.replace("_", "")


LONGEST = 40  # a longer run of letters is a link or a pasted code, not a word


def grams(*texts: str) -> list[str]:
    """The distinct index tokens of ``texts`` (each text's terms, pairs not crossing from one
    text to the next), sorted; numbers are left out (a year or a count says nothing of the
    idea)."""
    found = set()
    for value in texts:
        for term in terms(value):
            token = indexed(term)
            if len(token) <= LONGEST and not any(ch.isdigit() for ch in token):
                found.add(token)
    return sorted(found)
