"""Loading the country's administrative units (both structures) into the unit tree.

The data (``thidua/org/data/*.csv``, see its README) holds the 63-province
structure in force until 30/6/2025, the 34-province one since 1/7/2025, and the
mapping between them. A province that was not merged continues as the same
unit; every other unit of the old structure ends on 30/6/2025 and is linked to
its successors, so records made in 2022 stay with the units they were made in.
"""

import csv
import datetime
from collections import defaultdict
from pathlib import Path

from django.db import connection, transaction

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.core.signals import rows_changed
from thidua.org.models import Succession, SuccessionKind, Unit, UnitKind, path_for

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REFORM_DATE = datetime.date(2025, 7, 1)
LAST_OLD_DAY = REFORM_DATE - datetime.timedelta(days=1)
BATCH = 1000

KINDS = {
    ("province", "tỉnh"): UnitKind.PROVINCE,
    ("province", "thành phố"): UnitKind.CITY,
    ("district", "huyện"): UnitKind.DISTRICT,
    ("district", "quận"): UnitKind.URBAN_DISTRICT,
    ("district", "thị xã"): UnitKind.TOWN,
    ("district", "thành phố"): UnitKind.CITY,
    ("ward", "xã"): UnitKind.COMMUNE,
    ("ward", "phường"): UnitKind.WARD,
    ("ward", "thị trấn"): UnitKind.TOWNSHIP,
    ("ward", "đặc khu"): UnitKind.SPECIAL_ZONE,
}
LEVELS = {"province": 1, "district": 2, "ward": 3}


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def central_unit() -> Unit:
    root = Unit.objects.filter(kind=UnitKind.CENTRAL).first()
    if root is None:
        root = Unit(name="Việt Nam", kind=UnitKind.CENTRAL, level=0, path="pending-root")
        root.refresh_derived_fields()
        root.save()
        root.path = path_for(None, root.pk)
        root.save(update_fields=["path"])
    return root


@transaction.atomic
def load_admin_units(*, actor=None, old_provinces: set[str] | None = None) -> dict[str, int]:
    """Create the units of both structures and the successions; returns counts.

    ``old_provinces`` limits the load to these old province codes and the new
    provinces they went into (the demo and the tests use one province).
    Loading twice does nothing the second time.
    """
    root = central_unit()
    if Unit.objects.filter(parent=root, code__gt="").exists():
        return {"units": 0, "successions": 0}
    legacy, current = read_csv("units_legacy.csv"), read_csv("units_current.csv")
    links = read_csv("succession.csv")
    province_links = [row for row in links if row["level"] == "province"]
    if old_provinces is not None:
        province_links = [row for row in province_links if row["old_code"] in old_provinces]
    new_provinces = {row["new_code"] for row in province_links}
    old_provinces = {row["old_code"] for row in province_links}
    continuing = _continuing_provinces(province_links)

    old = _create_structure(
        root,
        _rows_in(legacy, old_provinces),
        valid_from=None,
        valid_to=LAST_OLD_DAY,
        shared={},
        continuing=continuing,
    )
    shared = {("province", code): old[("province", code)] for code in continuing}
    new = _create_structure(
        root,
        _rows_in(current, new_provinces),
        valid_from=REFORM_DATE,
        valid_to=None,
        shared=shared,
        continuing=continuing,
    )
    successions = _create_successions(links, old, new, continuing)
    record(
        actor=actor,
        action=Action.IMPORT,
        instance=root,
        unit=root,
        after={"units": len(old) + len(new) - len(shared), "successions": successions},
        note="Administrative units of Vietnam (vietnamadminunits 1.0.4)",
    )
    return {"units": len(old) + len(new) - len(shared), "successions": successions}


def _continuing_provinces(province_links: list[dict]) -> set[str]:
    """Old provinces that became a new one alone, keeping their code."""
    predecessors = defaultdict(set)
    for row in province_links:
        predecessors[row["new_code"]].add(row["old_code"])
    return {
        row["old_code"]
        for row in province_links
        if row["old_code"] == row["new_code"] and predecessors[row["new_code"]] == {row["old_code"]}
    }


