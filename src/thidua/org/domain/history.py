"""Units over time: what a unit succeeded, and reports that span a reorganisation."""

import datetime
from collections.abc import Iterable

from django.db import connection

from thidua.org.models import Membership, Succession, Unit

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


def roles_with_archives(person_id: int) -> tuple[list[tuple[str, int, str]], dict[int, set[str]]]:
    """The person's roles (role, unit id, unit path) and, for each of their units, the paths
    of every unit it succeeded, directly or not (``predecessor_paths``), in one query: asked
    at every request (``access.grants``), where the roles then each generation of
    reorganisation cost a query each."""
    quote = connection.ops.quote_name
    memberships, units = quote(Membership._meta.db_table), quote(Unit._meta.db_table)
    successions = quote(Succession._meta.db_table)
    sql = f"""
        WITH RECURSIVE older(origin, unit_id, depth) AS (
            SELECT s.successor_id, s.predecessor_id, 1 FROM {successions} s
            WHERE s.successor_id IN (SELECT unit_id FROM {memberships} WHERE person_id = %s)
            UNION
            SELECT o.origin, s.predecessor_id, o.depth + 1
            FROM older o JOIN {successions} s ON s.successor_id = o.unit_id
            WHERE o.depth < %s
        )
        SELECT m.role, m.unit_id, u.path FROM {memberships} m JOIN {units} u ON u.id = m.unit_id
        WHERE m.person_id = %s
        UNION ALL
        SELECT NULL, o.origin, u.path FROM older o JOIN {units} u ON u.id = o.unit_id
    """  # noqa: S608 (quoted table names; the values are parameters)
    roles, older = [], {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [person_id, MAX_SUCCESSION_DEPTH, person_id])
        for role, unit_id, path in cursor.fetchall():
            if role is None:
                older.setdefault(unit_id, set()).add(path)
            else:
                roles.append((role, unit_id, path))
    return roles, {unit_id: older.get(unit_id, set()) for _role, unit_id, _path in roles}


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
