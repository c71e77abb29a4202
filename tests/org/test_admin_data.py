"""Checks on the shipped administrative-unit CSVs (plain csv module, no Django)."""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "thidua" / "org" / "data"
UNIT_HEADER = ["level", "code", "name", "kind", "parent_code"]
SUCCESSION_HEADER = ["level", "old_code", "new_code", "is_main"]
UNIT_FILES = ("units_legacy.csv", "units_current.csv")


@cache
def read(filename: str) -> tuple[list[str], list[dict[str, str]]]:
    """Return the header and rows of one data file."""
    with (DATA / filename).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def rows(filename: str, level: str | None = None) -> list[dict[str, str]]:
    return [row for row in read(filename)[1] if level is None or row["level"] == level]


@cache
def by_code(filename: str, level: str) -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in rows(filename, level)}


@cache
def successors(level: str) -> dict[str, list[dict[str, str]]]:
    result: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows("succession.csv", level):
        result[row["old_code"]].append(row)
    return result


@pytest.mark.parametrize(
    ("filename", "header"),
    [
        ("units_legacy.csv", UNIT_HEADER),
        ("units_current.csv", UNIT_HEADER),
        ("succession.csv", SUCCESSION_HEADER),
    ],
)
def test_headers(filename, header):
    assert read(filename)[0] == header


def test_legacy_counts():
    counts = Counter(row["level"] for row in rows("units_legacy.csv"))
    assert counts["province"] == 63
    assert 690 <= counts["district"] <= 700
    assert 10_000 <= counts["ward"] <= 10_100


def test_current_counts():
    counts = Counter(row["level"] for row in rows("units_current.csv"))
    assert counts == {"province": 34, "ward": 3321}


@pytest.mark.parametrize(
    ("filename", "kinds"),
    [
        (
            "units_legacy.csv",
            {
                "province": {"tỉnh", "thành phố"},
                "district": {"huyện", "quận", "thị xã", "thành phố"},
                "ward": {"xã", "phường", "thị trấn"},
            },
        ),
        (
            "units_current.csv",
            {"province": {"tỉnh", "thành phố"}, "ward": {"xã", "phường", "đặc khu"}},
        ),
    ],
)
def test_kinds(filename, kinds):
    for row in rows(filename):
        assert row["kind"] in kinds[row["level"]], row


@pytest.mark.parametrize(
    ("filename", "parent_level"),
    [
        ("units_legacy.csv", {"province": None, "district": "province", "ward": "district"}),
        ("units_current.csv", {"province": None, "ward": "province"}),
    ],
)
def test_parents_resolve(filename, parent_level):
    for row in rows(filename):
        level = parent_level[row["level"]]
        if level is None:
            assert row["parent_code"] == "", row
        else:
            assert row["parent_code"] in by_code(filename, level), row


@pytest.mark.parametrize("filename", UNIT_FILES)
def test_codes_unique_per_level(filename):
    keys = [(row["level"], row["code"]) for row in rows(filename)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("filename", UNIT_FILES)
def test_names_have_no_kind_prefix(filename):
    for row in rows(filename):
        name = row["name"]
        assert name, row
        assert name == name.strip(), row
        # "Phường 5" and "Quận 1" keep their prefix; "Phường Đúc" (Huế) is the name itself.
        if not name.split()[-1].isdigit() and name != "Phường Đúc":
            assert not name.casefold().startswith(row["kind"] + " "), row


@pytest.mark.parametrize("filename", [*UNIT_FILES, "succession.csv", "README.md"])
def test_text_is_nfc(filename):
    text = (DATA / filename).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_every_legacy_ward_has_one_main_successor():
    new_wards = by_code("units_current.csv", "ward")
    links = successors("ward")
    for code in by_code("units_legacy.csv", "ward"):
        assert code in links, code
        assert sum(row["is_main"] == "1" for row in links[code]) == 1, code
        for row in links[code]:
            assert row["new_code"] in new_wards, row
            assert row["is_main"] in {"0", "1"}, row


def test_every_legacy_province_has_one_main_successor():
    new_provinces = by_code("units_current.csv", "province")
    links = successors("province")
    for code in by_code("units_legacy.csv", "province"):
        assert sum(row["is_main"] == "1" for row in links[code]) == 1, code
        assert all(row["new_code"] in new_provinces for row in links[code]), code


def test_succession_refers_only_to_known_units():
    old = {level: by_code("units_legacy.csv", level) for level in ("province", "district", "ward")}
    new_provinces = by_code("units_current.csv", "province")
    new_wards = by_code("units_current.csv", "ward")
    for row in rows("succession.csv"):
        assert row["old_code"] in old[row["level"]], row
        targets = new_provinces if row["level"] == "province" else new_wards
        assert row["new_code"] in targets, row


def test_every_current_ward_has_a_predecessor():
    reached = {row["new_code"] for row in rows("succession.csv") if row["level"] != "province"}
    assert set(by_code("units_current.csv", "ward")) == reached


def test_ward_successor_lies_in_province_successor():
    old_districts = by_code("units_legacy.csv", "district")
    old_wards = by_code("units_legacy.csv", "ward")
    new_wards = by_code("units_current.csv", "ward")
    province_of = {code: links[0]["new_code"] for code, links in successors("province").items()}
    for row in rows("succession.csv", "ward"):
        old_province = old_districts[old_wards[row["old_code"]]["parent_code"]]["parent_code"]
        assert new_wards[row["new_code"]]["parent_code"] == province_of[old_province], row


def test_phu_yen_became_dak_lak():
    old = by_code("units_legacy.csv", "province")
    new = by_code("units_current.csv", "province")
    assert (old["54"]["name"], old["54"]["kind"]) == ("Phú Yên", "tỉnh")
    assert (new["66"]["name"], new["66"]["kind"]) == ("Đắk Lắk", "tỉnh")
    assert [(r["new_code"], r["is_main"]) for r in successors("province")["54"]] == [("66", "1")]


def test_song_hinh_district():
    district = by_code("units_legacy.csv", "district")["561"]
    assert (district["name"], district["kind"], district["parent_code"]) == (
        "Sông Hinh",
        "huyện",
        "54",
    )
    wards = [row for row in rows("units_legacy.csv", "ward") if row["parent_code"] == "561"]
    assert sorted((row["kind"], row["name"]) for row in wards) == sorted(
        [("thị trấn", "Hai Riêng")]
        + [
            ("xã", name)
            for name in (
                "Ea Bá",
                "Ea Bar",
                "Ea Bia",
                "Ea Lâm",
                "Ea Ly",
                "Ea Trol",
                "Đức Bình Đông",
                "Đức Bình Tây",
                "Sơn Giang",
                "Sông Hinh",
            )
        ]
    )

    new_wards = by_code("units_current.csv", "ward")
    links = successors("ward")
    targets = {}
    for ward in wards:
        targets[ward["name"]] = {
            (new_wards[row["new_code"]]["kind"], new_wards[row["new_code"]]["name"])
            for row in links[ward["code"]]
        }
        for row in links[ward["code"]]:
            assert new_wards[row["new_code"]]["parent_code"] == "66", row

    assert set().union(*targets.values()) == {
        ("xã", "Sông Hinh"),
        ("xã", "Ea Ly"),
        ("xã", "Đức Bình"),
        ("xã", "Ea Bá"),
    }
    split = {name for name, new in targets.items() if len(new) > 1}
    assert split == {"Ea Bar", "Ea Bia"}
    assert all(len(targets[name]) == 2 for name in split)
