"""Vietnamese text handling: NFC, diacritic-free search, dictionary order."""

import unicodedata

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.text import fold, nfc, person_sort_key, sort_key


def test_nfc_joins_decomposed_text_and_collapses_blanks():
    decomposed = unicodedata.normalize("NFD", "  Đức   Bình Tây ")
    assert nfc(decomposed) == "Đức Bình Tây"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_fold_removes_diacritics_and_case():
    assert fold("Đức Bình TÂY") == "duc binh tay"
    assert fold(unicodedata.normalize("NFD", "Ea Bá")) == "ea ba"


def test_sort_key_follows_the_vietnamese_alphabet():
    names = ["Ea Bá", "Đức Bình", "Dak", "Sơn Giang", "Sông Hinh", "An", "Ăn", "Âm", "Anh"]
    assert sorted(names, key=sort_key) == [
        "An", "Anh", "Ăn", "Âm", "Dak", "Đức Bình", "Ea Bá", "Sông Hinh", "Sơn Giang",
    ]  # fmt: skip


def test_tones_only_break_ties_in_the_traditional_order():
    assert sorted(["bạ", "bá", "bã", "bả", "bà", "ba"], key=sort_key) == [
        "ba", "bà", "bả", "bã", "bá", "bạ",
    ]  # fmt: skip
    assert sort_key("bá") < sort_key("bac")


def test_people_sort_by_given_name_first():
    names = ["Trần Văn Cường", "Lê Thị An", "Nguyễn Bình"]
    assert sorted(names, key=person_sort_key) == ["Lê Thị An", "Nguyễn Bình", "Trần Văn Cường"]


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ 0123456789", max_size=30))
def test_sort_key_uses_only_collation_safe_characters(value):
    assert set(sort_key(value)) <= set("0123456789abcdefghijklmnopqrstuvwxyz")


@given(st.lists(st.text(alphabet="abcdeđêôơư ", min_size=1, max_size=8), min_size=2, max_size=6))
def test_sort_key_order_is_the_same_under_c_collation(values):
    # Keys compare the same byte-wise and as Python strings, so any database agrees.
    keys = [sort_key(v) for v in values]
    assert sorted(keys) == sorted(keys, key=lambda k: k.encode())


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("hoadon\u202efdp.exe", "hoadonfdp.exe"),
        ("Mô\u200bhình", "Môhình"),
        ("\ufeffKế hoạch", "Kế hoạch"),
        ("a\u2066b\u2069c", "abc"),
        ("tab\x85x", "tabx"),
    ],
)
def test_nfc_drops_direction_and_invisible_characters(typed, kept):
    assert nfc(typed) == kept


@given(st.text())
def test_nfc_output_has_no_format_or_control_characters(typed):
    cleaned = nfc(typed)
    assert not any(unicodedata.category(ch) in {"Cc"} for ch in cleaned if ch not in "\n\t")
    assert not any(ch in cleaned for ch in "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
    assert unicodedata.is_normalized("NFC", cleaned)


@pytest.mark.parametrize(
    "typed", ["Kế hoạch\ufffe", "Báo cáo\uffff", "Mô hình\U000e0041\U000e007f"]
)
def test_nfc_drops_noncharacters_and_invisible_tags(typed):
    """U+FFFE and U+FFFF are not allowed in XML (a DOCX of such a title would fail to build);
    the invisible "tag" characters smuggle hidden text."""
    assert nfc(typed) in {"Kế hoạch", "Báo cáo", "Mô hình"}


@given(st.text())
def test_nfc_output_can_go_into_a_docx(typed):
    Document().add_paragraph(nfc(typed))  # python-docx refuses what XML does not allow
