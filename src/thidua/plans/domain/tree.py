"""The plans of a cascade below a plan: the plan's versions, then the plans written on their
basis, level by level, never through a draft. Three forms of one walk: the plans themselves
(`plan_tree`), the database's recursive query (`plan_tree_sql`, `plan_tree_ids`: a national
plan has thousands of plans below it, none of which need come to Python) and a condition on a
plan's id (`in_plan_tree`, which SQLite answers fastest for a table of registrations)."""

from collections.abc import Collection

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from thidua.plans.domain.cascade import lineage_ids
from thidua.plans.models import Plan, PlanBasis, PlanState

MAX_PLAN_DEPTH = 4


def plan_tree(plan: Plan, *, only: tuple[str, ...] = ()) -> list[Plan]:
    """This plan and the plans written on its basis below it, level by level.

    ``only`` loads just these fields of the plans below (and their units), for a reader
    of many plans that needs few of their fields (``RULE_FIELDS``).
    """
    versions = lineage_ids(plan)  # units may have answered an earlier version
    plans = Plan.objects.select_related("unit")
    if only:
        plans = plans.only(*only)
    found = [plan, *plans.filter(pk__in=versions[1:])]
    frontier = versions
    for _level in range(MAX_PLAN_DEPTH):
        children = list(
            plans.filter(
                pk__in=PlanBasis.objects.filter(parent_id__in=frontier).values("plan_id")
            ).exclude(state=PlanState.DRAFT)
        )
        if not children:
            break
        found.extend(children)
        frontier = [child.pk for child in children]
    return found


def plan_tree_sql(plan: Plan, *, issuers: Collection[int] | None = None) -> tuple[str, list]:
    """``plan_tree``'s plans walked by the database: a recursive common table expression
    ``tree(id, depth)`` (SQL and parameters, to follow ``WITH RECURSIVE``), from the
    plan's versions down the bases, through plans that are not drafts, at most
    ``MAX_PLAN_DEPTH`` levels. A national plan has thousands of plans below it: neither
    their objects nor their ids come to Python (`plan_tree_ids` for the ORM).

    ``issuers``: only down the plans these units issued (a few units and the units above
    them: what concerns a commune lies on its province's, district's and own plans, not on
    the country's thousands)."""
    quote = connection.ops.quote_name
    plans, bases = quote(Plan._meta.db_table), quote(PlanBasis._meta.db_table)
    versions = lineage_ids(plan)  # units may have answered an earlier version
    marks = ", ".join(["%s"] * len(versions))
    through, through_params = "", []
    if issuers is not None:
        through_params = sorted(issuers) or [0]  # no unit's id is 0
        through = f" AND p.unit_id IN ({', '.join(['%s'] * len(through_params))})"
    sql = (
        f"tree(id, depth) AS (SELECT id, 0 FROM {plans} WHERE id IN ({marks}) "  # noqa: S608 (quoted table names, constants and placeholders)
        f"UNION SELECT b.plan_id, tree.depth + 1 FROM tree "
        f"JOIN {bases} b ON b.parent_id = tree.id JOIN {plans} p ON p.id = b.plan_id "
        f"WHERE p.state <> %s AND tree.depth < %s{through})"
    )
    return sql, [*versions, PlanState.DRAFT, MAX_PLAN_DEPTH, *through_params]


def plan_forest_sql(
    plans: Collection[Plan], *, wide: Collection[int], issuers: Collection[int]
) -> tuple[str, list]:
    """Several plans' trees walked by one recursive query: ``forest(root, id, depth,
    wide)``, a row for each plan ``id`` of the tree of the plan ``root`` (a plan may sit in
    several trees). The trees of the plans whose ids are in ``wide`` are walked whole
    (``wide`` = 1); the others only down the plans ``issuers`` issued, as
    ``plan_tree_sql``'s ``issuers``. A person's start page reads every open plan above
    their units at once, in a number of queries that does not grow with the plans.

    The two kinds of tree are two walks: one walk with "whole, or issued by these units"
    in its step made SQLite read every plan at each step (3 ms for nine rows at national
    size, against 0.02 ms by the issuers' index)."""
    through = sorted(issuers) or [0]  # no unit's id is 0
    narrow, narrow_params = _walk("narrow", [p for p in plans if p.pk not in wide], through)
    whole, whole_params = _walk("whole", [p for p in plans if p.pk in wide], None)
    sql = (
        f"{narrow}, {whole}, forest(root, id, depth, wide) AS ("  # noqa: S608 (the walks' own SQL)
        f"SELECT root, id, depth, 0 FROM narrow UNION ALL SELECT root, id, depth, 1 FROM whole)"
    )
    return sql, [*narrow_params, *whole_params]


