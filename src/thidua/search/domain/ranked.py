"""The search's one statement: every kind searched, ranked and counted, in a single query.

Why one statement: the full-text match is the costly part of a search (on SQLite a prefix
query such as "mo* hinh*" merges the lists of every word starting so, ~5 ms at national
size); asked once per kind and once more to count, the search page read it fourteen times.
Each kind's part ranks its rows and counts them with window functions, so only the few
rows shown come back:

    SELECT kind, pk, rank, position, total FROM (        -- one such part per kind, UNION ALL
        SELECT …, ROW_NUMBER() OVER (ORDER BY rank DESC, the kind's order) AS position,
                  COUNT(*) OVER () AS total
        FROM (SELECT v.*, <rank of the entry> FROM (the rows the person may see) v
              joined to their matching entries e) r
    ) w WHERE position BETWEEN first AND last OR position = 1

How the rows meet their entries differs (``_joined``): SQLite reads the match once, as a
common table (``search_match``) every part walks, each entry then found by its id;
PostgreSQL matches each kind's entries where they are joined, and its planner chooses
between the GIN index and checking a few visible rows one by one.

The rows the person may see are each kind's ``visible`` queryset (``kinds.py``, from
``org/access.py``) compiled by Django, so access is decided where it always was. The rank is
the same sum of points as before, written over the entry's own columns (no subquery per
row): the typed words as a phrase at the start of the name (8 + 8), in the name (4), in the
text (2), and one point for each typed word starting a word of the name. Ties fall to the
kind's own order (``Spec.order``), as its lists show them. The first row of each kind
always comes back, so a page asked for past the end still learns the total.
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F

MATCH = "search_match"


@dataclass(frozen=True)
class Found:
    """One kind's answer: how many rows match in all, and the rows asked for (pk, rank),
    best first."""

    total: int
    rows: list[tuple[int, int]]


def fts5(terms: list[str]) -> str:
    """SQLite FTS5: every term as the start of a word (terms are [a-z0-9]+ only)."""
    return " ".join(f'"{term}"*' for term in terms)


def tsquery(terms: list[str]) -> str:
    """PostgreSQL: every term as the start of a word (terms are [a-z0-9]+ only)."""
    return " & ".join(f"{term}:*" for term in terms)


def _match(found: list[str]) -> tuple[str, list]:
    """SQLite: the entries matching, read from the FTS5 table, then each entry by its id."""
    sql = (
        "SELECT e.id, e.kind, e.object_id FROM search_entry_fts "
        "CROSS JOIN search_entry e ON e.id = search_entry_fts.rowid "
        "WHERE search_entry_fts MATCH %s"
    )
    return sql, [fts5(found)]


def _rank(found: list[str]) -> tuple[str, list]:
    """The points of the entry ``e``: its columns are padded with spaces, so " word" is a
    word's start (the words are [a-z0-9 ] only: nothing to escape in a pattern)."""
    phrase = " ".join(found)
    parts = [
        (8, "title", f" {phrase} %"),
        (8, "title", f" {phrase}%"),
        (4, "title", f"% {phrase}%"),
        (2, "words", f"% {phrase}%"),
        *((1, "title", f"% {term}%") for term in found),
    ]
    sql = " + ".join(
        f"CASE WHEN e.{column} LIKE %s THEN {points} ELSE 0 END" for points, column, _ in parts
    )
    return f"({sql})", [pattern for *_, pattern in parts]


def _visible(spec, user) -> tuple[str, tuple] | None:
    """The rows of ``spec`` that ``user`` may see, as SQL: their pk and the columns of the
    kind's order; None when the person may see none."""
    rows = spec.visible(user)
    if spec.distinct:  # a join that repeats rows (members, memberships): asked as a set
        rows = spec.model._base_manager.filter(pk__in=rows.values("pk"))
    keys = {f"search_o{i}": F(name.removeprefix("-")) for i, name in enumerate(spec.order)}
    try:
        return rows.order_by().values(search_pk=F("pk"), **keys).query.sql_with_params()
    except EmptyResultSet:
        return None


def _joined(found: list[str]) -> tuple[str, list]:
    """How a kind's visible rows ``v`` meet their matching entries ``e`` (after the visible
    rows' SQL; the kind's value is the first parameter)."""
    if connection.vendor == "sqlite":  # the match read once, then each entry by its id
        return (
            "CROSS JOIN search_entry e WHERE m.kind = %s AND v.search_pk = m.object_id "
            "AND e.id = m.id",
            [],
        )
    # PostgreSQL: no common table (it has no statistics there, and the planner would scan it
    # once per visible row); each kind's entries are matched where they are joined. The
    # words' LIKEs say the same as the full-text match (every typed word starts a word of
    # the padded words) and cost little, so a district's few visible rows are checked by
    # them, one by one; the planner keeps the GIN index for a country's many.
    likes = "".join(" AND e.words LIKE %s" for _ in found)
    return (
        "JOIN search_entry e ON e.kind = %s AND e.object_id = v.search_pk "
        "WHERE to_tsvector('simple'::regconfig, e.words) @@ to_tsquery('simple'::regconfig, %s)"
        f"{likes}",
        [tsquery(found), *(f"% {term}%" for term in found)],
    )


def _part(number: int, spec, visible: tuple[str, tuple], rank, joined) -> tuple[str, list]:
    visible_sql, visible_params = visible
    rank_sql, rank_params = rank
    joined_sql, joined_params = joined
    order = ", ".join(
        f"r.search_o{i} DESC" if name.startswith("-") else f"r.search_o{i}"
        for i, name in enumerate(spec.order)
    )
    source = f"{MATCH} m CROSS JOIN " if connection.vendor == "sqlite" else ""
    sql = (
        f"SELECT {number} AS k, search_pk, search_rank, search_position, search_total FROM ("  # noqa: S608 (constants and placeholders)
        f"SELECT r.*, ROW_NUMBER() OVER (ORDER BY r.search_rank DESC, {order}) AS search_position, "
        f"COUNT(*) OVER () AS search_total FROM ("
        f"SELECT v.*, {rank_sql} AS search_rank "
        f"FROM {source}({visible_sql}) v {joined_sql}"
        f") r) w WHERE search_position BETWEEN %s AND %s OR search_position = 1"
    )
    return sql, [*rank_params, *visible_params, str(spec.kind), *joined_params]


def ranked(
    specs: list, user, found: list[str], windows: dict[str, tuple[int, int]]
) -> dict[str, Found]:
    """kind → its answer, for each of ``specs`` with a match for ``user``; ``windows`` gives
    each kind's positions wanted (first, last), counted from 1."""
    rank, joined = _rank(found), _joined(found)
    parts, params = [], []
    for number, spec in enumerate(specs):
        visible = _visible(spec, user)
        if visible is not None:
            sql, more = _part(number, spec, visible, rank, joined)
            parts.append(sql)
            params += [*more, *windows[spec.kind]]
    if not parts:
        return {}
    sql = " UNION ALL ".join(parts)
    if connection.vendor == "sqlite":
        match_sql, match_params = _match(found)
        sql, params = f"WITH {MATCH} AS ({match_sql}) {sql}", [*match_params, *params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = sorted(cursor.fetchall(), key=lambda row: (row[0], row[3]))
    answers: dict[str, Found] = {}
    for number, pk, rank_, position, total in rows:
        kind = specs[number].kind
        first, last = windows[kind]
        found_ = answers.setdefault(kind, Found(total, []))
        if first <= position <= last:
            found_.rows.append((pk, rank_))
    return answers
