"""Units over time: what a unit succeeded, and reports that span a reorganisation."""

import datetime
from collections.abc import Iterable

from thidua.org.models import Succession, Unit

MAX_SUCCESSION_DEPTH = 5  # more reorganisations than any unit has been through


def predecessor_paths(unit_ids: Iterable[int]) -> dict[int, set[str]]:
    """For each unit, the paths of every unit it succeeded, directly or not.

    One query per generation of reorganisation (one or two in practice), however
    many units are asked about.
    """
    found: dict[int, set[str]] = {unit_id: set() for unit_id in unit_ids}
    frontier: dict[int, set[int]] = {unit_id: {unit_id} for unit_id in found}  # id → origins
    for _ in range(MAX_SUCCESSION_DEPTH):
        if not frontier:
            break
        links = Succession.objects.filter(successor_id__in=frontier).values_list(
            "successor_id", "predecessor_id", "predecessor__path"
        )
        older: dict[int, set[int]] = {}
        for successor_id, predecessor_id, path in links:
            for origin in frontier[successor_id]:
                found[origin].add(path)
                older.setdefault(predecessor_id, set()).add(origin)
        frontier = older
    return found


def units_over_time(
    unit: Unit, start: datetime.date | None = None, end: datetime.date | None = None
):
    """The unit's subtree and its predecessors' subtrees, as they existed in [start, end].

    A report of today's Đắk Lắk over 2022–2026 thus lists the old Phú Yên
    communes until 30/6/2025 and the new communes from 1/7/2025.
    """
    paths = {unit.path, *predecessor_paths([unit.pk])[unit.pk]}
    units = Unit.objects.under(*paths)
    if start and end:
        units = units.active_during(start, end)
    return units