def _rows_in(rows: list[dict], provinces: set[str]) -> list[dict]:
    """The rows that lie in these provinces (following parent codes upwards)."""
    parents = {(r["level"], r["code"]): r["parent_code"] for r in rows}

    def province_of(level: str, code: str) -> str:
        while level != "province":
            code = parents[(level, code)]
            level = "district" if ("district", code) in parents else "province"
        return code

    return [r for r in rows if province_of(r["level"], r["code"]) in provinces]


def _create_structure(root, rows, *, valid_from, valid_to, shared, continuing):
    """Insert the rows level by level; returns {(level, code): unit}."""
    created: dict[tuple[str, str], Unit] = dict(shared)
    for level in ("province", "district", "ward"):
        batch = []
        for row in rows:
            if row["level"] != level or (level, row["code"]) in created:
                continue
            parent = root if level == "province" else _parent(created, row)
            keeps = level == "province" and row["code"] in continuing
            unit = Unit(
                parent=parent,
                name=row["name"],
                kind=KINDS[(level, row["kind"])],
                level=LEVELS[level],
                code=row["code"],
                valid_from=None if keeps else valid_from,
                valid_to=None if keeps else valid_to,
                path=f"pending-{level}-{row['code']}-{valid_to}",
            )
            unit.refresh_derived_fields()
            batch.append(unit)
        Unit.objects.bulk_create(batch, batch_size=BATCH)
        for unit in batch:
            unit.path = path_for(unit.parent, unit.pk)
            created[(level, unit.code)] = unit
        _write_paths(batch)
        rows_changed.send(sender=Unit, pks=[unit.pk for unit in batch])
    return created


def _write_paths(units: list[Unit]) -> None:
    """The paths known once the ids are: one prepared UPDATE run for every unit
    (``bulk_update``'s CASE over a thousand ids cost 12 of the country's 30 s)."""
    table = connection.ops.quote_name(Unit._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET path = %s WHERE id = %s",  # noqa: S608 (a quoted table name)
            [(unit.path, unit.pk) for unit in units],
        )


def _parent(created: dict, row: dict) -> Unit:
    """A ward's parent is a district in the old structure, a province in the new."""
    return (
        created.get(("district", row["parent_code"])) or created[("province", row["parent_code"])]
    )


def _create_successions(links, old, new, continuing) -> int:
    """Link old units to new ones; the kind (merge, split …) comes from the whole file."""
    successor_count, predecessor_count = defaultdict(int), defaultdict(int)
    for row in links:
        successor_count[(row["level"], row["old_code"])] += 1
        predecessor_count[(row["level"], row["new_code"])] += 1
    successions = []
    for row in links:
        if row["level"] == "province" and row["old_code"] in continuing:
            continue
        predecessor, successor = old.get((row["level"], row["old_code"])), _successor(row, new)
        if predecessor is None or successor is None:
            continue  # outside the provinces being loaded
        kind = _succession_kind(
            successor_count[(row["level"], row["old_code"])],
            predecessor_count[(row["level"], row["new_code"])],
        )
        successions.append(
            Succession(
                predecessor=predecessor,
                successor=successor,
                kind=kind,
                date=REFORM_DATE,
                is_main=row["is_main"] == "1",
            )
        )
    Succession.objects.bulk_create(successions, batch_size=BATCH)
    return len(successions)


def _successor(row, new):
    level = "province" if row["level"] == "province" else "ward"
    return new.get((level, row["new_code"]))


def _succession_kind(successor_count: int, predecessor_count: int) -> SuccessionKind:
    if successor_count > 1:
        return SuccessionKind.SPLIT
    if predecessor_count > 1:
        return SuccessionKind.MERGE
    return SuccessionKind.REORGANISE
