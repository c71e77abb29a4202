"""Regenerate Vietnam's administrative-unit tables from the `vietnamadminunits` package.

Reads the data files shipped by the MIT-licensed PyPI package `vietnamadminunits`
(`data/dataset.db` and `data/converter_2025.json`) directly with sqlite3 and json,
without importing the package, and rewrites, in src/thidua/org/data/:

- units_legacy.csv   the 63 provinces -> districts -> wards in force before 1/7/2025;
- units_current.csv  the 34 provinces -> wards (xã, phường, đặc khu) from 1/7/2025;
- succession.csv     which new unit(s) each old province, ward (and ward-less district)
                     became.

Same input gives byte-identical output. Anything odd in the source is printed.
Run from the repository root:

    uv run --no-project --with vietnamadminunits==1.0.4 python scripts/generate_admin_units.py
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import json
import sqlite3
import sys
import unicodedata
from contextlib import closing
from pathlib import Path

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"
OUT_DIR = Path(__file__).resolve().parent.parent / "src" / "thidua" / "org" / "data"

UNIT_HEADER = ("level", "code", "name", "kind", "parent_code")
SUCCESSION_HEADER = ("level", "old_code", "new_code", "is_main")
LEVEL_ORDER = {"province": 0, "district": 1, "ward": 2}

PROVINCE_KINDS = ("thành phố", "tỉnh")
DISTRICT_KINDS = ("thành phố", "thị xã", "huyện", "quận")
WARD_KINDS = ("thị trấn", "đặc khu", "phường", "xã")

LEGACY_QUERY = """
    SELECT province, provinceCode, provinceKey, district, districtType, districtCode,
           districtKey, ward, wardType, wardCode, wardKey
    FROM admin_units_legacy
"""
CURRENT_QUERY = """
    SELECT province, provinceCode, provinceKey, ward, wardType, wardCode, wardKey
    FROM admin_units
"""


def data_dir() -> Path:
    """Locate the installed package's data folder without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{PACKAGE} is not installed; run with `uv run --with {PACKAGE}=={VERSION}`")
    installed = importlib.metadata.version(PACKAGE)
    if installed != VERSION:
        sys.exit(f"{PACKAGE} {installed} found, this script is written for {VERSION}")
    return Path(spec.submodule_search_locations[0]) / "data"


def nfc(text: str) -> str:
    """Return `text` NFC-normalised with surrounding blanks removed."""
    return unicodedata.normalize("NFC", text).strip()


def split_kind(full_name: str, kinds: tuple[str, ...]) -> tuple[str, str]:
    """Split "Huyện Sông Hinh" into ("huyện", "Sông Hinh").

    The prefix is matched case-insensitively (the source has "Thị Xã", "Thành Phố",
    "Thị Trấn"). A bare number keeps its prefix, as the package's short names do:
    "Phường 5" stays "Phường 5", "Quận 1" stays "Quận 1".
    """
    full_name = nfc(full_name)
    for kind in kinds:
        prefix = kind + " "
        if full_name.casefold().startswith(prefix):
            name = full_name[len(prefix) :].strip()
            if name.isdigit():
                name = f"{kind.capitalize()} {name}"
            return kind, name
    raise ValueError(f"no kind among {kinds} prefixes {full_name!r}")


def unit(level: str, code: str, full_name: str, kinds: tuple[str, ...], parent: str = "") -> dict:
    """Build one output row of a units CSV."""
    kind, name = split_kind(full_name, kinds)
    return {"level": level, "code": code, "name": name, "kind": kind, "parent_code": parent}


def check_type(row: dict, type_column: str | None, problems: list[str]) -> None:
    """Record a disagreement between the name's prefix and the source's type column."""
    if type_column is not None and nfc(type_column).casefold() != row["kind"]:
        problems.append(
            f"{row['level']} {row['code']} {row['name']!r}: type column says "
            f"{type_column!r}, name says {row['kind']!r} (the name is used)"
        )


def load_legacy(db: sqlite3.Connection, problems: list[str]) -> tuple[list[dict], dict]:
    """Read the 63-province tree; return its rows and a source-key -> code index.

    The index maps the converter's keys: "province", "province_district_" (for the
    ward-less districts) and "province_district_ward".
    """
    rows: dict[tuple[str, str], dict] = {}
    keys: dict[str, str] = {}
    for src in db.execute(LEGACY_QUERY):
        p_code, d_code, w_code = src["provinceCode"], src["districtCode"], src["wardCode"]
        if ("province", p_code) not in rows:
            rows["province", p_code] = unit("province", p_code, src["province"], PROVINCE_KINDS)
            keys[src["provinceKey"]] = p_code
        if ("district", d_code) not in rows:
            district = unit("district", d_code, src["district"], DISTRICT_KINDS, p_code)
            rows["district", d_code] = district
            check_type(district, src["districtType"], problems)
            keys[f"{src['provinceKey']}_{src['districtKey']}_"] = d_code
        if not w_code:
            problems.append(f"district {d_code} {src['district']!r} has no ward; kept")
            continue
        ward = unit("ward", w_code, src["ward"], WARD_KINDS, d_code)
        rows["ward", w_code] = ward
        check_type(ward, src["wardType"], problems)
        keys[f"{src['provinceKey']}_{src['districtKey']}_{src['wardKey']}"] = w_code
    return sort_units(rows.values()), keys


