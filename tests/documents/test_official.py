"""An official document as data (documents/official.py): when it is final, and how its issuer's
name is made of parts that a line may be broken between."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.documents.lists import OfficialList
from thidua.documents.official import (
    DRAFT_MARK,
    OfficialDocument,
    Signature,
    name_parts,
    split_name,
)
from thidua.documents.tables import Column


def document(signer: str, watermark: str = "", **fields):
    fields.setdefault("issuer", "BCH HỘI NÔNG DÂN XÃ EA BÁ")
    return OfficialDocument(
        number="Số 07-KH/HNDX",
        place="Ea Bá",
        date=date(2022, 3, 25),
        doc_type="KẾ HOẠCH",
        signature=Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer=signer),
        watermark=watermark,
        **fields,
    )


def a_list(signer: str, watermark: str = ""):
    return OfficialList(
        issuer="BCH HỘI NÔNG DÂN XÃ EA BÁ",
        number="Số      -DS/HNDX",
        place="Ea Bá",
        year=2022,
        columns=[Column("TT", 12, "center")],
        signature=Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer=signer),
        watermark=watermark,
    )


@given(
    signer=st.sampled_from(["", " ", "\t", "Nguyễn Thị Hoa", "Y Thuê Niê"]),
    watermark=st.sampled_from(["", "DỰ THẢO", "ĐÃ ĐƯỢC THAY THẾ"]),
    make=st.sampled_from([document, a_list]),
)
def test_a_document_is_final_only_when_it_names_its_signer_and_carries_no_mark(
    signer, watermark, make
):
    doc = make(signer, watermark)
    assert doc.is_final == (bool(signer.strip()) and not watermark)
    # What is stamped: its own mark, else "DỰ THẢO" when nobody is named to sign it.
    expected = watermark or ("" if signer.strip() else DRAFT_MARK)
    assert doc.mark == expected
    assert doc.is_final == (doc.mark == "")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
            (["BCH", "HỘI", "NÔNG", "DÂN"], ["HUYỆN"], "SÔNG HINH"),
        ),
        ("HỘI NÔNG DÂN THỊ XÃ SÔNG CẦU", (["HỘI", "NÔNG", "DÂN"], ["THỊ", "XÃ"], "SÔNG CẦU")),
        (
            "HỘI NÔNG DÂN THÀNH PHỐ HỒ CHÍ MINH",
            (["HỘI", "NÔNG", "DÂN"], ["THÀNH", "PHỐ"], "HỒ CHÍ MINH"),
        ),
        ("HỘI NÔNG DÂN QUẬN 1", (["HỘI", "NÔNG", "DÂN"], ["QUẬN"], "1")),
        # A place whose own name holds a kind's word stays whole.
        (
            "BCH HỘI NÔNG DÂN XÃ THỊ TRẤN MỚI",
            (["BCH", "HỘI", "NÔNG", "DÂN"], ["XÃ"], "THỊ TRẤN MỚI"),
        ),
        ("TW HỘI NÔNG DÂN VIỆT NAM", (["TW", "HỘI", "NÔNG", "DÂN"], [], "VIỆT NAM")),
        ("CHI HỘI NÔNG DÂN THÔN 1", ([], ["CHI", "HỘI"], "NÔNG DÂN THÔN 1")),
        ("VĂN PHÒNG", (["VĂN", "PHÒNG"], [], "")),
    ],
)
def test_an_issuers_name_is_its_body_its_kind_of_place_and_the_place(text, parts):
    assert split_name(text) == parts
    body, kind, place = parts
    assert name_parts(text) == [*body, *kind, *([place] if place else [])]


def test_the_document_offers_its_issuers_printed_lines_to_the_template():
    doc = document("Nguyễn Thị Hoa", superior="HỘI NÔNG DÂN TỈNH PHÚ YÊN")
    assert doc.superior_lines == [["HỘI", "NÔNG", "DÂN", "TỈNH", "PHÚ YÊN"]]
    # 13 pt bold: too wide for the column, broken before the place.
    assert doc.issuer_lines == [["BCH", "HỘI", "NÔNG", "DÂN"], ["XÃ", "EA BÁ"]]
    wide = document("Nguyễn Thị Hoa", issuer="BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH")
    assert wide.issuer_lines == [["BCH", "HỘI", "NÔNG", "DÂN"], ["HUYỆN", "SÔNG HINH"]]