def _walk(name: str, plans: list[Plan], issuers: list[int] | None) -> tuple[str, list]:
    """``name(root, id, depth)``: the trees of ``plans`` (`plan_forest_sql`), down the plans
    of ``issuers`` only unless None."""
    quote = connection.ops.quote_name
    table, bases = quote(Plan._meta.db_table), quote(PlanBasis._meta.db_table)
    seeds = [
        value
        for plan in plans
        for version in lineage_ids(plan)  # units may have answered an earlier version
        for value in (plan.pk, version)
    ]
    rows = ", ".join(["(%s, %s)"] * (len(seeds) // 2)) or "(0, 0)"  # no plan's id is 0
    through, through_params = "", []
    if issuers is not None:
        through_params = issuers
        through = f" AND p.unit_id IN ({', '.join(['%s'] * len(issuers))})"
    # The seeds' ids are joined to the plans' own column, so that both parts of the
    # recursive query give it the same type (PostgreSQL insists).
    sql = (
        f"{name}(root, id, depth) AS (SELECT seeds.column1, p.id, 0 "  # noqa: S608 (quoted table names, constants and placeholders)
        f"FROM (VALUES {rows}) AS seeds JOIN {table} p ON p.id = seeds.column2 "
        f"UNION SELECT {name}.root, b.plan_id, {name}.depth + 1 FROM {name} "
        f"JOIN {bases} b ON b.parent_id = {name}.id JOIN {table} p ON p.id = b.plan_id "
        f"WHERE p.state <> %s AND {name}.depth < %s{through})"
    )
    return sql, [*seeds, PlanState.DRAFT, MAX_PLAN_DEPTH, *through_params]


def in_plan_tree(plan: Plan, field: str = "plan_id") -> Q:
    """A condition on ``field`` (a plan's id): it names one of ``plan_tree``'s plans. The
    same walk as ``plan_tree_sql``, as one subquery per level, each level the plans that are
    not drafts written on the basis of a plan of the level above (a version of ``plan`` at
    the top), ORed on the field itself: SQLite checks a registration's plan against these
    faster (11 ms against 24 at national size) than against the recursive query or a
    subquery wrapping them. Each level nests the one above rather than joining the whole
    chain again: PostgreSQL planned the joined form of the national council's entries in
    8-12 ms (for 5-8 ms of work), this one in about 1 ms. The levels are written as SQL
    here: built as nested querysets, Django spent 2 ms of CPU compiling them at each use."""
    quote = connection.ops.quote_name
    plans, bases = quote(Plan._meta.db_table), quote(PlanBasis._meta.db_table)
    versions = lineage_ids(plan)  # units may have answered an earlier version
    live = [state.value for state in PlanState if state != PlanState.DRAFT]
    live_marks = ", ".join(["%s"] * len(live))
    found = Q(**{f"{field}__in": versions})
    level, params = ", ".join(["%s"] * len(versions)), list(versions)
    for depth in range(MAX_PLAN_DEPTH):
        p, b = f"p{depth}", f"b{depth}"
        level = (
            f"SELECT {p}.id FROM {plans} {p} JOIN {bases} {b} ON {b}.plan_id = {p}.id "  # noqa: S608 (quoted table names, constants and placeholders)
            f"WHERE {b}.parent_id IN ({level}) AND {p}.state IN ({live_marks})"
        )
        params = [*params, *live]
        found |= Q(**{f"{field}__in": RawSQL(level, params)})  # noqa: S611 (as above)
    return found


def plan_tree_ids(plan: Plan, *, issuers: Collection[int] | None = None) -> RawSQL:
    """The ids of ``plan_tree``'s plans as a subquery: ``filter(plan_id__in=...)``;
    ``issuers`` as for ``plan_tree_sql``."""
    sql, params = plan_tree_sql(plan, issuers=issuers)
    return RawSQL(f"WITH RECURSIVE {sql} SELECT id FROM tree", params)  # noqa: S608, S611 (as above)