def load_current(db: sqlite3.Connection, problems: list[str]) -> tuple[list[dict], dict]:
    """Read the 34-province tree; return its rows and a source-key -> code index.

    The index maps the converter's keys: "province" and "province_ward".
    """
    rows: dict[tuple[str, str], dict] = {}
    keys: dict[str, str] = {}
    for src in db.execute(CURRENT_QUERY):
        p_code, w_code = src["provinceCode"], src["wardCode"]
        if ("province", p_code) not in rows:
            rows["province", p_code] = unit("province", p_code, src["province"], PROVINCE_KINDS)
            keys[src["provinceKey"]] = p_code
        ward = unit("ward", w_code, src["ward"], WARD_KINDS, p_code)
        rows["ward", w_code] = ward
        check_type(ward, src["wardType"], problems)
        keys[f"{src['provinceKey']}_{src['wardKey']}"] = w_code
    return sort_units(rows.values()), keys


def sort_units(rows) -> list[dict]:
    """Order rows by level (province, district, ward), then code."""
    return sorted(rows, key=lambda row: (LEVEL_ORDER[row["level"]], row["code"]))


def province_succession(converter: dict, old: dict, new: dict, problems: list[str]) -> set:
    """Map each old province to the new province(s) it went into."""
    links = set()
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        for old_key in old_keys:
            if old_key in old and new_key in new:
                links.add(("province", old[old_key], new[new_key], 1))
            else:
                problems.append(f"unresolved province link {old_key!r} -> {new_key!r}")
    return links


def ward_links(converter: dict):
    """Yield (new province key, old ward key, new ward key, is_main) from the converter."""
    for province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_wards in wards.items():
            for old_ward in old_wards:
                yield province, old_ward, new_ward, True
    for province, old_wards in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_ward, parts in old_wards.items():
            for part in parts:
                yield province, old_ward, part["newWardKey"], part["isDefaultNewWard"]


def ward_succession(converter: dict, old: dict, new: dict, problems: list[str]) -> set:
    """Map each old ward to the new ward(s) it became (part of).

    Old keys are "province_district_ward"; new ward keys are only unique within the
    new province the converter files them under. An old key with an empty ward part
    names one of the island districts that had no wards: it becomes a district row.
    """
    links = set()
    for province, old_key, new_ward, is_main in ward_links(converter):
        old_code = old.get(old_key)
        new_code = new.get(f"{province}_{new_ward}")
        if old_code is None or new_code is None:
            problems.append(f"unresolved ward link {old_key!r} -> {province}_{new_ward}")
            continue
        level = "ward"
        if old_key.endswith("_"):
            level = "district"
            problems.append(f"ward-less district {old_key!r} maps to {province}_{new_ward}")
        links.add((level, old_code, new_code, int(is_main)))
    return links


def check_succession(links: set, legacy: list[dict], problems: list[str]) -> None:
    """Check every old province, ward and ward-less district has exactly one main successor."""
    main_count: dict[tuple[str, str], int] = {}
    for level, old_code, _new_code, is_main in links:
        main_count[level, old_code] = main_count.get((level, old_code), 0) + is_main
    parents = {row["parent_code"] for row in legacy if row["level"] == "ward"}
    for row in legacy:
        if row["level"] == "district" and row["code"] in parents:
            continue
        count = main_count.get((row["level"], row["code"]))
        if count != 1:
            problems.append(
                f"{row['level']} {row['code']} {row['name']!r}: {count} main successors"
            )


def write_csv(path: Path, header: tuple[str, ...], rows: list) -> None:
    """Write rows (dicts or tuples) as UTF-8 CSV with "\\n" line ends."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row[column] for column in header] if isinstance(row, dict) else row)


def count_levels(rows: list) -> dict[str, int]:
    """Count rows (dicts, or tuples starting with the level) per level, in level order."""
    counts: dict[str, int] = {}
    for row in rows:
        level = row["level"] if isinstance(row, dict) else row[0]
        counts[level] = counts.get(level, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: LEVEL_ORDER[item[0]]))


def main() -> None:
    """Read the package's data, write the three CSVs and report."""
    source = data_dir()
    converter = json.loads((source / "converter_2025.json").read_text(encoding="utf-8"))
    problems: list[str] = []
    database = (source / "dataset.db").as_uri() + "?mode=ro"
    with closing(sqlite3.connect(database, uri=True)) as db:
        db.row_factory = sqlite3.Row
        legacy, old_keys = load_legacy(db, problems)
        current, new_keys = load_current(db, problems)
    links = province_succession(converter, old_keys, new_keys, problems)
    links |= ward_succession(converter, old_keys, new_keys, problems)
    check_succession(links, legacy, problems)
    succession = sorted(links, key=lambda link: (LEVEL_ORDER[link[0]], *link[1:]))

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_csv(OUT_DIR / "units_legacy.csv", UNIT_HEADER, legacy)
    write_csv(OUT_DIR / "units_current.csv", UNIT_HEADER, current)
    write_csv(OUT_DIR / "succession.csv", SUCCESSION_HEADER, succession)

    print(f"source: {source}")
    for problem in problems:
        print(f"note: {problem}")
    print(f"units_legacy.csv: {count_levels(legacy)}")
    print(f"units_current.csv: {count_levels(current)}")
    print(f"succession.csv: {count_levels(succession)}")


if __name__ == "__main__":
    main()
